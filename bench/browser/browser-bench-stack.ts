// What the browser benchmarks share: a whole Casemap (its own Temporal dev server, a PGlite in a
// temp folder, the API and the built app on one port, as `npm start` runs it), Debian's Chromium
// with the browser tests' flags, and a signed-in cookie for a demo user. Timings go through bench/method.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { startCasemap, type RunningCasemap } from '../../stack/start-casemap.ts';
import { buildBrowserApp } from '../../runtime/browser-app.ts';
import { readConfig } from '../../runtime/config.ts';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { startTemporalDevServer } from '../../runtime/temporal-dev-server.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BrowserBenchStack {
  casemap: RunningCasemap;
  browser: Browser;
  /** A fresh context (empty cache) signed in as `username`, at 1280×800. */
  signedInContext(username: string): Promise<BrowserContext>;
  /** Runs `work` on a page of a fresh context (signed in as `username` if given), closed afterwards. */
  withPage<T>(username: string | undefined, work: (page: Page) => Promise<T>): Promise<T>;
  /** A bearer token for API calls made from Node. */
  token(username: string): Promise<string>;
  stop(): Promise<void>;
}

async function login(url: string, username: string): Promise<Response> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (!response.ok) throw new Error(`Signing in as ${username} failed: ${response.status}`);
  return response;
}

export async function startBrowserBenchStack(): Promise<BrowserBenchStack> {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed by an earlier benchmark in this process
  }
  const staticDir = await buildBrowserApp(repoRoot, (line) => console.log(line));
  const temporal = await startTemporalDevServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'casemap-browser-bench-'));
  const config = readConfig({ PORT: '0', TEMPORAL_ADDRESS: temporal.address, CASEMAP_DATA_DIR: dataDir, CASEMAP_LOAD_SAMPLES: 'false', NODE_ENV: 'test' });
  const casemap = await startCasemap({ config, staticDir });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

  async function signedInContext(username: string): Promise<BrowserContext> {
    const response = await login(casemap.url, username);
    const cookies = response.headers.getSetCookie().map((header) => {
      const [pair = ''] = header.split(';');
      const [name = '', ...value] = pair.split('=');
      return { name, value: value.join('='), url: casemap.url };
    });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies(cookies);
    // The app keeps the CSRF token in the tab's sessionStorage, as its sign-in page would.
    await context.addInitScript((csrf) => sessionStorage.setItem('casemap.csrfToken', csrf), csrfToken);
    return context;
  }

  return {
    casemap,
    browser,
    signedInContext,
    async withPage(username, work) {
      const context = username ? await signedInContext(username) : await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        return await work(await context.newPage());
      } finally {
        await context.close();
      }
    },
    async token(username) {
      return ((await (await login(casemap.url, username)).json()) as { token: string }).token;
    },
    async stop() {
      await browser.close();
      await casemap.stop();
      await temporal.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
