import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('the request timeout setting', () => {
  it('gives an upload an hour to arrive by default, longer than Node’s own 300 s', () => {
    expect(readConfig({}).requestTimeoutMs).toBe(3_600_000);
  });

  it('takes CASEMAP_REQUEST_TIMEOUT_SECONDS in seconds', () => {
    expect(readConfig({ CASEMAP_REQUEST_TIMEOUT_SECONDS: '7200' }).requestTimeoutMs).toBe(7_200_000);
  });

  it('refuses a timeout of zero (never) or one that is not a whole number, naming the setting', () => {
    expect(() => readConfig({ CASEMAP_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/CASEMAP_REQUEST_TIMEOUT_SECONDS/);
    expect(() => readConfig({ CASEMAP_REQUEST_TIMEOUT_SECONDS: 'soon' })).toThrow(/CASEMAP_REQUEST_TIMEOUT_SECONDS/);
  });
});
