// What every browser test file needs: a real Casemap serving the app built once for the run (see
// tests/support/browser-app-build.ts), Debian's Chromium at 1280×800, pages that collect console
// errors, signing in as a demo user, screenshots under test-artifacts/screenshots/, and waiting for
// projections that workflows write a moment after an action. A Content-Security-Policy violation
// on any page fails the test it happens in (issue #14: the app must pass its own CSP).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';
import { browserAppForThisRun } from '../support/browser-app-build.ts';

export const screenshotDir = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

const CHROMIUM = { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] };

// Violations not yet reported, from every page of every harness in this test file.
const unreportedCspViolations: string[] = [];

/** Fails the test during which any page broke the Content-Security-Policy, naming each violation. */
function reportCspViolations(): void {
  if (unreportedCspViolations.length === 0) return;
  const violations = unreportedCspViolations.splice(0);
  throw new Error(`The app broke its Content-Security-Policy:\n${violations.join('\n')}`);
}

// Registered when a test file imports the harness, so it runs after each of that file's tests.
afterEach(() => reportCspViolations());

const CSP_CONSOLE_MESSAGE = /Content Security Policy|Content-Security-Policy/i;

export interface BrowserHarness {
  readonly casemap: TestCasemap;
  /** Every console error and page error seen so far, except the expected ones. */
  readonly consoleErrors: string[];
  /** Every Content-Security-Policy violation seen so far (each also fails the test it happened in). */
  readonly cspViolations: string[];
  openPage(): Promise<Page>;
  signIn(page: Page, username: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  /** Clicks Refresh until `target` shows: projections are written by the workflow, a moment later. */
  refreshUntilVisible(page: Page, target: Locator): Promise<void>;
  stop(): Promise<void>;
}

/** `expectedConsoleErrors`: the refusals a scenario provokes on purpose (Chromium logs them as failed resources). */
export async function startBrowserHarness(options: { expectedConsoleErrors?: RegExp[]; temporalUiUrl?: string } = {}): Promise<BrowserHarness> {
  mkdirSync(screenshotDir, { recursive: true });
  const casemap = await startTestCasemap({ staticDir: await browserAppForThisRun(), temporalUiUrl: options.temporalUiUrl });
  let browser: Browser;
  try {
    browser = await chromium.launch(CHROMIUM);
  } catch (error) {
    await casemap.stop();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  const expected = options.expectedConsoleErrors ?? [];
  const violation = (text: string) => {
    cspViolations.push(text);
    unreportedCspViolations.push(text);
  };

  return {
    casemap,
    consoleErrors,
    cspViolations,
    async openPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      contexts.push(context);
      // The browser's own report of each violation (Playwright's init script runs outside the page's CSP).
      await context.exposeBinding('__casemapCspViolation', (_source, text: string) => violation(text));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __casemapCspViolation(text: string): void }).__casemapCspViolation;
          report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile || document.location.href}:${event.lineNumber}) ${event.sample}`);
        });
      });
      const page = await context.newPage();
      page.on('console', (message) => {
        const text = `${message.text()} ${message.location().url}`;
        // Chromium logs every violation as a console error too; no expected-error pattern excuses one.
        if (CSP_CONSOLE_MESSAGE.test(message.text())) {
          violation(`console: ${text}`);
          return;
        }
        if (message.type() !== 'error') return;
        if (!expected.some((pattern) => pattern.test(text))) consoleErrors.push(text);
      });
      page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
      return page;
    },
    async signIn(page, username) {
      await page.goto(casemap.url);
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    },
    async shot(page, name) {
      await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
    },
    async refreshUntilVisible(page, target) {
      for (let attempt = 0; attempt < 40; attempt++) {
        if (await target.isVisible()) return;
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.waitForTimeout(250);
      }
      await target.waitFor({ timeout: 1000 });
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await casemap.stop();
      // A violation after the last test (e.g. while closing) still fails the file.
      reportCspViolations();
    },
  };
}
