// The browser app, built once per test run for every browser test file in it. The first browser
// test file to ask builds it (Vite) into the run's own folder, which the global setup creates;
// the others wait for that build. Its own folder, not modeler/dist: other runs in the same checkout
// (and `npm start`) rebuild modeler/dist whenever a source changes, which would pull the app out
// from under a running test. Runs without browser tests never build.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const POLL_MS = 200;
// A build takes well under a minute on a busy 2-core machine; a lock older than this is a crashed builder.
const STALE_LOCK_MS = 5 * 60_000;

type Outcome = { ok: true } | { ok: false; error: string };

function claim(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) throw new Error(`The browser app build of this run (lock ${lock}) never finished.`);
    return false;
  }
}

async function build(outDir: string): Promise<void> {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(repoRoot, 'modeler', 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** The folder holding this run's build of the browser app, building it if no other test file has. */
export async function browserAppForThisRun(): Promise<string> {
  const runDir = inject('browserAppRunDir');
  const outDir = join(runDir, 'app');
  const outcomeFile = join(runDir, 'outcome.json');
  for (;;) {
    if (existsSync(outcomeFile)) {
      const outcome = JSON.parse(readFileSync(outcomeFile, 'utf8')) as Outcome;
      if (!outcome.ok) throw new Error(`The browser app could not be built for this run: ${outcome.error}`);
      return outDir;
    }
    if (claim(join(runDir, 'building'))) {
      let outcome: Outcome = { ok: true };
      try {
        await build(outDir);
      } catch (error) {
        outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      writeFileSync(outcomeFile, JSON.stringify(outcome));
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
