// Reads the definitions root into the IR (without its hash): processes and their pools, the
// graph of each process, messages, errors, escalations and mapped-only root elements.
import type { Process, ProcessIR } from '../process/ir.ts';
import { IR_SCHEMA_VERSION } from '../process/ir.ts';
import type { CompileContext, ProcessScope } from './compile-context.ts';
import { type Element, children, raw, text } from './moddle-access.ts';
import { toArtifact } from './read-artifacts.ts';
import { type CollaborationParts, readCollaboration } from './read-collaboration.ts';
import { linkCompensation } from './read-compensation.ts';
import { readCalendar, toDeadline } from './read-deadlines.ts';
import { type Graph, readFlowElements } from './read-flow-elements.ts';
import { emptyLaneIndex } from './read-lanes.ts';

export type IRContent = Omit<ProcessIR, 'hash'>;

export const emptyContent = (): IRContent => ({
  schemaVersion: IR_SCHEMA_VERSION,
  processes: [],
  nodes: [],
  flows: [],
  lanes: [],
  messages: [],
  errors: [],
  escalations: [],
  artifacts: [],
});

const ofType = (elements: Element[], type: string) => elements.filter((element) => element.$type === type);
const withId = (elements: Element[]) => elements.filter((element): element is Element & { id: string } => typeof element.id === 'string');
const optional = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : { [key]: value });

function readProcess(element: Element & { id: string }, participantId: string | undefined, graph: Graph, ctx: CompileContext): Process {
  const calendar = readCalendar(element, 'working-days', ctx);
  const scope: ProcessScope = { processId: element.id, isExecutable: raw(element, 'isExecutable') === true, calendar };
  const watchdogText = text(element, 'casework:watchdog');
  const watchdog = watchdogText && toDeadline(element, { attribute: 'casework:watchdog', value: watchdogText, allowDate: false }, calendar, ctx);
  readFlowElements(element, scope, graph, ctx);
  const starters = text(element, 'casework:starters')?.split(',').map((team) => team.trim()).filter(Boolean);
  return {
    id: element.id,
    ...optional('name', text(element, 'name')),
    isExecutable: scope.isExecutable,
    ...optional('participantId', participantId),
    ...(watchdog ? { watchdog } : {}),
    ...(starters && starters.length > 0 ? { starters } : {}),
  };
}

export function readDefinitions(definitions: Element, ctx: CompileContext): IRContent {
  const roots = children(definitions, 'rootElements');
  const collaboration: CollaborationParts = { participantOf: new Map(), artifacts: [] };
  for (const element of roots) {
    if (element.$type === 'bpmn:Collaboration' || element.$type === 'bpmn:Choreography') {
      readCollaboration(element, collaboration, ctx);
    }
  }
  const graph: Graph = { nodes: [], flows: [], artifacts: [], lanes: emptyLaneIndex() };
  const processes = withId(ofType(roots, 'bpmn:Process')).map((process) =>
    readProcess(process, collaboration.participantOf.get(process.id), graph, ctx),
  );
  linkCompensation(graph, processes, ctx);
  if (processes.length === 0) {
    ctx.report({
      code: 'no-process',
      severity: 'warning',
      message: 'The diagram has no process (pool with steps), so there is nothing to run; add a process or a pool with steps.',
    });
  }
  const mainProcess = processes.find((process) => process.isExecutable) ?? processes[0];
  const dataStores = ofType(roots, 'bpmn:DataStore').map((store) => toArtifact(store, undefined));
  return {
    schemaVersion: IR_SCHEMA_VERSION,
    ...optional('definitionsId', typeof definitions.id === 'string' ? definitions.id : undefined),
    ...optional('name', text(definitions, 'name')),
    ...optional('mainProcessId', mainProcess?.id),
    processes,
    nodes: graph.nodes,
    flows: graph.flows,
    lanes: graph.lanes.lanes,
    messages: withId(ofType(roots, 'bpmn:Message')).map((message) => ({ id: message.id, name: text(message, 'name') ?? message.id })),
    errors: withId(ofType(roots, 'bpmn:Error')).map((error) => ({
      id: error.id, ...optional('name', text(error, 'name')), ...optional('code', text(error, 'errorCode')),
    })),
    escalations: withId(ofType(roots, 'bpmn:Escalation')).map((escalation) => ({
      id: escalation.id, ...optional('name', text(escalation, 'name')), ...optional('code', text(escalation, 'escalationCode')),
    })),
    artifacts: [...collaboration.artifacts, ...graph.artifacts, ...dataStores.filter((a) => a !== undefined)],
  };
}
