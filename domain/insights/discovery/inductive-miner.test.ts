import { describe, expect, it } from 'vitest';
import { discoverProcessTree } from './inductive-miner.ts';
import { treeToString } from './process-tree.ts';

const log = (...traces: string[]) => traces.map((t) => ({ activities: t === '' ? [] : t.split(' '), count: 1 }));
const mined = (...traces: string[]) => treeToString(discoverProcessTree(log(...traces)));

describe('inductive miner', () => {
  it('finds a sequence in the log of a sequence', () => {
    expect(mined('a b c', 'a b c')).toBe("->( 'a', 'b', 'c' )");
  });

  it('finds an exclusive choice between two steps', () => {
    expect(mined('a b d', 'a c d')).toBe("->( 'a', X( 'b', 'c' ), 'd' )");
  });

  it('finds a parallel split when two steps occur in either order', () => {
    expect(mined('a b c d', 'a c b d')).toBe("->( 'a', +( 'b', 'c' ), 'd' )");
  });

  it('finds a loop with a redo step', () => {
    expect(mined('a b d', 'a b c b d', 'a b c b c b d')).toBe("->( 'a', *( 'b', 'c' ), 'd' )");
  });

  it('finds a step that may repeat on its own', () => {
    expect(mined('a b c', 'a b b c')).toBe("->( 'a', *( 'b', tau ), 'c' )");
  });

  it('makes a step optional when some cases skip it', () => {
    expect(mined('a b c', 'a c')).toBe("->( 'a', X( tau, 'b' ), 'c' )");
  });

  it('combines choice, parallel split and loop in one map', () => {
    expect(mined('r x y p', 'r y x p', 'r x y q x y p', 's')).toBe("X( ->( 'r', *( +( 'x', 'y' ), 'q' ), 'p' ), 's' )");
  });

  it('falls back to a flower loop when no structure explains the log', () => {
    expect(mined('b a c', 'b c b', 'b a')).toBe("*( tau, X( 'a', 'b', 'c' ) )");
  });

  it('gives a silent step for a log without activities', () => {
    expect(mined('')).toBe('tau');
  });
});
