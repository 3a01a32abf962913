// The browser app end to end, in Debian's Chromium against a real Casemap (Temporal, database, API
// and the built app on one port): a designer fixes and deploys a diagram, two caseworkers of
// different teams move a case through it, and the case page shows where it went. Any console error
// fails the test; screenshots of each view go to test-artifacts/screenshots/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildBrowserApp } from '../../runtime/browser-app.ts';
import { DEMO_PASSWORD } from '../../runtime/demo-identities.ts';
import { startTestCasemap, type TestCasemap } from '../support/test-casemap.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url));
const screenshots = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

describe('the Casemap browser app', () => {
  let casemap: TestCasemap;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  // The one refusal the scenario provokes on purpose (an invalid form) is logged by Chromium as a
  // failed resource; it is expected, every other console error is not.
  const expectedFailures = [/\/api\/tasks\/[^ ]+\/complete.*422|422.*\/complete/];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    const staticDir = await buildBrowserApp(repoRoot, () => {});
    casemap = await startTestCasemap({ staticDir });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await casemap?.stop();
  });

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = `${message.text()} ${message.location().url}`;
      if (!expectedFailures.some((pattern) => pattern.test(text))) consoleErrors.push(text);
    });
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    return page;
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(casemap.url);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });

  /** Clicks Refresh until `target` shows: projections are written by the workflow, a moment later. */
  async function refreshUntilVisible(page: Page, target: Locator): Promise<void> {
    for (let attempt = 0; attempt < 40; attempt++) {
      if (await target.isVisible()) return;
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.waitForTimeout(250);
    }
    await target.waitFor({ timeout: 1000 });
  }

  it('takes a diagram from import to deploy, and a case from start to end through two teams', async () => {
    // given a designer signed in
    const designer = await openPage();
    await designer.goto(casemap.url);
    await designer.getByRole('heading', { name: 'Sign in to Casemap' }).waitFor();
    await shot(designer, '01-sign-in');
    await signIn(designer, 'designer');
    await expect(designer.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).resolves.toEqual(['Cases', 'Designer']);

    // when they import the two-lane referral into a new diagram
    await designer.getByRole('link', { name: 'Designer' }).click();
    await designer.getByText('No process is deployed yet').waitFor();
    await shot(designer, '02-designer-process-list');
    await designer.getByRole('link', { name: 'New diagram' }).click();
    await designer.locator('#import-bpmn').setInputFiles(fixture);
    const referTask = designer.locator('.djs-element[data-element-id="Task_refer"]');
    await referTask.waitFor();
    await designer.getByText('No problems: this diagram can be deployed.').waitFor();

    // and break the referral's SLA in the properties panel
    await referTask.click({ position: { x: 15, y: 12 } });
    const sla = designer.getByLabel('SLA', { exact: true });
    await expect(sla.inputValue()).resolves.toBe('P5D');
    await sla.fill('P5 days');
    await sla.press('Tab');

    // then the live check reports it on the canvas and in the problems list, and deploy is blocked
    const problem = designer.getByTestId('problems-list').getByRole('button', { name: /SLA of step "Refer case to FNO Returns"/ });
    await problem.waitFor();
    await designer.locator('.lint-badge.lint-error[data-element-id="Task_refer"]').waitFor();
    await expect(designer.getByRole('button', { name: 'Deploy' }).isDisabled()).resolves.toBe(true);
    await shot(designer, '03-designer-lint-error');

    // when they pick the problem, it selects the step; undo and redo work from the keyboard
    await designer.locator('.djs-element[data-element-id="End_decided"]').click({ force: true });
    await expect(designer.getByLabel('SLA', { exact: true }).count()).resolves.toBe(0);
    await problem.click();
    await expect(designer.getByLabel('SLA', { exact: true }).inputValue()).resolves.toBe('P5 days');
    await designer.locator('.djs-container svg').first().focus();
    await designer.keyboard.press('Control+z');
    await designer.getByText('No problems: this diagram can be deployed.').waitFor();
    await designer.keyboard.press('Control+y');
    await problem.waitFor();

    // and fix the SLA and deploy with a note
    const fixedSla = designer.getByLabel('SLA', { exact: true });
    await fixedSla.fill('P7D');
    await fixedSla.press('Tab');
    await designer.getByText('No problems: this diagram can be deployed.').waitFor();
    await expect(designer.getByLabel('Process id').inputValue()).resolves.toBe('two-lane-referral');
    await designer.getByLabel('Version note').fill('Referral SLA is seven working days');
    await designer.getByRole('button', { name: 'Deploy' }).click();
    await designer.getByText('Deployed two-lane-referral version 1').waitFor();
    await shot(designer, '04-designer-deployed');

    // then the deployed diagram carries the edited SLA
    const { token } = await casemap.as('designer');
    const deployed = await fetch(`${casemap.url}/api/definitions/two-lane-referral/versions/1/bpmn`, { headers: { authorization: `Bearer ${token}` } });
    expect(deployed.status).toBe(200);
    expect(await deployed.text()).toContain('casework:sla="P7D"');

    // given a case started for the prison team
    const priyaApi = await casemap.as('priya');
    const started = await priyaApi.post('/api/cases', { definitionId: 'two-lane-referral', data: {} }).expect(201);
    const caseId: string = started.body.caseId;

    // when priya claims the referral from her team queue and submits the form
    const priya = await openPage();
    await signIn(priya, 'priya');
    await priya.getByRole('tab', { name: 'Team queue' }).click();
    const referCard = priya.getByRole('listitem', { name: 'Refer case to FNO Returns' });
    await refreshUntilVisible(priya, referCard);
    await referCard.getByText(/working days? left|Due today/).waitFor();
    await shot(priya, '05-tasks-team-queue');
    await referCard.getByRole('button', { name: 'Claim' }).click();
    await referCard.getByText('claimed by you').waitFor();
    await referCard.getByLabel(/Prison number/).fill('A1234BC');
    await referCard.getByLabel(/Sentence \(months\)/).fill('eighteen');
    await referCard.getByRole('button', { name: 'Complete task' }).click();

    // then the server's message shows beside the field at fault
    await referCard.locator('.field-error', { hasText: /Sentence \(months\) must be a number/ }).waitFor();
    await shot(priya, '06-task-form-validation');

    // and once corrected, the app says where the case went
    await referCard.getByLabel(/Sentence \(months\)/).fill('18');
    await referCard.getByRole('button', { name: 'Complete task' }).click();
    const next = priya.getByRole('status', { name: 'What happens next' });
    await next.getByText(/Make deportation decision.*is now with team.*fno-returns/).waitFor();
    await shot(priya, '07-task-next-steps');

    // when tom of FNO Returns sees the handoff in his team queue, accepts, claims and decides
    const tom = await openPage();
    await signIn(tom, 'tom');
    await tom.getByRole('tab', { name: 'Team queue' }).click();
    const decideCard = tom.getByRole('listitem', { name: 'Make deportation decision' });
    await refreshUntilVisible(tom, decideCard);
    await decideCard.getByText(/Handed over from.*prison-casework.*accept by/).waitFor();
    await shot(tom, '08-tasks-handoff');
    await decideCard.getByRole('button', { name: 'Accept handoff' }).click();
    await decideCard.getByText('— accepted').waitFor();
    await decideCard.getByRole('button', { name: 'Claim' }).click();
    await decideCard.getByLabel(/Decision/).selectOption('deport');
    await decideCard.getByRole('button', { name: 'Complete task' }).click();

    // then the case is complete
    const tomNext = tom.getByRole('status', { name: 'What happens next' });
    await tomNext.getByText('The case is complete.').waitFor();
    await shot(tom, '09-task-case-complete');

    // and its page shows the diagram with progress, the ownership chain and the timeline
    await tomNext.getByRole('link', { name: 'Open the case' }).click();
    await tom.getByRole('heading', { name: `Case ${caseId}` }).waitFor();
    await tom.locator('.djs-element.case-done[data-element-id="Task_decide"]').waitFor();
    await tom.locator('.djs-element.case-done[data-element-id="Task_refer"]').waitFor();
    await tom.getByTestId('timeline').getByText('Case completed').waitFor();
    await expect(tom.getByTestId('ownership').textContent()).resolves.toMatch(/prison-casework[\s\S]*fno-returns/);
    await shot(tom, '10-case-page');

    // and the cases list finds it
    await tom.getByRole('link', { name: 'Cases', exact: true }).click();
    await tom.getByRole('link', { name: caseId }).waitFor();
    await shot(tom, '11-cases-list');

    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
