// Turns a token replay into marks per diagram element: the darker, the further the log strays from the diagram at that step (forced: move on log; left waiting: move on model).
import type { TokenReplayReport } from '../../../../../domain/insights/token-replay.ts';
import { formatRate } from './format-figures.ts';
import { HEAT_LEVELS, type HeatCell } from './heatmap.ts';

/** Level 1 for a step the log follows throughout, up to HEAT_LEVELS as its fitness falls towards 0. */
export function deviationLevel(fitness: number): number {
  return Math.min(HEAT_LEVELS, 1 + Math.ceil((1 - fitness) * (HEAT_LEVELS - 1)));
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function replayCells(replay: TokenReplayReport): HeatCell[] {
  return replay.elements
    .filter((e): e is typeof e & { fitness: number } => e.fitness !== null)
    .map((e) => {
      const deviations = [e.forced > 0 ? `${e.forced} forced` : '', e.skipped > 0 ? `${e.skipped} skipped` : ''].filter(Boolean).join(' · ');
      return {
        nodeId: e.nodeId,
        value: 1 - e.fitness,
        level: deviationLevel(e.fitness),
        text: `${formatRate(e.fitness)} fit${deviations ? ` · ${deviations}` : ''}`,
        description: `${e.name}: happened ${count(e.executions, 'time', 'times')} in the log, ${e.forced} of them where the diagram did not allow it (move on log); the diagram was left waiting for it in ${count(e.skipped, 'case', 'cases')} (move on model); fitness ${formatRate(e.fitness)}.`,
      };
    });
}
