// Random, well-formed, block-structured process shapes for the engine's property tests.
import fc from 'fast-check';
import type { ProcessIR } from '../process/ir.ts';
import { ir, message, team, terminate, timer, type IrBuilder } from './ir-builder.testing.ts';

export type Step = 'user' | 'user-sla' | 'service' | 'manual' | 'timer' | 'receive';
export interface Boundary { interrupting: boolean }
export type Block =
  | { t: 'step'; step: Step; boundary?: Boundary }
  | { t: 'seq'; items: Block[] }
  | { t: 'par' | 'xor' | 'or'; branches: Block[] }
  | { t: 'sub'; body: Body; boundary?: Boundary };
/** What a process or sub-process runs: a block, or a block raced by a branch ending in terminate. */
export interface Body { main: Block; killer?: Block }

const boundaryArb: fc.Arbitrary<Boundary | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ interrupting: fc.boolean() }) },
);
const stepArb: fc.Arbitrary<Block> = fc.record({
  t: fc.constant('step' as const),
  step: fc.constantFrom<Step>('user', 'user-sla', 'service', 'manual', 'timer', 'receive'),
  boundary: boundaryArb,
});

function blockArb(depth: number): fc.Arbitrary<Block> {
  if (depth <= 0) return stepArb;
  const inner = blockArb(depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: stepArb },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('seq' as const), items: fc.array(inner, { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constantFrom('par' as const, 'xor' as const, 'or' as const), branches: fc.array(inner, { minLength: 2, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('sub' as const), body: bodyArb(depth - 1), boundary: boundaryArb }) },
  );
}

// The racing branch waits on a step, so that the rest of the scope gets to run for a while first.
const killerArb: fc.Arbitrary<Block | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('step' as const), step: fc.constantFrom<Step>('user', 'timer', 'receive'), boundary: boundaryArb }) },
);

function bodyArb(depth: number): fc.Arbitrary<Body> {
  return fc.record({ main: blockArb(depth), killer: killerArb });
}

/** A process: a sequence of at least two blocks, at most four deep, sometimes raced by a terminate branch. */
export const shapeArb: fc.Arbitrary<Body> = fc.record({
  main: fc.array(blockArb(3), { minLength: 2, maxLength: 4 }).map((items): Block => ({ t: 'seq', items })),
  killer: killerArb,
});

/** Data that steers exclusive (`route`) and inclusive (`o0`…`o2`) gateways. */
export const dataArb = fc.record({ route: fc.nat(2), o0: fc.boolean(), o1: fc.boolean(), o2: fc.boolean() });

class Compiler {
  private n = 0;
  constructor(readonly b: IrBuilder) {}

  private id(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }

  /** Adds the block's nodes; returns its entry and exit node ids. */
  block(block: Block, parentId: string | undefined): [string, string] {
    const where = parentId === undefined ? {} : { parentId };
    switch (block.t) {
      case 'step':
        return this.step(block.step, where, block.boundary);
      case 'seq': {
        const parts = block.items.map((item) => this.block(item, parentId));
        for (let i = 1; i < parts.length; i += 1) this.b.flow(parts[i - 1]?.[1] ?? '', parts[i]?.[0] ?? '');
        return [parts[0]?.[0] ?? '', parts.at(-1)?.[1] ?? ''];
      }
      case 'par':
      case 'xor':
      case 'or': {
        const kind = block.t === 'par' ? 'parallelGateway' : block.t === 'xor' ? 'exclusiveGateway' : 'inclusiveGateway';
        const split = this.id(`${block.t}split`);
        const join = this.id(`${block.t}join`);
        const last = block.branches.length - 1;
        this.b.node(split, kind, { ...where, ...(block.t === 'par' ? {} : { defaultFlow: `${split}-b${last}` }) }).node(join, kind, where);
        block.branches.forEach((branch, i) => {
          const [entry, exit] = this.block(branch, parentId);
          const condition = block.t === 'xor' ? `route = ${i}` : block.t === 'or' ? `o${i}` : undefined;
          this.b.flow(split, entry, { id: `${split}-b${i}`, ...(condition && i < last ? { condition } : {}) }).flow(exit, join);
        });
        return [split, join];
      }
      case 'sub': {
        const sub = this.id('sub');
        this.b.node(sub, 'subProcess', where);
        this.body(block.body, sub);
        return this.withBoundary(sub, block.boundary, where, 'PT2H');
      }
    }
  }

  private step(step: Step, where: { parentId?: string }, boundary: Boundary | undefined): [string, string] {
    const id = this.id(step.replace('-', ''));
    const owner = team(this.n % 2 === 0 ? 'A' : 'B');
    if (step === 'user') this.b.node(id, 'userTask', { ...where, owner });
    if (step === 'user-sla') this.b.node(id, 'userTask', { ...where, owner, sla: { expression: 'P1D', feel: false, calendar: 'calendar-days' }, handoffSla: { expression: 'PT4H', feel: false, calendar: 'calendar-days' } });
    if (step === 'service') this.b.node(id, 'serviceTask', { ...where, service: { handler: 'h' } });
    if (step === 'manual') this.b.node(id, 'manualTask', where);
    if (step === 'timer') this.b.node(id, 'intermediateCatchEvent', { ...where, trigger: timer('PT1H') });
    if (step === 'receive') this.b.node(id, 'receiveTask', { ...where, trigger: message('m') });
    const hosts = step !== 'manual' && step !== 'timer';
    return this.withBoundary(id, hosts ? boundary : undefined, where, 'PT3H');
  }

  /** An interrupting boundary rejoins the block's exit; a non-interrupting one (cycle R2) ends on its own. */
  private withBoundary(host: string, boundary: Boundary | undefined, where: { parentId?: string }, after: string): [string, string] {
    if (!boundary) return [host, host];
    const b = this.id('bnd');
    if (!boundary.interrupting) {
      const end = this.id('bend');
      this.b.node(b, 'boundaryEvent', { ...where, attachedTo: host, cancelActivity: false, trigger: timer(`R2/${after}`, 'cycle') }).node(end, 'endEvent', where).flow(b, end);
      return [host, host];
    }
    const merge = this.id('merge');
    this.b.node(b, 'boundaryEvent', { ...where, attachedTo: host, cancelActivity: true, trigger: timer(after) }).node(merge, 'exclusiveGateway', where).flow(host, merge).flow(b, merge);
    return [host, merge];
  }

  body(body: Body, parentId: string | undefined): void {
    const where = parentId === undefined ? {} : { parentId };
    const start = this.id('start');
    const end = this.id('end');
    this.b.node(start, 'startEvent', where).node(end, 'endEvent', where);
    const [entry, exit] = this.block(body.main, parentId);
    this.b.flow(exit, end);
    if (!body.killer) {
      this.b.flow(start, entry);
      return;
    }
    const fork = this.id('race');
    const stop = this.id('terminate');
    const [kEntry, kExit] = this.block(body.killer, parentId);
    this.b.node(fork, 'parallelGateway', where).node(stop, 'endEvent', { ...where, trigger: terminate });
    this.b.flow(start, fork).flow(fork, entry).flow(fork, kEntry).flow(kExit, stop);
  }
}

export function compileShape(body: Body): ProcessIR {
  const compiler = new Compiler(ir());
  compiler.body(body, undefined);
  return compiler.b.build();
}
