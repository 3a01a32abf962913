// Demo users signed in to one Casemap for a whole describe block, for suites that only talk to it
// through the API: registering the block's beforeAll/afterAll here keeps the start, sign-in and
// stop in one place instead of in every such file.
import { afterAll, beforeAll } from 'vitest';
import { startTestCasemap, type TestCasemap, type UserClient } from './test-casemap.ts';

/**
 * Starts a Casemap before the enclosing block's tests and signs the named users in; stops it after.
 * The clients are usable from the block's own beforeAll hooks (registered later, so run later) on.
 */
export function suiteUsers<const Name extends string>(...usernames: Name[]): Record<Name, UserClient> {
  let casemap: TestCasemap | undefined;
  const signedIn = new Map<Name, UserClient>();
  beforeAll(async () => {
    casemap = await startTestCasemap();
    const clients = await Promise.all(usernames.map((username) => casemap!.as(username)));
    usernames.forEach((username, index) => signedIn.set(username, clients[index]!));
  });
  afterAll(async () => {
    await casemap?.stop();
  });
  const client = (username: Name): UserClient => {
    const current = () => {
      const found = signedIn.get(username);
      if (!found) throw new Error(`${username} is signed in by the suite's beforeAll; use the client in a hook or test, not while the file loads.`);
      return found;
    };
    return {
      get token() {
        return current().token;
      },
      get: (path) => current().get(path),
      post: (path, body) => current().post(path, body),
    };
  };
  return Object.fromEntries(usernames.map((username) => [username, client(username)])) as Record<Name, UserClient>;
}
