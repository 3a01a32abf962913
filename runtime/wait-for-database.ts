// A process that starts while its PostgreSQL is down or restarting (a crash, a failover, the whole
// stack started at once) waits for it, rather than exiting and leaning on a supervisor to start it
// again. Only an outage is waited out: any other error (a failing migration) ends the start at once.
import { isDatabaseOutage } from '../storage/database-outage.ts';

export interface WaitOptions {
  /** How long to keep trying before giving up with the last outage's error (ms). */
  timeoutMs?: number;
  /** The first pause between tries (ms); it doubles up to 2 s. */
  firstPauseMs?: number;
  log?: (line: string) => void;
}

export async function whenDatabaseAnswers<T>(work: () => Promise<T>, { timeoutMs = 60_000, firstPauseMs = 100, log = () => {} }: WaitOptions = {}): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (let pause = firstPauseMs; ; pause = Math.min(pause * 2, 2000)) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseOutage(error) || Date.now() + pause > giveUpAt) throw error;
      log(`The database is not answering (${error instanceof Error ? error.message : String(error)}); trying again in ${pause} ms.`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
