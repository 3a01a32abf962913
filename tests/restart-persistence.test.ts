// `npm start` keeps its data: stopping the whole embedded stack (Temporal dev server with its
// SQLite file, PGlite, worker, API) and starting it again finds the case, which can carry on.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../runtime/config.ts';
import { freePort } from '../runtime/free-port.ts';
import { startCasemap, type RunningCasemap } from '../stack/start-casemap.ts';
import { DEMO_PASSWORD } from '../demo/demo-identities.ts';

const referralXml = readFileSync(new URL('./fixtures/two-lane-referral.bpmn', import.meta.url), 'utf8');

async function login(url: string, username: string): Promise<string> {
  const response = await supertest(url).post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
  return response.body.token;
}

describe('restarting the embedded stack', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'casemap-restart-'));
  let running: RunningCasemap | undefined;
  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps deployed processes, cases and open tasks, and the case carries on', async () => {
    // given a stack on its own Temporal dev server and data directory
    const env = { PORT: '0', CASEMAP_DATA_DIR: dataDir, CASEMAP_LOAD_SAMPLES: 'false', NODE_ENV: 'test', TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()) };
    running = await startCasemap({ config: readConfig(env) });
    const designer = await login(running.url, 'designer');
    await supertest(running.url).post('/api/definitions/deploy').set('Authorization', `Bearer ${designer}`).send({ id: 'referral', xml: referralXml }).expect(201);
    const priya = await login(running.url, 'priya');
    const started = await supertest(running.url).post('/api/cases').set('Authorization', `Bearer ${priya}`).send({ definitionId: 'referral', data: {} }).expect(201);

    // when everything stops and starts again on the same data directory
    await running.stop();
    running = await startCasemap({ config: readConfig(env) });

    // then the session, the case and its open task are still there, and the task can be completed
    const tasks = await supertest(running.url).get('/api/tasks?view=team').set('Authorization', `Bearer ${priya}`).expect(200);
    expect(tasks.body.items).toEqual([expect.objectContaining({ caseId: started.body.caseId, name: 'Refer case to FNO Returns' })]);
    const taskPath = `/api/tasks/${encodeURIComponent(tasks.body.items[0].id)}`;
    await supertest(running.url).post(`${taskPath}/claim`).set('Authorization', `Bearer ${priya}`).expect(200);
    const completed = await supertest(running.url).post(`${taskPath}/complete`).set('Authorization', `Bearer ${priya}`).send({ data: { prisonNumber: 'A1', sentenceMonths: 12 } }).expect(200);
    expect(completed.body.next.opened.map((task: { name: string }) => task.name)).toEqual(['Make deportation decision']);
  });
});
