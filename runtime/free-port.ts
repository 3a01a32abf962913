// Finds a free TCP port for a server Casemap starts (Temporal's dev server and its HTTP API, the API,
// PostgreSQL, HAProxy), so parallel test runs and servers never collide.
//
// The port comes from *below* the kernel's ephemeral range (net.ipv4.ip_local_port_range), never from
// it: a port in that range that is free now can be taken, before the server binds it, as the local
// port of any outgoing connection (a pool's connection to PostgreSQL, a test's HTTP request). That is
// how a CI run lost its Temporal dev server: the dev server picks its HTTP API's port at random from
// the ephemeral range and binds it only after its gRPC frontend already answers, and a connection
// opened meanwhile took the port, so the server panicked and every test after met "Failed to connect
// before the deadline". Below the range only an explicit bind takes a port, and each caller here
// checks by binding.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Ports from here up to the ephemeral range are candidates (clear of the well-known and most registered ports). */
const LOWEST_CANDIDATE = 20_000;
const ATTEMPTS = 200;

/** The kernel's ephemeral range, [low, high]; Linux's default when it cannot be read. */
export function ephemeralPortRange(read: () => string = () => readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')): [number, number] {
  try {
    const [low, high] = read().trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high) && low! > 0 && high! >= low!) return [low!, high!];
  } catch {
    // not Linux, or /proc is not mounted
  }
  return [32_768, 60_999];
}

/** The candidates: below the ephemeral range, or above it when the range starts too low to leave room. */
export function candidatePorts(range: [number, number] = ephemeralPortRange()): [number, number] {
  const [low, high] = range;
  if (low - 1 - LOWEST_CANDIDATE >= 1_000) return [LOWEST_CANDIDATE, low - 1];
  if (65_535 - high >= 1_000) return [high + 1, 65_535];
  return [LOWEST_CANDIDATE, 65_535];
}

/** Whether a server can listen on the port at 127.0.0.1 right now. */
export function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  const [from, to] = candidatePorts();
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    if (await canBind(port)) return port;
  }
  throw new Error(`No free TCP port found in ${from}–${to} after ${ATTEMPTS} tries.`);
}
