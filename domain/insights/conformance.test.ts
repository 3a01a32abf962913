import { describe, expect, it } from 'vitest';
import { ir } from '../engine/ir-builder.testing.ts';
import { checkConformance } from './conformance.ts';
import { caseLog } from './log-builder.testing.ts';
import { generateSyntheticLog, syntheticSteps as s } from './synthetic-log.ts';

/** The synthetic FNO process as a diagram: loops for further submissions, embassy chasing and failed removals. */
const fnoIr = () => {
  const b = ir().node('Start', 'startEvent').node('End', 'endEvent');
  for (const step of Object.values(s)) b.node(step.nodeId, 'userTask', { name: step.name });
  for (const gw of ['G_deport', 'G_barriers', 'G_more', 'G_doc', 'G_removed']) b.node(gw, 'exclusiveGateway');
  return b
    .seq('Start', s.refer.nodeId, s.decide.nodeId, 'G_deport', 'End')
    .flow('G_deport', s.barriers.nodeId).flow('G_deport', s.redoc.nodeId)
    .seq(s.barriers.nodeId, 'G_more', s.submissions.nodeId, s.barriers.nodeId).flow('G_more', s.redoc.nodeId)
    .seq(s.redoc.nodeId, 'G_doc', s.chase.nodeId, s.redoc.nodeId).flow('G_doc', s.book.nodeId)
    .seq(s.book.nodeId, s.escorts.nodeId, s.remove.nodeId, 'G_removed', 'End').seq('G_removed', s.failed.nodeId, s.book.nodeId)
    .build();
};

describe('conformance against the diagram', () => {
  it('finds every synthetic case on the model', () => {
    const report = checkConformance(generateSyntheticLog({ seed: 9, cases: 50, start: '2026-01-05T09:00:00Z' }), fnoIr());
    expect(report).toEqual({ cases: 50, conformingCases: 50, offModel: [], disallowedPairs: [], disallowedStarts: [] });
  });

  it('reports off-model steps and orders the flows do not allow', () => {
    // c1: refer → decide → book (skips re-documentation) ; c2: refer → "Phone the prison" (not in the model) → decide
    const log = [
      ...caseLog('c1').start(0).task('Task_refer', 'Refer case to FNO Returns', { team: 'a', ready: 0, completed: 1 }).task('Task_decide', 'Make deportation decision', { team: 'a', ready: 1, completed: 2 }).task('Task_book', 'Book removal and tickets', { team: 'a', ready: 2, completed: 3 }).events,
      ...caseLog('c2').start(0).task('x1', 'Refer case to FNO returns ', { team: 'a', ready: 0, completed: 1 }).task('x2', 'Phone the prison', { team: 'a', ready: 1, completed: 2 }).task('x2', 'Phone the prison', { team: 'a', ready: 2, completed: 3 }).task('x3', 'Make deportation decision', { team: 'a', ready: 3, completed: 4 }).events,
      ...caseLog('c3').start(0).task('Task_decide', 'Make deportation decision', { team: 'a', ready: 0, completed: 1 }).events,
    ];
    expect(checkConformance(log, fnoIr())).toEqual({
      cases: 3,
      conformingCases: 0,
      offModel: [{ activity: 'Phone the prison', occurrences: 2, cases: 1 }],
      disallowedPairs: [{ from: 'Task_decide', to: 'Task_book', fromName: 'Make deportation decision', toName: 'Book removal and tickets', count: 1, cases: 1 }],
      disallowedStarts: [{ nodeId: 'Task_decide', name: 'Make deportation decision', cases: 1 }],
    });
  });
});
