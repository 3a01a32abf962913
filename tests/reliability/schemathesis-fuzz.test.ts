// API fuzzing from Casemap's own OpenAPI document by Schemathesis (PyPI, installed by .ci/run into
// .tools/schemathesis), CI-sized: a few generated requests per operation and phase against a real
// Casemap signed in as the admin, so every route's validation is reached. No request may get a 5xx
// and the API must still answer afterwards. The full run is `npm run fuzz-api` (docs/reliability.md).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSchemathesis, runSchemathesis } from '../../bench/reliability/schemathesis.ts';
import { startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

const referralXml = readFileSync(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

describe('Schemathesis against the OpenAPI document', () => {
  let casemap: TestCasemap;
  const reportDir = mkdtempSync(join(tmpdir(), 'casemap-schemathesis-'));

  beforeAll(async () => {
    const installed = ensureSchemathesis();
    if (!installed.available) throw new Error(`Schemathesis is needed for this test (.ci/run installs it): ${installed.reason}`);
    casemap = await startTestCasemap();
    await (await casemap.as('designer')).post('/api/definitions/deploy', { id: 'referral', xml: referralXml }).expect(201);
    await (await casemap.as('priya')).post('/api/cases', { definitionId: 'referral', data: {} }).expect(201);
  });
  afterAll(async () => {
    await casemap?.stop();
    rmSync(reportDir, { recursive: true, force: true });
  });

  it('gets no 5xx from any generated request, and the API still answers', async () => {
    // given
    const admin = await casemap.as('admin');
    // when
    const counts = await runSchemathesis(`${casemap.url}/api/openapi.json`, { Authorization: `Bearer ${admin.token}` }, {
      maxExamples: 3,
      reportDir,
      // Signing out would end the fuzzer's own session and leave every later request at 401.
      exclude: ['/auth/logout$'],
    });
    console.log(`schemathesis: ${counts.requests} requests, statuses ${JSON.stringify(counts.byStatus)}`);
    // then
    expect(counts.requests).toBeGreaterThan(100);
    expect(counts.serverErrors).toEqual([]);
    expect((await fetch(`${casemap.url}/api/health`)).ok).toBe(true);
  }, 600_000);
});
