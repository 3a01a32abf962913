// Counts the work feelin does while it evaluates, and stops it when an expression has done more
// than it may. feelin cannot be interrupted from outside and runs synchronously inside a workflow
// task, so the count is charged from inside: feelin's exported FeelFunction and FeelRange classes
// are patched once (every function call, built-in or user-defined, goes through
// FeelFunction#invoke; every `for i in 1..n` enumerates through FeelRange#map), and the
// instrumented source (instrument-feel.ts) calls the two charging functions below for every name
// it reads and every list it iterates. Work is counted, never timed, so it is deterministic.
import { FeelFunction, FeelRange } from 'feelin';

/** What one function call or one iteration costs, in units of one value visited. */
export const STEP_COST = 20;

/**
 * How deeply functions may call one another. Deeper recursion would overflow JavaScript's stack
 * (near 1,500 FEEL calls in Node) at a depth that depends on the host; this limit does not.
 */
export const MAX_CALL_DEPTH = 200;

/** Thrown from inside feelin to unwind an evaluation that went over its allowance. */
export class FeelWorkExceeded extends Error {
  readonly code = 'feel-work-exceeded';
  constructor(readonly limit: number) {
    super(`more than ${limit} units of work`);
  }
}

class Meter {
  spent = 0;
  depth = 0;
  constructor(readonly limit: number, readonly stepCost: number) {}

  charge(units: number): void {
    this.spent += units;
    if (this.spent > this.limit) throw new FeelWorkExceeded(this.limit);
  }

  /** The size of a value, counted only as far as the allowance left, so counting is bounded too. */
  size(value: unknown): number {
    const cap = this.limit - this.spent + 1;
    let seen = 0;
    const stack: unknown[] = [value];
    while (stack.length > 0 && seen < cap) {
      const next = stack.pop();
      seen += typeof next === 'string' ? 1 + Math.floor(next.length / 8) : 1;
      const inner = Array.isArray(next) ? next : isPlainObject(next) ? Object.values(next) : [];
      // beyond the cap an element is counted as one without being looked into: the sum is over anyway
      const room = Math.min(inner.length, Math.max(0, cap - stack.length));
      for (let index = 0; index < room; index += 1) stack.push(inner[index]);
      seen += inner.length - room;
    }
    return Math.min(seen + stack.length, cap);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

// Evaluation is synchronous, so at most one meter is ever active; nested runs keep the outer one.
let active: Meter | undefined;

const rangeLength = (range: FeelRange): number =>
  typeof range.start === 'number' && typeof range.end === 'number' ? Math.abs(Math.floor(range.end) - Math.floor(range.start)) + 1 : 1;

// Patched once, at load (the workflow sandbox may freeze module objects after loading them).
const invoke = FeelFunction.prototype.invoke;
FeelFunction.prototype.invoke = function meteredInvoke(this: FeelFunction, contextOrArgs: unknown): unknown {
  const meter = active;
  if (!meter || this.fn === chargeValue || this.fn === chargeEach) return invoke.call(this, contextOrArgs);
  meter.charge(meter.stepCost);
  if (meter.depth >= MAX_CALL_DEPTH) throw new FeelWorkExceeded(meter.limit);
  meter.depth += 1;
  try {
    const result: unknown = invoke.call(this, contextOrArgs);
    // a built-in's result is as large as the work that made it (e.g. concatenate(a, a))
    meter.charge(meter.size(result));
    return result;
  } finally {
    meter.depth -= 1;
  }
};

const map = FeelRange.prototype.map;
FeelRange.prototype.map = function meteredMap<T>(this: FeelRange, fn: (value: unknown) => T): T[] {
  // charged before enumerating: `1..100000000` must be refused, not built
  active?.charge(active.stepCost * rangeLength(this));
  return map.call(this, fn) as T[];
};

/** Charges the size of a value read by name; returns it unchanged. */
export function chargeValue(value: unknown): unknown {
  active?.charge(active.size(value));
  return value;
}

/** Charges one step per element of a list about to be iterated or filtered; returns it unchanged. */
export function chargeEach(value: unknown): unknown {
  if (active && Array.isArray(value)) active.charge(active.stepCost * value.length);
  return value;
}

export type Metered<T> = { ok: true; value: T; spent: number } | { ok: false; spent: number };

/**
 * Runs `work` with an allowance of `limit` units. `stepScale` multiplies the cost of each call and
 * iteration: feelin copies the whole variable context at each, so large case data makes them dearer.
 */
export function runMetered<T>(limit: number, stepScale: number, work: () => T): Metered<T> {
  if (active) return { ok: true, value: work(), spent: 0 };
  const meter = new Meter(limit, STEP_COST * stepScale);
  active = meter;
  try {
    return { ok: true, value: work(), spent: meter.spent };
  } catch (error) {
    if (error instanceof FeelWorkExceeded) return { ok: false, spent: meter.spent };
    throw error;
  } finally {
    active = undefined;
  }
}

/** Charges work done inside a function Casemap supplies (e.g. a regular-expression match). */
export function chargeWork(units: number): void {
  active?.charge(Math.floor(units));
}
