import { describe, expect, it } from 'vitest';
import { heatmap } from './heatmap.ts';
import { sampleReport } from './report.testing.ts';

// Figures of the three-case log (see domain/insights/log-builder.testing.ts): Task A waits 2, 1, 1, 2 h
// (mean 1.5 h), Task B waits 4, 1 h (mean 2.5 h, one still unclaimed); B breached 2 of 3 deadlines.
describe('heatmap', () => {
  const report = sampleReport();

  it('gives the element with most waiting the hottest level and the others a level relative to it', () => {
    const cells = heatmap(report, 'waiting');
    expect(cells.find((c) => c.nodeId === 'B')).toMatchObject({ level: 4, text: '2.5 h' });
    expect(cells.find((c) => c.nodeId === 'A')).toMatchObject({ level: 3, text: '1.5 h' });
  });

  it('counts executions for frequency, and says what the figure means in words', () => {
    const cells = heatmap(report, 'frequency');
    expect(cells.find((c) => c.nodeId === 'A')).toMatchObject({ value: 4, text: '4×', level: 4 });
    expect(cells.find((c) => c.nodeId === 'A')?.description).toBe('Task A: ran 4 times in 3 cases');
  });

  it('heats steps by their share of missed deadlines, leaving steps that never missed one cold', () => {
    const cells = heatmap(report, 'sla');
    expect(cells.map((c) => c.nodeId)).toEqual(['B']);
    expect(cells[0]).toMatchObject({ level: 4, text: '66.7%' });
  });

  it('gives no heat at all when nothing was measured', () => {
    expect(heatmap({ ...report, elements: [] }, 'processing')).toEqual([]);
  });
});
