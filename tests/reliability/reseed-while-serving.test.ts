// An API replica that restarts seeds the demo users again while the other replicas serve them (found
// by the cluster fault test: right after an API kill, nico's completion of a task of his own team was
// refused 404, because the restarted replica had deleted his memberships and not yet written them
// back, so the case waited for ever). Every statement of a re-seed is followed by a read from another
// connection, as a serving replica's request would land between any two of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../bench/reliability/postgres-server.ts';
import { demoUsers, seedDemoIdentities } from '../../demo/demo-identities.ts';
import { openPostgres, type Database, type Sql } from '../../storage/database.ts';
import { findUserById } from '../../storage/identity-store.ts';
import { migrate } from '../../storage/migrate.ts';

describe('seeding the demo users again while another replica serves them', () => {
  let server: PostgresServer;
  let serving: Database;
  let seeding: Database;
  beforeAll(async () => {
    server = await startPostgres();
    serving = openPostgres(server.url);
    seeding = openPostgres(server.url);
    await migrate(serving);
    await seedDemoIdentities(serving);
  }, 60_000);
  afterAll(async () => {
    await seeding?.close();
    await serving?.close();
    server?.stop();
  });

  it('never shows a user in fewer teams than they keep, between any two statements', async () => {
    const seen: string[] = [];
    const statements = { count: 0 };
    // What a request on the serving replica reads for each user, after every statement of the seed.
    const readEveryUser = async () => {
      statements.count += 1;
      for (const user of demoUsers) {
        const teams = (await findUserById(serving, user.username))?.teams ?? [];
        const missing = user.memberships.map((membership) => membership.teamId).filter((team) => !teams.includes(team));
        if (missing.length > 0) seen.push(`${user.username} without ${missing.join(', ')} after statement ${statements.count}`);
      }
    };
    const watched = (sql: Sql): Sql => ({
      async query(text, params) {
        const rows = await sql.query(text, params);
        await readEveryUser();
        return rows as never;
      },
    });
    const seedingReplica: Database = { ...seeding, query: watched(seeding).query, transaction: (work) => seeding.transaction((tx) => work(watched(tx))) };

    await seedDemoIdentities(seedingReplica);

    expect(statements.count).toBeGreaterThan(demoUsers.length);
    expect(seen).toEqual([]);
    for (const user of demoUsers) {
      expect((await findUserById(serving, user.username))?.teams.sort()).toEqual(user.memberships.map((membership) => membership.teamId).sort());
    }
  });

  it('drops a membership the user no longer has', async () => {
    await seedDemoIdentities(serving);
    await serving.query(`INSERT INTO memberships (user_id, team_id, role) VALUES ('tom', 'escorting', 'member')`);
    await seedDemoIdentities(serving);
    expect((await findUserById(serving, 'tom'))?.teams).toEqual(['fno-returns']);
  });
});
