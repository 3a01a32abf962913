import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse.ts';
import { at, HOUR, threeCaseLog } from '../log-builder.testing.ts';
import { generateSyntheticLog } from '../synthetic-log.ts';
import { exportCsv } from './csv-export.ts';
import { importCsv } from './csv-import.ts';
import { exportOcel } from './ocel-export.ts';
import { exportXes } from './xes-export.ts';
import { importXes } from './xes-import.ts';

const now = '2027-01-01T00:00:00.000Z';
const log = generateSyntheticLog({ seed: 3, cases: 40, start: '2026-01-05T09:00:00Z' });
const original = analyseLog(log, { now });
// Element ids become activity names on import, which changes the order of ties: compare sorted.
const flow = (report: typeof original) => ({
  edges: report.directlyFollows.edges.map((e) => [e.fromName, e.toName, e.count, e.duration.mean]).sort(),
  variants: report.variants.variants.map((v) => [v.activities, v.count]),
  waiting: report.elements.map((e) => [e.name, e.waiting.mean, e.processing.mean, e.sojourn.mean]),
  handoffs: report.handoffs.map((h) => [h.fromTeam, h.toTeam, h.count, h.delay.mean]),
});

describe('event log import and export', () => {
  it('exports CSV that imports back to the same flows, variants and durations', () => {
    const csv = exportCsv(log);
    expect(csv.split('\r\n')[0]).toBe('case_id,activity,timestamp,lifecycle,resource,team,node_id,task_id,event_id');
    const imported = importCsv(csv);
    if (!imported.ok) throw new Error(imported.problem.message);
    expect(imported.cases).toBe(40);
    expect(flow(analyseLog(imported.events, { now }))).toEqual({ ...flow(original), waiting: expect.anything() });
    expect(flow(analyseLog(imported.events, { now })).waiting.sort()).toEqual(flow(original).waiting.filter((w) => original.elements.find((e) => e.name === w[0])?.kind === 'task').sort());
  });

  it('exports XES that imports back to the same flows and variants', () => {
    const xes = exportXes(log);
    expect(xes).toContain('<log xes.version="1849-2016"');
    const imported = importXes(xes);
    if (!imported.ok) throw new Error(imported.problem.message);
    const again = flow(analyseLog(imported.events, { now }));
    expect(again.edges).toEqual(flow(original).edges);
    expect(again.variants).toEqual(flow(original).variants);
  });

  it('imports a complete-only CSV with its own column names, measuring each step from the previous event', () => {
    const csv = ['Case;Step;When;Who;Unit', 'x;Refer;2026-01-05T09:00:00Z;ann;prison', 'x;Decide;2026-01-05T13:00:00Z;bob;returns', 'y;Refer;2026-01-06T09:00:00Z;ann;prison'].join('\n');
    const imported = importCsv(csv, { caseId: 'Case', activity: 'Step', timestamp: 'When', resource: 'Who', team: 'Unit', delimiter: ';' });
    if (!imported.ok) throw new Error(imported.problem.message);
    const report = analyseLog(imported.events, { now });
    // x: Refer (ready = case start 09:00, done 09:00), Decide (ready 09:00, done 13:00 → 4 h); handoff prison→returns
    expect(report.elements.find((e) => e.name === 'Decide')?.sojourn).toMatchObject({ count: 1, mean: 4 * HOUR });
    expect(report.directlyFollows.edges).toEqual([expect.objectContaining({ fromName: 'Refer', toName: 'Decide', count: 1, duration: expect.objectContaining({ mean: 4 * HOUR }) })]);
    expect(report.handoffs).toEqual([expect.objectContaining({ fromTeam: 'prison', toTeam: 'returns', count: 1 })]);
  });

  it('refuses a CSV without the mapped columns or with a bad timestamp, naming the problem', () => {
    expect(importCsv('a,b\n1,2\n')).toEqual({ ok: false, problem: { code: 'missing-column', message: 'The CSV has no column "case_id"; its columns are: a, b.' } });
    expect(importCsv('case_id,activity,timestamp\nc1,Refer,yesterday\n')).toMatchObject({ ok: false, problem: { code: 'invalid-timestamp', message: expect.stringContaining('Row 2') } });
    expect(importXes('<log/>')).toMatchObject({ ok: false, problem: { code: 'invalid-xes' } });
  });

  it('exports OCEL 2.0 JSON relating every event to its case, task and team', () => {
    const ocel = exportOcel(threeCaseLog()) as { objectTypes: unknown[]; eventTypes: { name: string }[]; objects: { id: string; type: string }[]; events: { id: string; type: string; time: string; relationships: { objectId: string }[] }[] };
    expect(ocel.objects.filter((o) => o.type === 'case').map((o) => o.id)).toEqual(['case:c1', 'case:c2', 'case:c3']);
    expect(ocel.objects.filter((o) => o.type === 'task')).toHaveLength(7);
    expect(ocel.objects.filter((o) => o.type === 'team').map((o) => o.id).sort()).toEqual(['team:a', 'team:b']);
    expect(ocel.events).toHaveLength(threeCaseLog().length);
    const completion = ocel.events.find((e) => e.id === 'c2:4');
    expect(completion).toMatchObject({ type: 'Task A', time: at(5), relationships: [{ objectId: 'case:c2' }, { objectId: 'task:c2:t1' }, { objectId: 'team:a' }] });
    expect(ocel.eventTypes.map((t) => t.name)).toContain('Task B (claimed)');
  });
});
