// A child process kept alive as a service manager (systemd, Kubernetes) keeps a service alive:
// whenever it exits it is started again after a short pause, and it counts as up only once its own
// readiness check passes. Used by the cluster topology and by the reliability harness, which kills
// its processes on purpose. Each process's output goes to a log file over all its runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/** What the current run of a process has shown so far, for its readiness check. */
export interface ProcessRun {
  /** The last of what it wrote, stdout and stderr together. */
  output(): string;
  /** What it sent over its IPC channel (only with `ipc`). */
  readonly messages: readonly unknown[];
}

export interface SupervisedProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Resolves once the process serves (a port answers, a line was printed, a message came); retried until it does. */
  ready(run: ProcessRun): Promise<void>;
  /** Opens an IPC channel to a Node child, which then also dies when the supervisor does. */
  ipc?: boolean;
}

export interface SupervisedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Exits nobody asked for (a crash of the service itself), as opposed to injected kills and stops. */
  readonly unplannedExits: number;
  /** Resolves when the current run of the process is ready. */
  ready(): Promise<void>;
  /** kill -9, then wait until the restarted process is ready again. */
  killNow(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s; it is not restarted. */
  stop(): Promise<void>;
  /** Synchronous kill -9, for exit handlers. */
  killSync(): void;
}

const RESTART_PAUSE_MS = 300;
const KEPT_OUTPUT_CHARS = 20_000;

/** The line that most likely says why a process died: its first error line, else its last line. */
const causeIn = (output: string): string => {
  const lines = output.trim().split('\n');
  return lines.find((line) => /^\s*\w*error\b/i.test(line)) ?? lines.at(-1) ?? '';
};

export function superviseProcess(spec: SupervisedProcessSpec, log: (line: string) => void): SupervisedProcess {
  let child: ChildProcess | undefined;
  let readyNow: Promise<void> = Promise.resolve();
  let stopping = false;
  let planned = false;
  let unplannedExits = 0;
  const logStream: WriteStream = createWriteStream(spec.logFile, { flags: 'a' });

  const launch = () => {
    const current = spawn(spec.command, spec.args, { env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe', ...(spec.ipc ? (['ipc'] as const) : [])] });
    child = current;
    let output = '';
    const messages: unknown[] = [];
    const run: ProcessRun = { output: () => output, messages };
    logStream.write(`--- ${spec.name} started at ${new Date().toISOString()} (pid ${current.pid})\n`);
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS);
      logStream.write(chunk);
    };
    current.stdout?.on('data', keep);
    current.stderr?.on('data', keep);
    current.on('message', (message) => messages.push(message));
    const exited = once(current, 'exit');
    readyNow = (async () => {
      for (;;) {
        if (current.exitCode !== null || current.signalCode !== null) return;
        const attempt = await Promise.race([spec.ready(run).then(() => 'ready' as const, () => 'not-yet' as const), exited.then(() => 'exited' as const)]);
        if (attempt !== 'not-yet') return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    current.on('exit', (code, signal) => {
      logStream.write(`--- ${spec.name} exited (code ${code}, signal ${signal})\n`);
      if (stopping) return;
      if (!planned) {
        unplannedExits += 1;
        log(`${spec.name} exited by itself (code ${code}, signal ${signal}): ${causeIn(output)}; restarting — see ${spec.logFile}`);
      }
      planned = false;
      // Restarted after a short pause, as a service manager would, so a crash loop does not spin.
      setTimeout(() => stopping || launch(), RESTART_PAUSE_MS);
    });
  };
  launch();

  const ready = async () => {
    // A restart replaces readyNow; wait for the run that is current when this settles.
    for (;;) {
      const waitingFor = readyNow;
      await waitingFor;
      if (waitingFor === readyNow && child && child.exitCode === null && child.signalCode === null) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    name: spec.name,
    get pid() {
      return child?.pid;
    },
    get unplannedExits() {
      return unplannedExits;
    },
    ready,
    async killNow() {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      planned = true;
      const exited = once(current, 'exit');
      current.kill('SIGKILL');
      await exited;
      while (child === current) await new Promise((resolve) => setTimeout(resolve, 50));
      await ready();
    },
    async stop() {
      stopping = true;
      const current = child;
      if (current && current.exitCode === null && current.signalCode === null) {
        const exited = once(current, 'exit');
        current.kill('SIGTERM');
        const timer = setTimeout(() => current.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await new Promise<void>((resolve) => logStream.end(() => resolve()));
    },
    killSync() {
      stopping = true;
      child?.kill('SIGKILL');
    },
  };
}
