// A small bottleneck report for the Insights view's tests, built by the real analysis.
import { analyseLog } from '../../../../../domain/insights/analyse.ts';
import { at, threeCaseLog } from '../../../../../domain/insights/log-builder.testing.ts';
import type { BottleneckReport } from '../../../../../domain/insights/report.ts';

/** The three-case log the domain tests check by hand (Task A ×3, Task B ×3), analysed at hour 12. */
export function sampleReport(): BottleneckReport {
  return analyseLog(threeCaseLog(), { now: at(12), period: 'day', bins: 4 });
}
