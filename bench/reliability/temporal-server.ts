// The Temporal dev server as a child process with a persistent SQLite file, so the reliability
// harness can kill -9 it and start it again on the same file, as a machine crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { requireTemporalCli } from '../../runtime/temporal-binaries.ts';
import { freePort } from '../../runtime/free-port.ts';
import { devServerPortArgs } from '../../runtime/temporal-dev-server.ts';

export interface TemporalServer {
  address: string;
  killAndRestart(): Promise<void>;
  /** Synchronous kill -9, for process exit handlers. */
  killNow(): void;
  stop(): Promise<void>;
}

/** Waits until the frontend answers a real RPC, not just until the port is open. */
export async function waitForTemporal(address: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Temporal at ${address} did not answer within ${timeoutMs} ms: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function startTemporal(dataDir: string): Promise<TemporalServer> {
  const cli = requireTemporalCli();
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  // The HTTP API's and metrics' ports chosen here too, once for every restart: left to the CLI they
  // come from the ephemeral range, where a connection can take one before a restart binds it
  // (runtime/free-port.ts).
  const ports = devServerPortArgs(await freePort(), await freePort());
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), ...ports, '--db-filename', join(dataDir, 'temporal.sqlite'), '--log-level', 'error'];
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    await waitForTemporal(address);
  };
  const kill = async () => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = once(current, 'exit');
    current.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    address,
    async killAndRestart() {
      await kill();
      await launch();
    },
    stop: kill,
    killNow: () => void child?.kill('SIGKILL'),
  };
}
