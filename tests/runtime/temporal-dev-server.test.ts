// The dev server listens on the ports Casemap chose for it, outside the kernel's ephemeral range, so
// no outgoing connection can take one between its start and its bind (runtime/free-port.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { ephemeralPortRange } from '../../runtime/free-port.ts';
import { startTemporalDevServer, type RunningDevServer } from '../../runtime/temporal-dev-server.ts';

describe('the Temporal dev server Casemap starts', () => {
  let server: RunningDevServer | undefined;
  afterAll(async () => server?.stop());

  it('serves gRPC and its HTTP API on ports below the ephemeral range', async () => {
    server = await startTemporalDevServer();
    const [low] = ephemeralPortRange();
    const grpcPort = Number(server.address.split(':')[1]);
    const httpPort = Number(new URL(server.httpUrl).port);
    expect(grpcPort).toBeLessThan(low);
    expect(httpPort).toBeLessThan(low);

    const namespace = await fetch(`${server.httpUrl}/api/v1/namespaces/default`);
    expect(namespace.status).toBe(200);
    expect(await namespace.json()).toMatchObject({ namespaceInfo: { name: 'default' } });
    const described = await server.env.connection.workflowService.describeNamespace({ namespace: 'default' });
    expect(described.namespaceInfo?.name).toBe('default');
  });
});
