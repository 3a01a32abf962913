// The second HAProxy file of the cluster topology: the `casemap_api` backend with one `server` line
// per API replica started, so the replica count is a setting (cluster/haproxy/haproxy.cfg keeps
// everything else, and Compose has its own servers file that finds replicas through DNS).

/** The backend's text for these replica addresses (host:port), in order: api1, api2, … */
export function haproxyServersConfig(addresses: readonly string[]): string {
  if (addresses.length === 0) throw new Error('HAProxy needs at least one API replica to send requests to; got none.');
  const bad = addresses.find((address) => !/^[\w.-]+:\d{1,5}$/.test(address));
  if (bad !== undefined) throw new Error(`An API replica address is host:port; got "${bad}".`);
  return [
    `# Written by runtime/cluster-topology.ts for ${addresses.length} API replica(s); loaded after cluster/haproxy/haproxy.cfg.`,
    'backend casemap_api from api-pool',
    ...addresses.map((address, i) => `  server api${i + 1} ${address}`),
    '',
  ].join('\n');
}
