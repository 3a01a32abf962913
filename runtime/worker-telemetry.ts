// A worker's Prometheus endpoint: the Temporal SDK's own metrics (workflow and activity task
// latencies, slots in use, sticky cache, poll failures), served by the SDK's core at
// CASEMAP_WORKER_METRICS_ADDRESS under /metrics. It must be installed before the first connection.
import { Runtime } from '@temporalio/worker';

export const WORKER_METRICS_ADDRESS_ENV = 'CASEMAP_WORKER_METRICS_ADDRESS';

/** Returns the bound address, or undefined when the variable is unset (no endpoint). */
export function installWorkerTelemetry(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const bindAddress = env[WORKER_METRICS_ADDRESS_ENV];
  if (!bindAddress) return undefined;
  if (!/^[^\s:]+:\d{1,5}$/.test(bindAddress)) throw new Error(`${WORKER_METRICS_ADDRESS_ENV} must be host:port (e.g. 0.0.0.0:9464), not "${bindAddress}".`);
  // Counters end in _total and durations are in seconds, as Prometheus names them.
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress, countersTotalSuffix: true, useSecondsForDurations: true } } } });
  return bindAddress;
}
