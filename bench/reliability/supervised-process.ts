// A child process kept alive the way a service manager (systemd, Kubernetes) keeps a service alive:
// whenever it exits, for whatever reason, it is started again. Exits are counted, planned or not.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync } from 'node:fs';

export interface SupervisedProcess {
  readonly name: string;
  /** Exits nobody asked for (a crash of the service itself), as opposed to injected kills. */
  readonly unplannedExits: number;
  /** kill -9, then wait for the replacement to report ready. */
  killNow(): Promise<void>;
  ready(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `stderrFile`, when given, keeps everything the process wrote to stderr over all its lives (one
 * line marks each start), so a 500 answered mid-run can be traced to its cause afterwards.
 */
export function supervise(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void, stderrFile?: string): SupervisedProcess {
  let child: ChildProcess | undefined;
  let readyNow: Promise<void> = Promise.resolve();
  let stopping = false;
  let planned = false;
  let unplannedExits = 0;

  const launch = () => {
    const current = fork(script, args, { env: { ...process.env, ...env }, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child = current;
    let stderr = '';
    if (stderrFile) appendFileSync(stderrFile, `--- ${name} started at ${new Date().toISOString()} (pid ${current.pid})\n`);
    current.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2_000);
      if (stderrFile) appendFileSync(stderrFile, chunk);
    });
    readyNow = new Promise((resolve) => {
      current.on('message', (message: { type?: string }) => {
        if (message.type === 'ready') resolve();
      });
      current.on('exit', () => resolve());
    });
    current.on('exit', (code, signal) => {
      if (stopping) return;
      if (!planned) {
        unplannedExits += 1;
        log(`${name} exited by itself (code ${code}, signal ${signal}): ${stderr.split('\n').find((line) => /^\s*\w*error\b/i.test(line)) ?? stderr.trim().split('\n').at(-1)}`);
      }
      planned = false;
      // Restarted after a short pause, as a service manager would, so a crash loop does not spin.
      setTimeout(() => stopping || launch(), 300);
    });
  };
  launch();

  return {
    name,
    get unplannedExits() {
      return unplannedExits;
    },
    async killNow() {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      planned = true;
      const exited = once(current, 'exit');
      current.kill('SIGKILL');
      await exited;
      while (child === current) await new Promise((resolve) => setTimeout(resolve, 50));
      await readyNow;
    },
    ready: () => readyNow,
    async stop() {
      stopping = true;
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = once(current, 'exit');
      current.kill('SIGKILL');
      await exited;
    },
  };
}
