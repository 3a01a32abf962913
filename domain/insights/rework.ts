// Rework: steps completed more than once in a case, and the loops that sent the case back to them.
import type { AnalysisContext } from './analysis-context.ts';
import type { CaseTrace } from './case-traces.ts';
import type { ReworkReport } from './report.ts';

/**
 * A repeat is every completion of an element after its first in the same case. A loop is counted
 * at each repeat as the edge from the step completed just before it back to the repeated step
 * (e.g. "Chase embassy → Request travel document").
 */
export function rework(traces: readonly CaseTrace[], ctx: AnalysisContext, maxCases = 50): ReworkReport {
  const byElement = new Map<string, { cases: number; casesWithRepeat: number; repeatedExecutions: number }>();
  const loops = new Map<string, { from: string; to: string; count: number; cases: number; lastCase: string }>();
  const cases: ReworkReport['cases'] = [];
  let casesWithRework = 0;
  let repeatedExecutions = 0;
  const seen = new Map<string, number>();
  for (const trace of traces) {
    seen.clear();
    const done = trace.completions;
    for (let i = 0; i < done.length; i += 1) {
      const nodeId = done[i]!.nodeId;
      const times = (seen.get(nodeId) ?? 0) + 1;
      seen.set(nodeId, times);
      if (times === 1 || i === 0) continue;
      const from = done[i - 1]!.nodeId;
      const key = `${from}\u0000${nodeId}`;
      let loop = loops.get(key);
      if (!loop) {
        loop = { from, to: nodeId, count: 0, cases: 0, lastCase: '' };
        loops.set(key, loop);
      }
      loop.count += 1;
      if (loop.lastCase !== trace.caseId) {
        loop.cases += 1;
        loop.lastCase = trace.caseId;
      }
    }
    const repeats: { nodeId: string; name: string; completions: number }[] = [];
    for (const [nodeId, times] of seen) {
      let element = byElement.get(nodeId);
      if (!element) {
        element = { cases: 0, casesWithRepeat: 0, repeatedExecutions: 0 };
        byElement.set(nodeId, element);
      }
      element.cases += 1;
      if (times < 2) continue;
      element.casesWithRepeat += 1;
      element.repeatedExecutions += times - 1;
      repeatedExecutions += times - 1;
      repeats.push({ nodeId, name: ctx.nameOf(nodeId), completions: times });
    }
    if (repeats.length > 0) {
      casesWithRework += 1;
      cases.push({ caseId: trace.caseId, repeats });
    }
  }
  const extra = (c: ReworkReport['cases'][number]) => c.repeats.reduce((sum, r) => sum + r.completions - 1, 0);
  cases.sort((a, b) => extra(b) - extra(a) || a.caseId.localeCompare(b.caseId));
  return {
    casesWithRework,
    repeatedExecutions,
    byElement: [...byElement]
      .map(([nodeId, e]) => ({ nodeId, name: ctx.nameOf(nodeId), ...e, reworkRate: e.casesWithRepeat / e.cases }))
      .sort((a, b) => b.repeatedExecutions - a.repeatedExecutions || a.nodeId.localeCompare(b.nodeId)),
    loops: [...loops.values()]
      .map(({ from, to, count, cases: n }) => ({ from, to, fromName: ctx.nameOf(from), toName: ctx.nameOf(to), count, cases: n }))
      .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    cases: cases.slice(0, maxCases),
  };
}
