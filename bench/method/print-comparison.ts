// The one printing format for every benchmark: title and notes, each contender with what it does,
// the interleaving, then per measure a table of median, min–max and IQR, then the ratios, each with
// both medians beside it. Markdown, so a run can be pasted into docs/benchmarks.md as it is.
import type { Comparison } from './compare.ts';

/** Decimals by the size of the figure, so 0.84 ms and 1,820 ms both read sensibly. */
export function formatFigure(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return String(value);
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places });
}


export function formatComparison(comparison: Comparison): string {
  const names = comparison.contenders.map((contender) => contender.name);
  const rotation = comparison.order.slice(0, Math.min(2, comparison.order.length)).map((order) => order.join(' → '));
  const lines = [
    `== ${comparison.title}`,
    ...comparison.notes,
    '',
    `Method: ${comparison.warmupRounds} warm-up round(s) discarded, then ${comparison.rounds} rounds; each round runs every contender once, the order rotated by one each round (${rotation.join('; then ')}; …).`,
    'Contenders:',
    ...comparison.contenders.map((contender) => `- **${contender.name}** — ${contender.does}`),
  ];
  for (const measure of comparison.measures) {
    lines.push(
      '',
      `${measure.key} (${measure.unit}, ${measure.better} is better), ${comparison.rounds} rounds:`,
      '',
      '| contender | median | min – max | IQR (q1 – q3) |',
      '|---|---:|---:|---:|',
      ...comparison.contenders.map((contender) => {
        const s = contender.summaries[measure.key]!;
        const f = (value: number) => formatFigure(value, measure.digits);
        return `| ${contender.name} | ${f(s.median)} | ${f(s.min)} – ${f(s.max)} | ${f(s.q1)} – ${f(s.q3)} |`;
      }),
    );
    const ratios = comparison.ratios.filter((ratio) => ratio.measure === measure.key);
    if (ratios.length > 0) {
      lines.push('', `Ratios of medians (${measure.key}):`);
      for (const ratio of ratios) {
        lines.push(
          `- ${ratio.numerator} / ${ratio.denominator} = ${formatFigure(ratio.ratio, 2)}× (medians ${formatFigure(ratio.numeratorMedian, measure.digits)} and ${formatFigure(ratio.denominatorMedian, measure.digits)} ${measure.unit}; same-round ratios ${formatFigure(ratio.perRoundMin, 2)}–${formatFigure(ratio.perRoundMax, 2)}×)`,
        );
      }
    }
  }
  if (names.length === 0) lines.push('(no contenders)');
  return lines.join('\n');
}

export function printComparison(comparison: Comparison): Comparison {
  console.log(`\n${formatComparison(comparison)}`);
  return comparison;
}
