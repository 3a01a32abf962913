import { describe, expect, it } from 'vitest';
import { whenDatabaseAnswers } from './wait-for-database.ts';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('whenDatabaseAnswers', () => {
  it('tries again while the database is down, and answers what the work answers once it is up', async () => {
    // given a database that refuses the first two connections
    let tries = 0;
    const lines: string[] = [];
    const work = async () => {
      tries += 1;
      if (tries <= 2) throw refused();
      return 'migrated';
    };

    // when the start-up waits for it
    const answer = await whenDatabaseAnswers(work, { firstPauseMs: 1, log: (line) => lines.push(line) });

    // then it ran three times, said so twice, and answered
    expect([answer, tries, lines.length]).toEqual(['migrated', 3, 2]);
  });

  it('ends at once on an error that is not an outage', async () => {
    let tries = 0;
    const failing = async () => {
      tries += 1;
      throw Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' });
    };
    await expect(whenDatabaseAnswers(failing, { firstPauseMs: 1 })).rejects.toThrow('syntax error');
    expect(tries).toBe(1);
  });

  it('gives up with the outage once its time is over', async () => {
    let tries = 0;
    const down = async () => {
      tries += 1;
      throw refused();
    };
    await expect(whenDatabaseAnswers(down, { timeoutMs: 30, firstPauseMs: 5 })).rejects.toThrow('ECONNREFUSED');
    expect(tries).toBeGreaterThan(1);
  });
});
