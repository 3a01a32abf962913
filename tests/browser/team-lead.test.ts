// A team lead's day in the browser, in Debian's Chromium against a real Casemap: overdue work is
// marked in the Overdue view, a claimed task goes back to the queue, an unclaimed one is reassigned
// to a caseworker, and the case page links to the case's workflow in the Temporal Web UI. Each view
// passes the axe-core check; any console error fails the test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, type UserClient } from '../support/test-casemap.ts';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';
import { seriousAccessibilityViolations } from './accessibility.ts';

const referralXml = readFileSync(fileURLToPath(new URL('../fixtures/two-lane-referral.bpmn', import.meta.url)), 'utf8');
// The decision's SLA cut to one second of calendar time, so it is overdue as soon as it opens.
const overdueXml = referralXml.replace('name="Make deportation decision" casework:sla="P10D"', 'name="Make deportation decision" casework:sla="PT1S" casework:calendar="calendar-days"');
// Not a running Web UI: the test checks the link the case page builds from what the API advertises.
const TEMPORAL_UI = 'http://127.0.0.1:8233';

interface TaskItem {
  id: string;
  caseId: string;
  name: string;
  assignee?: string | null;
}

describe('a team lead in the browser app', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startBrowserHarness({ temporalUiUrl: TEMPORAL_UI });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function view(page: Page, name: string): Promise<void> {
    await harness.shot(page, name);
    expect.soft(await seriousAccessibilityViolations(page), `accessibility of ${name}`).toEqual([]);
  }

  /** Starts a case as the prison caseworker and refers it, so its decision lands with FNO Returns. */
  async function referredCase(priya: UserClient): Promise<string> {
    const started = await priya.post('/api/cases', { definitionId: 'overdue-referral', data: {} }).expect(201);
    const caseId: string = started.body.caseId;
    const queue = await eventually(
      () => priya.get('/api/tasks?view=team'),
      (response) => response.body.items.some((task: TaskItem) => task.caseId === caseId),
    );
    const refer = queue.body.items.find((task: TaskItem) => task.caseId === caseId) as TaskItem;
    await priya.post(`/api/tasks/${encodeURIComponent(refer.id)}/claim`).expect(200);
    await priya.post(`/api/tasks/${encodeURIComponent(refer.id)}/complete`, { data: { prisonNumber: 'A1234BC', sentenceMonths: 18 } }).expect(200);
    return caseId;
  }

  it('sees overdue work, returns a claimed task to the queue, reassigns another, and finds the workflow', async () => {
    // given two referred cases whose decisions are already overdue, one claimed by tom
    const { casemap, openPage, signIn, refreshUntilVisible, consoleErrors } = harness;
    const designer = await casemap.as('designer');
    await designer.post('/api/definitions/deploy', { id: 'overdue-referral', xml: overdueXml, note: 'one-second decision SLA' }).expect(201);
    const [priya, tom] = await Promise.all([casemap.as('priya'), casemap.as('tom')]);
    const claimedCase = await referredCase(priya);
    const unclaimedCase = await referredCase(priya);
    const decisionOf = async (caseId: string) =>
      (
        await eventually(
          () => tom.get('/api/tasks?view=team'),
          (response) => response.body.items.some((task: TaskItem) => task.caseId === caseId),
        )
      ).body.items.find((task: TaskItem) => task.caseId === caseId) as TaskItem;
    await tom.post(`/api/tasks/${encodeURIComponent((await decisionOf(claimedCase)).id)}/claim`).expect(200);
    await decisionOf(unclaimedCase);

    // when lena, lead of FNO Returns, opens the Overdue view
    const lena = await openPage();
    await signIn(lena, 'lena');
    await lena.getByRole('tab', { name: 'Overdue' }).click();
    const claimedCard = lena.getByRole('listitem', { name: 'Make deportation decision' }).filter({ hasText: `Case ${claimedCase}` });
    const unclaimedCard = lena.getByRole('listitem', { name: 'Make deportation decision' }).filter({ hasText: `Case ${unclaimedCase}` });
    // (each decision is overdue one second after it opened, so the view is refreshed until both are)
    await refreshUntilVisible(lena, claimedCard);
    await refreshUntilVisible(lena, unclaimedCard);

    // then both decisions carry the overdue mark
    await claimedCard.locator('.overdue-mark', { hasText: 'OVERDUE' }).waitFor();
    await unclaimedCard.locator('.overdue-mark', { hasText: 'OVERDUE' }).waitFor();
    await claimedCard.getByText('claimed by tom').waitFor();
    await view(lena, '20-team-lead-overdue');

    // and the missed SLAs were escalated to her: both decisions are in her Escalated view
    await lena.getByRole('tab', { name: 'Escalated to me' }).click();
    await refreshUntilVisible(lena, claimedCard);
    await refreshUntilVisible(lena, unclaimedCard);
    await view(lena, '20b-team-lead-escalated');
    await lena.getByRole('tab', { name: 'Overdue' }).click();
    await claimedCard.waitFor();

    // when she returns tom's task to the queue
    await claimedCard.getByRole('button', { name: 'Return to queue' }).click();

    // then it is unclaimed, in the view and on the server
    await claimedCard.getByText('not claimed').waitFor();
    const returned = await tom.get(`/api/tasks/${encodeURIComponent((await decisionOf(claimedCase)).id)}`).expect(200);
    expect(returned.body.assignee ?? null).toBeNull();

    // when she reassigns the other decision to tom
    await unclaimedCard.getByRole('button', { name: 'Reassign…' }).click();
    await unclaimedCard.getByLabel('To person (username)').fill('tom');
    await view(lena, '21-team-lead-reassign');
    await unclaimedCard.getByRole('button', { name: 'Reassign', exact: true }).click();

    // then it is tom's, and shows in his own tasks
    await unclaimedCard.getByText('claimed by tom').waitFor();
    const mine = await eventually(
      () => tom.get('/api/tasks?view=mine'),
      (response) => response.body.items.some((task: TaskItem) => task.caseId === unclaimedCase),
    );
    expect(mine.body.items.find((task: TaskItem) => task.caseId === unclaimedCase)).toMatchObject({ assignee: 'tom' });

    // and the case page links to the case's workflow in the Temporal Web UI
    await unclaimedCard.getByRole('link', { name: `Case ${unclaimedCase}` }).click();
    await lena.getByRole('heading', { name: `Case ${unclaimedCase}` }).waitFor();
    const workflowLink = lena.getByRole('link', { name: 'Workflow in Temporal Web UI' });
    await expect(workflowLink.getAttribute('href')).resolves.toBe(`${TEMPORAL_UI}/namespaces/default/workflows/case-${unclaimedCase}`);
    await lena.locator('.djs-element.case-active[data-element-id="Task_decide"]').waitFor();
    await lena.getByTestId('case-open-work').locator('.overdue').first().waitFor();
    await view(lena, '22-team-lead-case-page');

    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
