// Starts a Temporal dev server for `npm start` and the integration tests, on the binary that
// temporal-binaries.ts found (or, failing that, the SDK's downloader on machines with internet).
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { findTemporalCli } from './temporal-binaries.ts';
import { freePort } from './free-port.ts';

export interface DevServerOptions {
  /** SQLite file that keeps workflows across restarts; in-memory when omitted. */
  dbFilename?: string;
  port?: number;
  uiPort?: number;
  log?: (line: string) => void;
}

export interface RunningDevServer {
  address: string;
  namespace: string;
  uiUrl?: string;
  /** Temporal's HTTP API (grpc-gateway), on a port Casemap chose. */
  httpUrl: string;
  env: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

/** The dev server's HTTP API and metrics ports, chosen by Casemap rather than at random by the CLI. */
export function devServerPortArgs(httpPort: number, metricsPort: number): string[] {
  return ['--http-port', String(httpPort), '--metrics-port', String(metricsPort)];
}

export async function startTemporalDevServer(options: DevServerOptions = {}): Promise<RunningDevServer> {
  const log = options.log ?? (() => {});
  const found = findTemporalCli({ log });
  if (found.kind === 'sdk-download') {
    log(`No local Temporal CLI (looked: ${found.looked.join('; ')}); trying the SDK's downloader.`);
  } else {
    log(`Temporal CLI: ${found.path} (found by ${found.foundBy})`);
  }
  const port = options.port ?? (await freePort());
  const uiPort = options.uiPort ?? (options.dbFilename ? await freePort() : undefined);
  // Left to itself the CLI picks these two from the ephemeral range and binds the HTTP API's only after
  // the gRPC frontend answers; an outgoing connection can take it meanwhile (runtime/free-port.ts).
  const httpPort = await freePort();
  const ports = devServerPortArgs(httpPort, await freePort());
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: found.kind === 'path' ? { type: 'existing-path', path: found.path } : { type: 'cached-download' },
      ip: '127.0.0.1',
      port,
      ...(uiPort ? { ui: true, uiPort } : {}),
      ...(options.dbFilename ? { dbFilename: options.dbFilename } : {}),
      extraArgs: ['--log-level', 'error', ...ports],
    },
  });
  return {
    address: `127.0.0.1:${port}`,
    namespace: 'default',
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    env,
    stop: () => env.teardown(),
  };
}
