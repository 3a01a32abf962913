import { describe, expect, it } from 'vitest';
import type { CaseLogEvent } from '../events/case-log-event.ts';
import { findDuplication } from './analyse-library.ts';
import { overlaysForDefinition } from './element-overlays.ts';
import { plantedLibrary } from './fixtures/planted-library.ts';
import { reportCsv } from './report-csv.ts';

const event = (caseId: string, n: number, kind: CaseLogEvent['kind'], at: string, extra: Partial<CaseLogEvent> = {}): CaseLogEvent => ({ id: `${caseId}:${n}`, caseId, kind, at, data: {}, ...extra });

// One removals case: risk captured at x1 and again at x2 by another team member, x2 redone once.
function removalsCase(caseId: string): CaseLogEvent[] {
  return [
    event(caseId, 0, 'case-started', '2026-01-01T09:00:00Z', { data: { definitionId: 'removals', version: 1, workflowId: `case-${caseId}`, data: {} } }),
    event(caseId, 1, 'task-claimed', '2026-01-01T09:00:00Z', { taskId: 't1', nodeId: 'x1', team: 'removals-logistics' }),
    event(caseId, 2, 'task-completed', '2026-01-01T09:30:00Z', { taskId: 't1', nodeId: 'x1', team: 'removals-logistics', data: { violenceRisk: 'low', selfHarmRisk: 'low' } }),
    event(caseId, 3, 'task-claimed', '2026-01-02T09:00:00Z', { taskId: 't2', nodeId: 'x2', team: 'removals-logistics' }),
    event(caseId, 4, 'task-completed', '2026-01-02T10:00:00Z', { taskId: 't2', nodeId: 'x2', team: 'removals-logistics', data: { violenceRisk: 'high' } }),
    event(caseId, 5, 'task-claimed', '2026-01-03T09:00:00Z', { taskId: 't3', nodeId: 'x7', team: 'escorting' }),
    event(caseId, 6, 'task-completed', '2026-01-03T09:20:00Z', { taskId: 't3', nodeId: 'x7', team: 'escorting', data: { violenceRisk: 'high' } }),
    event(caseId, 7, 'task-claimed', '2026-01-04T09:00:00Z', { taskId: 't4', nodeId: 'x2', team: 'removals-logistics' }),
    event(caseId, 8, 'task-completed', '2026-01-04T09:40:00Z', { taskId: 't4', nodeId: 'x2', team: 'removals-logistics', data: { violenceRisk: 'medium' } }),
  ];
}

describe('clusters', () => {
  const report = findDuplication(plantedLibrary);

  it('ranks clusters by the hours they cost per month, dearest first', () => {
    const hours = report.clusters.map((cluster) => cluster.estimatedHoursPerMonth);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    expect(report.clusters.map((cluster) => cluster.rank)).toEqual(report.clusters.map((_c, i) => i + 1));
  });

  it('costs a similar-step pair as one step of avoidable work at the default rates', () => {
    const nationality = report.clusters.find((cluster) => cluster.key === 'similar-steps:verify:nationality')!;
    // Two user tasks at 100 cases a month × 20 minutes: one of them is avoidable.
    expect(nationality.estimatedHoursPerMonth).toBeCloseTo(33.33, 1);
    expect(nationality.costBasis).toBe('defaults');
  });

  it('sets aside a cluster marked intended, with its reason', () => {
    const key = report.clusters[0]!.key;
    const marked = findDuplication(plantedLibrary, { intended: [{ clusterKey: key, reason: 'Two-person check required by policy' }] });
    expect(marked.clusters.map((cluster) => cluster.key)).not.toContain(key);
    expect(marked.intended).toEqual([expect.objectContaining({ key, intended: { reason: 'Two-person check required by policy' } })]);
    expect(marked.clusters[0]!.rank).toBe(1);
  });

  it('tells the Designer where else a step is done', () => {
    const overlays = overlaysForDefinition(report, 'fno-referral');
    expect(overlays.r2?.map((overlay) => overlay.text)).toContain('Also done in: FNO referral / Verify citizenship');
  });

  it('writes one CSV row per cluster, quoting cells that need it', () => {
    const csv = reportCsv(report);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('rank,cluster_key,detector,title,score,estimated_hours_per_month,occurrences_per_month,cost_basis,steps,intended_reason,evidence');
    expect(lines.length).toBeGreaterThan(report.clusters.length);
    expect(csv).toContain(',The same step done 2 times: FNO referral / Check nationality; FNO referral / Verify citizenship,');
    expect(csv).toMatch(/"[^"]*, [^"]*"/);
  });
});

describe('runtime duplication', () => {
  const events = [...removalsCase('c1'), ...removalsCase('c2')];
  const report = findDuplication(plantedLibrary, { runtime: { events } });

  it('finds a field entered again on a later task of the same case', () => {
    const repeated = report.runtime.find((finding) => finding.kind === 'repeated-field' && finding.field === 'risk violenc');
    expect(repeated).toMatchObject({ definitionId: 'removals', cases: 2 });
    expect(repeated!.steps.map((step) => step.nodeId)).toEqual(['x1', 'x2', 'x7']);
  });

  it('finds the same check completed by two teams on one case', () => {
    const same = report.runtime.find((finding) => finding.kind === 'same-check-different-teams');
    expect(same).toMatchObject({ definitionId: 'removals', cases: 2, occurrences: 2 });
    // The escorting team's 20 minutes on each case, over a log shorter than a month.
    expect(same!.hoursPerMonth).toBeCloseTo(0.67, 2);
  });

  it('finds rework: a step completed again on the same case', () => {
    const rework = report.runtime.find((finding) => finding.kind === 'rework');
    expect(rework).toMatchObject({ key: 'runtime:rework:removals:x2', cases: 2, occurrences: 2 });
    expect(rework!.hoursPerMonth).toBeCloseTo(1.33, 2);
  });

  it('costs clusters from runtime statistics when the log has them', () => {
    const risk = report.clusters.find((cluster) => cluster.key === 'similar-steps:verify:72 hour level risk')!;
    expect(risk.costBasis).toBe('runtime');
    expect(report.runtimeMonths).toBe(1);
  });
});
