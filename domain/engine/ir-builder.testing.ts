// Small builders for process IRs in engine tests, so the tests do not depend on the compiler.
import type { Node, NodeKind, ProcessIR, Trigger } from '../process/ir.ts';
import { assembleIr } from '../process/assemble-ir.testing.ts';

type NodeExtra = Partial<Omit<Node, 'id' | 'kind' | 'processId'>>;

export class IrBuilder {
  private readonly nodes: Record<string, unknown>[] = [];
  private readonly flows: Record<string, unknown>[] = [];
  private readonly lanes: Record<string, unknown>[] = [];

  node(id: string, kind: NodeKind, extra: NodeExtra = {}): this {
    this.nodes.push({ id, kind, processId: 'p', ...extra });
    return this;
  }

  /** A flow `source->target`, optionally conditional or with its own id. */
  flow(source: string, target: string, extra: { id?: string; condition?: string } = {}): this {
    this.flows.push({ id: extra.id ?? `${source}->${target}`, processId: 'p', source, target, ...(extra.condition ? { condition: extra.condition } : {}) });
    return this;
  }

  /** Flows joining each node to the next. */
  seq(...ids: string[]): this {
    for (let i = 1; i < ids.length; i += 1) this.flow(ids[i - 1] as string, ids[i] as string);
    return this;
  }

  lane(id: string, team: string): this {
    this.lanes.push({ id, processId: 'p', team });
    return this;
  }

  build(): ProcessIR {
    return assembleIr({ hash: 'test', processId: 'p', nodes: this.nodes, flows: this.flows, lanes: this.lanes });
  }
}

export const ir = (): IrBuilder => new IrBuilder();

export const timer = (expression: string, type: 'duration' | 'date' | 'cycle' = 'duration', feel = false): Trigger => ({
  type: 'timer',
  timer: { type, expression, feel },
});
export const message = (messageName: string, correlationKey?: string): Trigger =>
  correlationKey === undefined ? { type: 'message', messageName } : { type: 'message', messageName, correlationKey };
export const error = (errorCode?: string): Trigger => (errorCode === undefined ? { type: 'error' } : { type: 'error', errorCode });
export const escalation = (escalationCode?: string): Trigger =>
  escalationCode === undefined ? { type: 'escalation' } : { type: 'escalation', escalationCode };
export const terminate: Trigger = { type: 'terminate' };
export const team = (name: string): NodeExtra['owner'] => ({ team: name, source: 'casework' });
export const signal = (signalName?: string): Trigger => (signalName === undefined ? { type: 'signal' } : { type: 'signal', signalName });
