// DMN decisions in the browser, in Debian's Chromium against a real Casemap: a designer opens a
// decision table beside the diagram, edits a cell with dmn-js and deploys both; a case started on
// that version shows on its timeline which rule matched and the edited output. A designer also sets
// the decision a business rule task calls in the properties panel, picked from the open DMN file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkView, designerWithDiagram, useBrowserHarness } from './designer-session.ts';

const bpmnFixture = fileURLToPath(new URL('../fixtures/ers-decision.bpmn', import.meta.url));
const dmnFixture = fileURLToPath(new URL('../fixtures/ers-eligibility.dmn', import.meta.url));

describe('decision tables in the Designer', () => {
  const browser = useBrowserHarness();
  const view = (page: Page, name: string) => checkView(browser.harness, page, name);

  it('edits a cell of a decision table, deploys it with the diagram and shows its result on a case', async () => {
    // given a designer with the ERS diagram and its decision table open side by side
    const { harness } = browser;
    const { casemap, openPage, signIn, consoleErrors } = harness;
    const designer = await designerWithDiagram(harness, bpmnFixture, 'Decide_ers');
    await designer.locator('#import-dmn').setInputFiles(dmnFixture);
    const cell = designer.locator('td[data-element-id="rule-eligible-output"]');
    await cell.waitFor();
    await expect(cell.textContent()).resolves.toContain('"eligible"');

    // when they rewrite the output of the first rule and deploy
    await cell.locator('.content-editable').click();
    await designer.keyboard.press('Control+a');
    await designer.keyboard.type('"eligible for early removal"');
    await designer.locator('td[data-element-id="rule-short-output"]').click();
    await expect(cell.textContent()).resolves.toContain('"eligible for early removal"');
    await view(designer, '60-designer-decision-table');
    await designer.getByLabel('Process id').fill('ers-browser');
    await designer.getByRole('button', { name: 'Deploy', exact: true }).click();
    await designer.getByRole('status').filter({ hasText: 'Deployed ers-browser version 1' }).waitFor();

    // then the deployed version carries the edited table
    const version = await (await casemap.as('designer')).get('/api/definitions/ers-browser/versions/1').expect(200);
    expect(version.body.ir.decisions[0].xml).toContain('eligible for early removal');

    // when a caseworker starts a case that the first rule covers
    const tom = await casemap.as('tom');
    const started = await tom.post('/api/cases', { definitionId: 'ers-browser', data: { sentenceMonths: 30, deportationOrder: true } }).expect(201);

    // then the case page shows the decision, the rule that matched and the edited output
    const page = await openPage();
    await signIn(page, 'tom');
    await page.goto(`${casemap.url}/#/cases/${encodeURIComponent(started.body.caseId)}`);
    const evaluation = page.getByTestId('decision-evaluation');
    await harness.refreshUntilVisible(page, evaluation);
    await expect(evaluation.textContent()).resolves.toMatch(/ERS eligibility.*rule 1 matched.*"eligible for early removal".*stored as ersEligible/);
    await view(page, '61-case-decision-evaluated');

    // and reopening the deployed version shows the edited table again
    await designer.goto(`${casemap.url}/#/designer/ers-browser/1`);
    await expect(designer.locator('td[data-element-id="rule-eligible-output"]').textContent()).resolves.toContain('"eligible for early removal"');
    expect(consoleErrors).toEqual([]);
  }, 180_000);

  it('sets the decision a business rule task calls in the properties panel, picked from the DMN beside the diagram, and Undo takes it back', async () => {
    // given a designer with a business rule task that calls no decision yet, and the ERS decisions open beside it
    const { harness } = browser;
    const { consoleErrors } = harness;
    const undecided = join(mkdtempSync(join(tmpdir(), 'casemap-decision-')), 'ers-undecided.bpmn');
    writeFileSync(undecided, readFileSync(bpmnFixture, 'utf8').replace(/<bpmn:extensionElements><zeebe:calledDecision [^>]*\/><\/bpmn:extensionElements>/, ''));
    const designer = await designerWithDiagram(harness, undecided, 'Decide_ers');
    const task = designer.locator('.djs-element[data-element-id="Decide_ers"]');
    const notExecutable = designer.getByText(/is a business rule task that calls no decision/);
    await notExecutable.first().waitFor();
    await designer.locator('#import-dmn').setInputFiles(dmnFixture);
    await designer.locator('td[data-element-id="rule-eligible-output"]').waitFor();

    // when they select the task, pick the decision from the list and name the result variable
    await task.click({ position: { x: 15, y: 12 } });
    const decision = designer.getByLabel('Decision', { exact: true });
    await expect(decision.locator('option').allTextContents()).resolves.toEqual(['Choose a decision', 'ERS eligibility (ers-eligibility)']);
    await decision.selectOption('ers-eligibility');
    const resultVariable = designer.getByLabel('Result variable');
    await resultVariable.fill('ersEligible');
    await resultVariable.press('Tab');
    await view(designer, '62-designer-called-decision');

    // then the diagram's XML carries the called decision, and the task is executable again
    const [download] = await Promise.all([designer.waitForEvent('download'), designer.getByRole('button', { name: 'Export BPMN' }).click()]);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toMatch(/<bpmn:businessRuleTask id="Decide_ers"[^>]*>\s*<bpmn:extensionElements>\s*<zeebe:calledDecision decisionId="ers-eligibility" resultVariable="ersEligible" \/>/);
    await notExecutable.first().waitFor({ state: 'detached' });

    // and Undo takes the result variable back, leaving the decision chosen
    await designer.getByRole('button', { name: 'Undo' }).click();
    await expect(resultVariable.inputValue()).resolves.toBe('');
    await expect(decision.inputValue()).resolves.toBe('ers-eligibility');
    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
