import { describe, expect, it } from 'vitest';
import { ProcessIR } from './ir.ts';
import { diffIr } from './diff-ir.ts';

const base = {
  schemaVersion: 1,
  hash: 'a',
  processes: [{ id: 'P', isExecutable: true }],
  lanes: [],
  messages: [],
  errors: [],
  escalations: [],
  artifacts: [],
};
const node = (id: string, extra: object = {}) => ({ id, kind: 'userTask', processId: 'P', form: [], captures: [], kpis: [], ...extra });

describe('diffIr', () => {
  it('lists added, removed and changed elements with the properties that differ', () => {
    // given two versions: one step renamed and given an SLA, one removed, one added, one flow re-pointed
    const before = ProcessIR.parse({ ...base, nodes: [node('A', { name: 'Refer' }), node('B'), node('C')], flows: [{ id: 'f1', processId: 'P', source: 'A', target: 'B' }] });
    const after = ProcessIR.parse({
      ...base,
      hash: 'b',
      nodes: [node('A', { name: 'Refer case', sla: { expression: 'P5D', feel: false, calendar: 'working-days' } }), node('C'), node('D', { name: 'New step' })],
      flows: [{ id: 'f1', processId: 'P', source: 'A', target: 'C' }],
    });
    // when
    const diff = diffIr(before, after);
    // then
    expect(diff.added).toEqual([{ id: 'D', name: 'New step', type: 'userTask', changed: [] }]);
    expect(diff.removed).toEqual([{ id: 'B', name: undefined, type: 'userTask', changed: [] }]);
    expect(diff.changed).toEqual([
      { id: 'A', name: 'Refer case', type: 'userTask', changed: ['name', 'sla'] },
      { id: 'f1', name: undefined, type: 'sequenceFlow', changed: ['target'] },
    ]);
  });

  it('finds nothing between a version and itself', () => {
    const ir = ProcessIR.parse({ ...base, nodes: [node('A')], flows: [] });
    expect(diffIr(ir, ir)).toEqual({ added: [], removed: [], changed: [] });
  });
});
