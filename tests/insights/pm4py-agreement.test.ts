// Agreement with an independent reference: PM4Py reads the XES and OCEL 2.0 that Casemap exports
// and finds the same directly-follows counts, variants and performance-DFG mean durations. A naive
// count written here, straight from the log, is a second reference that needs no Python. PM4Py's
// tables of an OCEL 2.0 log's objects (o2o, objects, object_changes, relations) agree with what the
// kept-log object routes answer for the same log, written as JSON and as XML.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseLog } from '../../domain/insights/analyse.ts';
import type { CaseLogEvent } from '../../domain/events/case-log-event.ts';
import { exportOcel } from '../../domain/insights/formats/ocel-export.ts';
import { exportXes } from '../../domain/insights/formats/xes-export.ts';
import { generateSyntheticLog } from '../../domain/insights/synthetic-log.ts';
import { ensurePm4py, runPm4pyOcelObjects, runPm4pyReference, type Pm4py, type Pm4pyResult } from '../../bench/insights/pm4py.ts';
import { syntheticOcelWithObjects } from '../../bench/insights/ocel-objects-log.ts';
import { openTestStore } from '../../storage/support/test-store.ts';
import type { Database } from '../../storage/database.ts';
import { seedDemoIdentities } from '../../demo/demo-identities.ts';
import { insightsRouterApp } from '../support/insights-router-app.ts';
import type { OcelObjectDetail, OcelObjectGraph, OcelObjectPage } from '../../domain/insights/ocel-objects.ts';
import { pm4pyAgreement } from '../../bench/insights/pm4py-agreement.ts';

const now = '2026-06-01T00:00:00.000Z';
const log = generateSyntheticLog({ seed: 20260105, cases: 400, start: '2026-01-05T09:00:00Z', until: now });
const report = analyseLog(log, { now, maxVariants: 10_000 });
const ours = {
  dfg: report.directlyFollows.edges.map((e) => [e.fromName, e.toName, e.count] as const).sort(),
  variants: report.variants.variants.map((v) => [v.activities, v.count] as const),
  meanSeconds: new Map(report.directlyFollows.edges.map((e) => [`${e.fromName} → ${e.toName}`, e.duration.mean! / 1000])),
};

/** Directly-follows and variants counted the plainest way: completions per case, sorted by time. */
function naive(events: readonly CaseLogEvent[]) {
  const names = new Map<string, string>();
  const done = new Map<string, { at: string; name: string }[]>();
  for (const e of events) {
    if (e.kind === 'task-ready') names.set(`${e.caseId}/${e.taskId}`, e.task!.name);
    if (e.kind === 'task-completed') done.set(e.caseId, [...(done.get(e.caseId) ?? []), { at: e.at, name: names.get(`${e.caseId}/${e.taskId}`)! }]);
  }
  const dfg = new Map<string, number>();
  const variants = new Map<string, number>();
  for (const list of done.values()) {
    list.sort((a, b) => a.at.localeCompare(b.at));
    for (let i = 1; i < list.length; i += 1) dfg.set(`${list[i - 1]!.name}|${list[i]!.name}`, (dfg.get(`${list[i - 1]!.name}|${list[i]!.name}`) ?? 0) + 1);
    const key = list.map((x) => x.name).join('|');
    variants.set(key, (variants.get(key) ?? 0) + 1);
  }
  return { dfg, variants };
}

describe('agreement with independent references', () => {
  let dir: string;
  let pm4py: Pm4py;
  let reference: Pm4pyResult | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'casemap-pm4py-'));
    writeFileSync(join(dir, 'log.xes'), exportXes(log));
    writeFileSync(join(dir, 'log.ocel.json'), JSON.stringify(exportOcel(log)));
    pm4py = ensurePm4py();
    if (pm4py.available) reference = runPm4pyReference([join(dir, 'log.xes'), '--ocel', join(dir, 'log.ocel.json')]);
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees with a naive count of directly-follows pairs and variants', () => {
    const plain = naive(log);
    expect(new Map(ours.dfg.map(([a, b, n]) => [`${a}|${b}`, n]))).toEqual(plain.dfg);
    expect(new Map(ours.variants.map(([acts, n]) => [acts.join('|'), n]))).toEqual(plain.variants);
  });

  // PM4Py is installed by .ci/run (and by this file's setup); without it these tests fail rather
  // than skip, so the agreement claim is always checked.
  function requireReference(): Pm4pyResult {
    if (!reference) throw new Error(pm4py.available ? 'PM4Py printed no result' : `PM4Py is not available: ${pm4py.reason}`);
    return reference;
  }

  it('agrees with PM4Py on directly-follows counts, variants and mean durations', () => {
    const reference = requireReference();
    expect(reference.traces).toBe(report.variants.variants.reduce((sum, v) => sum + v.count, 0));
    expect(reference.dfg).toEqual(ours.dfg.map(([a, b, n]) => [a, b, n]));
    expect(new Map(reference.variants!.map(([acts, n]) => [acts.join('|'), n]))).toEqual(new Map(ours.variants.map(([acts, n]) => [acts.join('|'), n])));
    expect(reference.performance).toHaveLength(ours.meanSeconds.size);
    for (const [from, to, mean] of reference.performance) expect(ours.meanSeconds.get(`${from} → ${to}`)).toBeCloseTo(mean, 3);
  });

  it('shows PM4Py reads Casemap’s OCEL 2.0 export', () => {
    const reference = requireReference();
    expect(reference.ocel).toMatchObject({ events: log.length, objectTypes: ['case', 'task', 'team'] });
  });
});

describe('the PM4Py agreement script at CI size (10k rows)', () => {
  // Fails, never skips, when PM4Py is missing: `npm run provision` installs it.
  it('finds every figure equal to PM4Py’s (its own token replay within the stated tolerance, the OCEL flattening case by case), and PM4Py replays every case on the discovered BPMN', async () => {
    const result = await pm4pyAgreement(10_000);
    expect(result.figures.length).toBe(11);
    expect(result.figures.filter((f) => !f.equal).map((f) => ({ figure: f.figure, casemap: f.casemap, pm4py: f.pm4py }))).toEqual([]);
  }, 900_000);
});

describe("agreement with PM4Py on an OCEL 2.0 log's objects, read from JSON and from XML", () => {
  const files = syntheticOcelWithObjects();
  let dir: string;
  let db: Database;
  let pm4py: Pm4py;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casemap-pm4py-objects-'));
    writeFileSync(join(dir, 'log.jsonocel'), files.json);
    writeFileSync(join(dir, 'log.xmlocel'), files.xml);
    pm4py = ensurePm4py();
    db = await openTestStore();
    await seedDemoIdentities(db);
  }, 900_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.close();
  });

  it.each([['jsonocel', 'json'], ['xmlocel', 'xml']] as const)('%s: the same relations per qualifier, last attribute values, attribute changes and event-object relations per activity and type', async (format, form) => {
    // Fails, never skips, without PM4Py.
    if (!pm4py.available) throw new Error(`PM4Py is not available: ${pm4py.reason}`);
    const reference = runPm4pyOcelObjects(join(dir, `log.${format}`));
    const app = insightsRouterApp(db);
    const get = async <T>(path: string): Promise<T> => (await app.get(path).set('x-test-user', 'analyst').expect(200)).body as T;
    const kept = await app.post(`/api/insights/logs?format=${format}&name=agreement`).set('x-test-user', 'analyst').set('Content-Type', 'application/octet-stream').send(files[form]).expect(201);
    const logPath = `/api/insights/logs/${kept.body.id}`;

    const graph = await get<OcelObjectGraph>(`${logPath}/object-graph`);
    const perQualifier: Record<string, number> = {};
    for (const r of graph.objectRelations) perQualifier[r.qualifier] = (perQualifier[r.qualifier] ?? 0) + r.count;
    expect(perQualifier).toEqual(reference.o2o);
    expect(graph.eventRelations.map((r) => [r.activity, r.objectType, r.count])).toEqual(reference.e2o);

    const page = await get<OcelObjectPage>(`${logPath}/objects?limit=200`);
    expect(page.total).toBe(reference.objects);
    expect(Object.fromEntries(page.items.map((o) => [o.id, Object.fromEntries(o.attributes.map((a) => [a.name, a.value]))]))).toEqual(reference.last);

    let changes = 0;
    for (const object of page.items) {
      const detail = await get<OcelObjectDetail>(`${logPath}/objects/${encodeURIComponent(object.id)}`);
      for (const attribute of detail.attributes) changes += attribute.history.length - 1;
    }
    expect(reference.changes).toBeGreaterThan(0);
    expect(changes).toBe(reference.changes);
  }, 120_000);
});
