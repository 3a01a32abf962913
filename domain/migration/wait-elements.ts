// Which elements of a process a case can be waiting at, and what kind of wait each is: the
// elements a migration plan maps, and the rule for which waits a token may move between.
import type { Node, ProcessIR } from '../process/ir.ts';
import type { WaitKind } from '../engine/engine-state.ts';
import { indexIr, type IrIndex } from '../engine/ir-index.ts';
import type { MappableElement } from '../contract/migration.ts';

/** The wait kinds a token can be moved between freely: the case is waiting for a person or an event. */
const EVENT_WAITS: ReadonlySet<WaitKind> = new Set(['user-task', 'timer', 'message', 'event-gateway']);

/** The kind of wait a token at `node` is in, or undefined when a case never waits there. */
export function waitKindOf(index: IrIndex, node: Node): WaitKind | undefined {
  const trigger = node.trigger?.type;
  switch (node.kind) {
    case 'userTask':
      return 'user-task';
    case 'receiveTask':
      return 'message';
    case 'intermediateCatchEvent':
      return trigger === 'timer' ? 'timer' : trigger === 'message' ? 'message' : undefined;
    case 'subProcess':
    case 'transaction':
    case 'adHocSubProcess':
      return 'sub-process';
    case 'parallelGateway':
    case 'inclusiveGateway':
      return index.incoming(node.id).length > 1 ? 'join' : undefined;
    case 'eventBasedGateway':
      return 'event-gateway';
    case 'callActivity':
      return 'child-case';
    case 'serviceTask':
    case 'sendTask':
      return 'activity';
    case 'scriptTask':
      return node.script ? undefined : node.service?.handler ? 'activity' : undefined;
    case 'businessRuleTask':
      return node.decision ? undefined : node.service?.handler ? 'activity' : undefined;
    case 'intermediateThrowEvent':
    case 'endEvent':
      return trigger === 'message' ? 'activity' : undefined;
    default:
      return undefined;
  }
}

/** Whether a token waiting as `from` may be placed on a node waiting as `to`. */
export function waitsCompatible(from: WaitKind, to: WaitKind): boolean {
  if (EVENT_WAITS.has(from)) return EVENT_WAITS.has(to);
  return from === to;
}

/** Elements of the case's own process (not other pools) where a case can wait, in diagram order. */
export function waitElements(ir: ProcessIR): Node[] {
  const index = indexIr(ir);
  return ir.nodes.filter((node) => node.processId === index.processId && waitKindOf(index, node) !== undefined);
}

export function mappableElements(ir: ProcessIR): MappableElement[] {
  return waitElements(ir).map((node) => ({ id: node.id, ...(node.name ? { name: node.name } : {}), type: node.kind }));
}

/** Equal as JSON with sorted keys: the test for "the definition is unchanged". */
export function sameDefinition(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner) => (inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => x.localeCompare(y))) : inner)) ?? 'null';
}
