import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { candidatePorts, ephemeralPortRange, freePort } from './free-port.ts';

describe('freePort', () => {
  it('reads the kernel ephemeral range, and falls back to Linux default when it cannot', () => {
    expect(ephemeralPortRange(() => '32768\t60999\n')).toEqual([32_768, 60_999]);
    expect(ephemeralPortRange(() => '1024 65535')).toEqual([1_024, 65_535]);
    expect(ephemeralPortRange(() => 'garbage')).toEqual([32_768, 60_999]);
    expect(ephemeralPortRange(() => { throw new Error('no /proc'); })).toEqual([32_768, 60_999]);
  });

  it('picks candidates outside the ephemeral range, below it when there is room, else above', () => {
    expect(candidatePorts([32_768, 60_999])).toEqual([20_000, 32_767]);
    expect(candidatePorts([10_000, 50_000])).toEqual([50_001, 65_535]);
  });

  it('returns a port outside the ephemeral range that a server can listen on', async () => {
    const [low, high] = ephemeralPortRange();
    const port = await freePort();
    expect(port < low || port > high).toBe(true);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
  });

  it('never returns a port something already listens on', async () => {
    const [from, to] = candidatePorts();
    const held = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const server = createServer();
        const port = await freePort();
        await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
        return { server, port };
      }),
    );
    const ports = held.map((entry) => entry.port);
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) expect(port >= from && port <= to).toBe(true);
    await Promise.all(held.map(({ server }) => new Promise((resolve) => server.close(resolve))));
  });
});
