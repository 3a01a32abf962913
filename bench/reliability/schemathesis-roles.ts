// The callers Schemathesis fuzzes Casemap as: every role (admin, designer, analyst, a caseworker,
// a team lead) and another system's API key, over a few cases and tasks so that role's routes
// reach real objects, not only "not found".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { runSchemathesis, type FuzzCounts, type FuzzOptions } from './schemathesis.ts';

export interface FuzzRole {
  name: string;
  /** Headers proving who calls, asked right before that role's run. */
  headers(): Promise<Record<string, string>>;
}

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url), 'utf8');

async function call(baseUrl: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Signs a demo user in; waits out the sign-in limit, which a previous role's fuzzing of /auth/login may have used up for this address. */
export async function signIn(baseUrl: string, username: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await call(baseUrl, 'POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD });
    if (response.status === 200) return ((await response.json()) as { token: string }).token;
    if (response.status !== 429) throw new Error(`${username} cannot sign in: ${response.status} ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, (Number(response.headers.get('retry-after')) || 10) * 1000 + 500));
  }
  throw new Error(`${username} cannot sign in: still limited after five waits`);
}

async function expectStatus(response: Response, status: number, what: string): Promise<Response> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

/**
 * Deploys two small processes (a referral from prison casework to FNO Returns, and an assessment
 * FNO Returns starts itself), starts a case of each so tom and lena have open tasks, creates the
 * API key, and returns the roles.
 */
export async function prepareFuzzRoles(baseUrl: string): Promise<FuzzRole[]> {
  const designer = await signIn(baseUrl, 'designer');
  await expectStatus(await call(baseUrl, 'POST', '/api/definitions/deploy', designer, { id: 'fuzz-referral', xml: fixture('two-lane-referral.bpmn') }), 201, 'deploying the referral');
  await expectStatus(await call(baseUrl, 'POST', '/api/definitions/deploy', designer, { id: 'fuzz-assessment', xml: fixture('one-lane-assessment.bpmn') }), 201, 'deploying the assessment');
  await expectStatus(await call(baseUrl, 'POST', '/api/cases', await signIn(baseUrl, 'priya'), { definitionId: 'fuzz-referral', data: {} }), 201, 'priya starting a referral');
  const tom = await signIn(baseUrl, 'tom');
  for (let i = 0; i < 3; i++) await expectStatus(await call(baseUrl, 'POST', '/api/cases', tom, { definitionId: 'fuzz-assessment', data: {} }), 201, 'tom starting an assessment');
  const admin = await signIn(baseUrl, 'admin');
  const key = (await (await expectStatus(await call(baseUrl, 'POST', '/api/admin/api-keys', admin, { name: 'schemathesis', scopes: ['messages:send', 'messages:read'] }), 201, 'creating the API key')).json()) as { key: string };

  // Signed in now, before any fuzzing of /auth/login uses up this address's sign-in limit; again only if the session has ended since.
  const user = async (name: string, username: string): Promise<FuzzRole> => {
    let token = await signIn(baseUrl, username);
    return {
      name,
      headers: async () => {
        if ((await call(baseUrl, 'GET', '/api/me', token)).status === 401) token = await signIn(baseUrl, username);
        return { Authorization: `Bearer ${token}` };
      },
    };
  };
  return [
    await user('admin', 'admin'),
    await user('designer', 'designer'),
    await user('analyst', 'analyst'),
    await user('caseworker (tom)', 'tom'),
    await user('team lead (lena)', 'lena'),
    { name: 'API key (messages:send, messages:read)', headers: async () => ({ 'X-Api-Key': key.key }) },
  ];
}

/**
 * Operations no role is fuzzed on, each with its reason: signing out ends the fuzzer's own session,
 * so every later request of that role would be 401 and test nothing.
 */
export const excludedPaths = ['/auth/logout$'];

export interface RoleRun {
  role: string;
  counts: FuzzCounts;
}

/**
 * One Schemathesis run per role, each with its own report folder under `reportDir`; one after
 * another, or all at once (they then also race each other on the same cases and tasks).
 */
export async function fuzzAsEachRole(openApiUrl: string, roles: FuzzRole[], options: Omit<FuzzOptions, 'exclude'> & { together?: boolean }): Promise<RoleRun[]> {
  const run = async (role: FuzzRole, index: number): Promise<RoleRun> => ({
    role: role.name,
    counts: await runSchemathesis(openApiUrl, await role.headers(), { ...options, reportDir: join(options.reportDir, `role-${index}`), exclude: excludedPaths }),
  });
  if (options.together) return Promise.all(roles.map(run));
  const runs: RoleRun[] = [];
  for (const [index, role] of roles.entries()) runs.push(await run(role, index));
  return runs;
}
