// What the message tests start from: the two processes that take messages (a case waiting for a
// travel document; a referral that starts a case), deployed by the designer, and API keys for the
// systems that send them, issued by an admin as in production.
import { readFileSync } from 'node:fs';
import supertest from 'supertest';
import type { TestCasemap, UserClient } from './test-casemap.ts';

const receiveXml = readFileSync(new URL('../fixtures/await-travel-document.bpmn', import.meta.url), 'utf8');
const messageStartXml = readFileSync(new URL('../workflows/fixtures/message-start.bpmn', import.meta.url), 'utf8');

/** Deploys `await-document` (waits for "Travel document issued") and `referral-intake` (started by "FNO referral received"). */
export async function deployMessageProcesses(casemap: TestCasemap): Promise<void> {
  const designer = await casemap.as('designer');
  await designer.post('/api/definitions/deploy', { id: 'await-document', xml: receiveXml }).expect(201);
  await designer.post('/api/definitions/deploy', { id: 'referral-intake', xml: messageStartXml }).expect(201);
}

export interface ApiKey {
  id: string;
  key: string;
}

/** An API key with these scopes, issued by `admin` through the API. */
export async function issueApiKey(admin: UserClient, name: string, scopes: string[]): Promise<ApiKey> {
  return (await admin.post('/api/admin/api-keys', { name, scopes }).expect(201)).body as ApiKey;
}

/** POST /api/messages as another system sends it: with its key (none, to test refusals) and optionally an Idempotency-Key. */
export function sendMessage(casemap: TestCasemap, key: string | undefined, body: object, idempotencyKey?: string) {
  let request = supertest(casemap.url).post('/api/messages');
  if (key) request = request.set('X-Api-Key', key);
  if (idempotencyKey) request = request.set('Idempotency-Key', idempotencyKey);
  return request.send(body);
}
