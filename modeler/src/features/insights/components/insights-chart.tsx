// One chart.js chart of report series: bars, bars with a work-in-progress line, or horizontal bars.
// The canvas is an image to assistive technology, named by a sentence that states its figures.
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import type { ChartData } from '../lib/chart-data.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

const COLOURS = ['#0969da', '#8250df', '#bf3989', '#1a7f37'];

export type ChartKind = 'bars' | 'bars-and-line' | 'horizontal-bars';

function configFor(kind: ChartKind, data: ChartData, tooltipTitles?: string[]): ChartConfiguration {
  const datasets = data.series.map((series, index) => {
    const colour = COLOURS[index % COLOURS.length]!;
    const asLine = kind === 'bars-and-line' && index === data.series.length - 1;
    return asLine
      ? { type: 'line' as const, label: series.label, data: series.values, borderColor: colour, backgroundColor: colour, tension: 0.2 }
      : { type: 'bar' as const, label: series.label, data: series.values, backgroundColor: colour };
  });
  return {
    type: 'bar',
    data: { labels: data.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: kind === 'horizontal-bars' ? 'y' : 'x',
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: {
        legend: { display: data.series.length > 1 },
        tooltip: tooltipTitles ? { callbacks: { title: (items) => tooltipTitles[items[0]?.dataIndex ?? 0] ?? '' } } : {},
      },
    },
  } as ChartConfiguration;
}

/** "Started: 3 on 2026-01-05; …" — the chart's figures as text, first ten points of each series. */
function describe(title: string, data: ChartData): string {
  const parts = data.series.map((series) => `${series.label}: ${series.values.slice(0, 10).map((value, i) => `${value} for ${data.labels[i]}`).join(', ')}${series.values.length > 10 ? ', …' : ''}`);
  return `${title}. ${parts.join('. ')}`;
}

export function InsightsChart({ title, data, kind, tooltipTitles, testId }: { title: string; data: ChartData; kind: ChartKind; tooltipTitles?: string[]; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([kind, data, tooltipTitles]);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, configFor(kind, data, tooltipTitles));
    return () => chart.destroy();
    // The key stands for kind, data and titles: redraw only when they change in value.
  }, [key]);
  const points = data.series.reduce((sum, series) => sum + series.values.reduce((a, b) => a + b, 0), 0);
  return (
    <figure className="insights-chart">
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={describe(title, data)} data-testid={testId} data-points={points} />
      </div>
    </figure>
  );
}
