import { describe, expect, it } from 'vitest';
import { haproxyServersConfig } from './haproxy-servers.ts';

describe('the HAProxy servers file of the cluster topology', () => {
  it('names one server per API replica, for any count', () => {
    const addresses = ['127.0.0.1:4001', '127.0.0.1:4002', '127.0.0.1:4003'];
    const lines = haproxyServersConfig(addresses).split('\n');
    expect(lines).toContain('backend casemap_api from api-pool');
    expect(lines.filter((line) => line.trim().startsWith('server '))).toEqual(['  server api1 127.0.0.1:4001', '  server api2 127.0.0.1:4002', '  server api3 127.0.0.1:4003']);
  });

  it('refuses no replicas, and an address that is not host:port', () => {
    expect(() => haproxyServersConfig([])).toThrow(/at least one API replica/);
    expect(() => haproxyServersConfig(['http://127.0.0.1:4001'])).toThrow(/host:port; got "http:\/\/127.0.0.1:4001"/);
  });
});
