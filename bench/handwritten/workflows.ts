// Hand-written Temporal workflows doing the same steps as the benchmark's BPMN shapes, the way an
// engineer would code them directly: the yardsticks for the interpreter's overhead. `projection`
// picks how they write the same projection batches as Casemap (case started, one batch per step,
// case ended) through the same `recordCaseEvents` activity:
// - 'serial': each batch is written and awaited before the next step starts, and every Update
//   answers only after its batch is written (the projection is on the critical path);
// - 'pipelined': batches go to a queue that one writer drains in the background, coalescing what
//   arrived while it wrote; steps and Update answers do not wait for it, and the workflow awaits a
//   final flush before it returns (the projection is off the critical path, but still complete);
// - 'local': as 'serial', but each batch is written by a *local* activity (run by the worker inside
//   the workflow task's lifetime, recorded as one marker), the candidate design change of issue #17;
// - 'sink-awaited': each batch handed to a worker sink (`projectionSink.record`, no history event,
//   no marker) that writes it before the workflow task completes: a local activity's write without
//   its marker and second activation. The SDK swallows a sink's failure, so nothing would retry or
//   fence it: a bound, not a design Casemap could ship;
// - 'sink-detached': the same sink call, the write queued and not awaited by anything (not even the
//   task's completion): the cost of writing the same rows from the same process with no
//   coordination at all, the most any projection of these rows could keep of the floor here;
// - 'none' (bare): no projection at all, the floor Temporal itself sets.
import { ApplicationFailure, condition, proxyActivities, proxyLocalActivities, proxySinks, setHandler, workflowInfo, type Sinks } from '@temporalio/workflow';
import type { ProjectionActivities } from '../../activities/projection-activities.ts';
import type { ServiceTaskActivities } from '../../activities/service-handlers/registry.ts';
import type { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import { claimTaskUpdate, completeTaskUpdate, startedUpdate, type NextSteps, type OpenTask } from '../../workflows/case-api.ts';

export interface HandwrittenInput {
  caseId: string;
  definitionId: string;
  version: number;
  steps: number;
  projection: ProjectionMode;
}

export type ProjectionMode = 'none' | 'serial' | 'local' | 'pipelined' | 'sink-awaited' | 'sink-detached';

/** The worker-side sink of the 'sink-*' modes (bench/handwritten/projection-sink.ts). */
export interface ProjectionSinks extends Sinks {
  projectionSink: { record(events: CaseLogEvent[], detached: boolean): void };
}
const { projectionSink } = proxySinks<ProjectionSinks>();

const { runServiceTask } = proxyActivities<ServiceTaskActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['BpmnError'] },
});
const { recordCaseEvents } = proxyActivities<ProjectionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const local = proxyLocalActivities<ProjectionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

type NewEvent = Omit<CaseLogEvent, 'id' | 'caseId' | 'at' | 'data'> & { data?: Record<string, unknown> };

interface ProjectionLog {
  /** Records the events: 'serial' resolves once they are written, 'pipelined' and 'none' at once. */
  write(events: NewEvent[]): Promise<void>;
  /** Resolves once everything written so far is in the projection. */
  flush(): Promise<void>;
}

/** The same stable-id log batches Casemap writes, written as `input.projection` says. */
function projectionLog(input: HandwrittenInput): ProjectionLog {
  let seq = 0;
  const stamp = (events: NewEvent[]): CaseLogEvent[] =>
    events.map((event) => {
      seq += 1;
      return { ...event, data: event.data ?? {}, id: `${input.caseId}:${seq}`, caseId: input.caseId, at: new Date().toISOString() };
    });
  if (input.projection === 'none') return { write: async () => undefined, flush: async () => undefined };
  if (input.projection === 'serial') return { write: async (events) => void (await recordCaseEvents(stamp(events))), flush: async () => undefined };
  if (input.projection === 'local') return { write: async (events) => void (await local.recordCaseEvents(stamp(events))), flush: async () => undefined };
  if (input.projection === 'sink-awaited' || input.projection === 'sink-detached') {
    const detached = input.projection === 'sink-detached';
    return { write: async (events) => projectionSink.record(stamp(events), detached), flush: async () => undefined };
  }
  // Pipelined: one writer at a time keeps the batches in order; whatever queued meanwhile goes next as one batch.
  let queued: CaseLogEvent[] = [];
  let draining: Promise<void> | undefined;
  const drain = async (): Promise<void> => {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      await recordCaseEvents(batch);
    }
    draining = undefined;
  };
  return {
    async write(events) {
      queued.push(...stamp(events));
      draining ??= drain();
    },
    flush: async () => {
      while (draining) await draining;
    },
  };
}

const caseStarted = (input: HandwrittenInput, data: Record<string, unknown>): NewEvent => ({
  kind: 'case-started',
  data: { definitionId: input.definitionId, version: input.version, workflowId: workflowInfo().workflowId, data },
});
const stepDone = (index: number): NewEvent[] => [
  { kind: 'element-entered', nodeId: `Step_${index}` },
  { kind: 'element-completed', nodeId: `Step_${index}` },
];

/** Answers the `started` Update once the first batch is written, as caseWorkflow does. */
function answerStarted(ready: () => boolean, next: () => NextSteps): void {
  setHandler(startedUpdate, async () => {
    await condition(ready);
    return next();
  });
}

export async function handwrittenSequence(input: HandwrittenInput): Promise<Record<string, unknown>> {
  const log = projectionLog(input);
  const write = log.write;
  let data: Record<string, unknown> = {};
  let started = false;
  answerStarted(() => started, () => ({ status: 'running', opened: [] }));
  await write([caseStarted(input, data)]);
  started = true;
  for (let index = 1; index <= input.steps; index += 1) {
    data = { ...data, ...(await runServiceTask({ caseId: input.caseId, taskId: `Step_${index}`, handler: 'noop', input: data })) };
    await write([...stepDone(index), ...(index === input.steps ? [{ kind: 'case-completed' as const }] : [])]);
  }
  await log.flush();
  return data;
}

export async function handwrittenParallel(input: HandwrittenInput): Promise<Record<string, unknown>> {
  const log = projectionLog(input);
  const write = log.write;
  let data: Record<string, unknown> = {};
  let started = false;
  answerStarted(() => started, () => ({ status: 'running', opened: [] }));
  await write([caseStarted(input, data)]);
  started = true;
  const steps = Array.from({ length: input.steps }, (_, offset) => offset + 1);
  await Promise.all(
    steps.map(async (index) => {
      const output = await runServiceTask({ caseId: input.caseId, taskId: `Step_${index}`, handler: 'noop', input: {} });
      data = { ...data, ...output };
      await write(stepDone(index));
    }),
  );
  await write([{ kind: 'case-completed' }]);
  await log.flush();
  return data;
}

export async function handwrittenUserTasks(input: HandwrittenInput): Promise<Record<string, unknown>> {
  const log = projectionLog(input);
  const write = log.write;
  let data: Record<string, unknown> = {};
  let current: OpenTask | undefined;
  let completed = 0;
  let finished = false;
  let started = false;
  const next = (): NextSteps => ({ status: current ? 'running' : 'completed', opened: current ? [current] : [] });
  const refuse = (message: string): never => {
    throw ApplicationFailure.create({ type: 'task-not-open', message, nonRetryable: true });
  };
  const open = (index: number): NewEvent => {
    current = { taskId: `Step_${index}`, nodeId: `Step_${index}`, name: `Caseworker step ${index}`, team: 'unassigned', form: [], createdAt: new Date().toISOString() };
    return { kind: 'task-ready', taskId: current.taskId, nodeId: current.nodeId, team: current.team, task: { name: current.name, team: current.team, form: [], priority: 0 } };
  };

  answerStarted(() => started, next);
  setHandler(
    claimTaskUpdate,
    async ({ taskId, actor }) => {
      current!.claimedBy = actor.userId;
      await write([{ kind: 'task-claimed', taskId, actor: actor.userId, team: current!.team }]);
      return next();
    },
    {
      validator: ({ taskId }) => {
        const task = current;
        if (!task || task.taskId !== taskId || task.claimedBy) refuse(`Task ${taskId} cannot be claimed.`);
      },
    },
  );
  setHandler(
    completeTaskUpdate,
    async ({ taskId, actor, data: submitted }) => {
      data = { ...data, ...submitted };
      completed += 1;
      const events: NewEvent[] = [{ kind: 'task-completed', taskId, actor: actor.userId, team: current!.team }];
      if (completed < input.steps) events.push(open(completed + 1));
      else {
        current = undefined;
        events.push({ kind: 'case-completed' });
      }
      await write(events);
      // The case ends only after the last Update has answered, as caseWorkflow does.
      finished = completed === input.steps;
      return next();
    },
    {
      validator: ({ taskId, actor }) => {
        const task = current;
        if (!task || task.taskId !== taskId || task.claimedBy !== actor.userId) refuse(`Task ${taskId} is not claimed by ${actor.userId}.`);
      },
    },
  );

  await write([caseStarted(input, data), open(1)]);
  started = true;
  await condition(() => finished);
  await log.flush();
  return data;
}
