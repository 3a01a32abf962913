// The browser app end to end, in Debian's Chromium against a real Casemap (Temporal, database, API
// and the built app on one port): a designer fixes and deploys a diagram, two caseworkers of
// different teams move a case through it, and the case page shows where it went. Any console error
// fails the test; screenshots of each view go to test-artifacts/screenshots/.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../demo/demo-identities.ts';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { seriousAccessibilityViolations } from './accessibility.ts';

const fixture = fileURLToPath(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url));

describe('the Casemap browser app', () => {
  let harness: BrowserHarness;
  // The one refusal the scenario provokes on purpose (an invalid form) is logged by Chromium as a
  // failed resource; it is expected, every other console error is not.
  const expectedConsoleErrors = [/\/api\/tasks\/[^ ]+\/complete.*422|422.*\/complete/];

  beforeAll(async () => {
    harness = await startBrowserHarness({ expectedConsoleErrors });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** Screenshots the view and runs the axe-core check on it. */
  async function view(page: Page, name: string): Promise<void> {
    await harness.shot(page, name);
    expect.soft(await seriousAccessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
  }

  it('takes a diagram from import to deploy, and a case from start to end through two teams', async () => {
    // given a designer signed in
    const { casemap, openPage, signIn, refreshUntilVisible, consoleErrors } = harness;
    const designer = await openPage();
    await designer.goto(casemap.url);
    await designer.getByRole('heading', { name: 'Sign in to Casemap' }).waitFor();
    await view(designer, '01-sign-in');
    await signIn(designer, 'designer');
    await expect(designer.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).resolves.toEqual(['Cases', 'Designer', 'Duplication']);

    // when they import the two-lane referral into a new diagram
    await designer.getByRole('link', { name: 'Designer' }).click();
    await designer.getByText('No process is deployed yet').waitFor();
    await view(designer, '02-designer-process-list');
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
    await view(designer, '03-designer-lint-error');

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
    await view(designer, '04-designer-deployed');

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
    await view(priya, '05-tasks-team-queue');
    await referCard.getByRole('button', { name: 'Claim' }).click();
    await referCard.getByText('claimed by you').waitFor();
    await referCard.getByLabel(/Prison number/).fill('A1234BC');
    await referCard.getByLabel(/Sentence \(months\)/).fill('eighteen');
    await referCard.getByRole('button', { name: 'Complete task' }).click();

    // then the server's message shows beside the field at fault
    await referCard.locator('.field-error', { hasText: /Sentence \(months\) must be a number/ }).waitFor();
    await view(priya, '06-task-form-validation');

    // and once corrected, the app says where the case went
    await referCard.getByLabel(/Sentence \(months\)/).fill('18');
    await referCard.getByRole('button', { name: 'Complete task' }).click();
    const next = priya.getByRole('status', { name: 'What happens next' });
    await next.getByText(/Make deportation decision.*is now with team.*fno-returns/).waitFor();
    await view(priya, '07-task-next-steps');

    // when tom of FNO Returns sees the handoff in his team queue, accepts, claims and decides
    const tom = await openPage();
    await signIn(tom, 'tom');
    await tom.getByRole('tab', { name: 'Team queue' }).click();
    const decideCard = tom.getByRole('listitem', { name: 'Make deportation decision' });
    await refreshUntilVisible(tom, decideCard);
    await decideCard.getByText(/Handed over from.*prison-casework.*accept by/).waitFor();
    await view(tom, '08-tasks-handoff');
    await decideCard.getByRole('button', { name: 'Accept handoff' }).click();
    await decideCard.getByText('— accepted').waitFor();
    await decideCard.getByRole('button', { name: 'Claim' }).click();
    await decideCard.getByLabel(/Decision/).selectOption('deport');
    await decideCard.getByRole('button', { name: 'Complete task' }).click();

    // then the case is complete
    const tomNext = tom.getByRole('status', { name: 'What happens next' });
    await tomNext.getByText('The case is complete.').waitFor();
    await view(tom, '09-task-case-complete');

    // and its page shows the diagram with progress, the ownership chain and the timeline
    await tomNext.getByRole('link', { name: 'Open the case' }).click();
    await tom.getByRole('heading', { name: `Case ${caseId}` }).waitFor();
    await tom.locator('.djs-element.case-done[data-element-id="Task_decide"]').waitFor();
    await tom.locator('.djs-element.case-done[data-element-id="Task_refer"]').waitFor();
    await tom.getByTestId('timeline').getByText('Case completed').waitFor();
    await expect(tom.getByTestId('ownership').textContent()).resolves.toMatch(/prison-casework[\s\S]*fno-returns/);
    await view(tom, '10-case-page');

    // and the cases list finds it
    await tom.getByRole('link', { name: 'Cases', exact: true }).click();
    await tom.getByRole('link', { name: caseId }).waitFor();
    await view(tom, '11-cases-list');

    // and when tom signs out and the designer signs in in the same tab (no reload), the app is the designer's
    await tom.getByRole('button', { name: 'Sign out' }).click();
    await tom.getByText('You have signed out.').waitFor();
    await tom.getByLabel('Username').fill('designer');
    await tom.getByLabel('Password').fill(DEMO_PASSWORD);
    await tom.getByRole('button', { name: 'Sign in' }).click();
    await tom.getByRole('link', { name: 'Designer', exact: true }).waitFor();
    await expect(tom.getByRole('link', { name: 'Tasks', exact: true }).count()).resolves.toBe(0);

    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
