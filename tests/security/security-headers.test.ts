// Issue #14, finding 11 (headers): no Content-Security-Policy, X-Frame-Options/frame-ancestors or
// nosniff. Every answer (the app, the API, its docs page, a problem) now carries them.
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

/** The Content-Security-Policy header as directive → sources. */
function directives(header: string | undefined): Record<string, string[]> {
  expect(header).toBeDefined();
  return Object.fromEntries(
    header!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('security headers', () => {
  let casemap: TestCasemap;

  beforeAll(async () => {
    casemap = await startTestCasemap();
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it.each(['/api/health', '/api/docs', '/api/openapi.json', '/api/me', '/api/no-such-route'])('sends a strict CSP, no framing and nosniff on %s', async (path) => {
    const response = await supertest(casemap.url).get(path);
    expect(response.status).toBeLessThan(500);
    const csp = directives(response.headers['content-security-policy']);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    // No inline or eval'd script, and no inline <style> element beyond the docs page's own (by hash).
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['style-src']).not.toContain("'unsafe-inline'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('allows exactly the docs page\'s inline stylesheet by its hash', async () => {
    const response = await supertest(casemap.url).get('/api/docs').expect(200);
    const style = response.text.match(/<style>([^<]*)<\/style>/)?.[1];
    expect(style).toBeDefined();
    const { createHash } = await import('node:crypto');
    const hash = `'sha256-${createHash('sha256').update(style!).digest('base64')}'`;
    expect(directives(response.headers['content-security-policy'])['style-src']).toEqual(["'self'", hash]);
    expect(response.text).not.toMatch(/<script/);
  });
});
