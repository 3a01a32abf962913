// API fuzzing from Casemap's own OpenAPI document by Schemathesis (PyPI, installed by .ci/run into
// .tools/schemathesis), CI-sized: a few generated requests per operation in the fuzzing and
// stateful (OpenAPI links) phases, with every check, as each role (admin, designer, analyst,
// caseworker, team lead) and as an API key, against a real Casemap. No 5xx, no failed check (the
// few per-operation settings and their reasons are in bench/reliability/schemathesis-settings.ts),
// and the API still answers. The full run adds the examples and coverage phases: `npm run fuzz-api`
// (docs/reliability.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSchemathesis } from '../../bench/reliability/schemathesis.ts';
import { fuzzAsEachRole, prepareFuzzRoles, type RoleRun } from '../../bench/reliability/schemathesis-roles.ts';
import { startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

describe('Schemathesis against the OpenAPI document, as every role', () => {
  let casemap: TestCasemap;
  let runs: RoleRun[];
  const reportDir = mkdtempSync(join(tmpdir(), 'casemap-schemathesis-'));

  beforeAll(async () => {
    const installed = ensureSchemathesis();
    if (!installed.available) throw new Error(`Schemathesis is needed for this test (.ci/run installs it): ${installed.reason}`);
    casemap = await startTestCasemap();
    const roles = await prepareFuzzRoles(casemap.url);
    // All roles at once: CI-sized, and the roles' requests race on the same cases and tasks.
    runs = await fuzzAsEachRole(`${casemap.url}/api/openapi.json`, roles, { maxExamples: 2, phases: ['fuzzing', 'stateful'], reportDir, together: true });
    for (const { role, counts } of runs) console.log(`schemathesis as ${role}: ${counts.requests} requests, statuses ${JSON.stringify(counts.byStatus)}`);
  }, 600_000);
  afterAll(async () => {
    await casemap?.stop();
    rmSync(reportDir, { recursive: true, force: true });
  });

  it.each(['admin', 'designer', 'analyst', 'caseworker (tom)', 'team lead (lena)', 'API key (messages:send, messages:read)'])('gets no 5xx and fails no check as %s', (name) => {
    // given, when: the runs above
    const { counts } = runs.find((run) => run.role === name)!;
    // then
    expect(counts.requests).toBeGreaterThan(80);
    expect(counts.serverErrors).toEqual([]);
    expect(counts.failures.map((failure) => `${failure.operation}: ${failure.checks.join('; ')}\n${failure.report.slice(0, 1500)}`)).toEqual([]);
  });

  it('still answers after all of it', async () => {
    expect((await fetch(`${casemap.url}/api/health`)).ok).toBe(true);
  });
});
