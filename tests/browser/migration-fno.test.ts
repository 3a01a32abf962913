// Migrating running FNO returns cases in the browser (issue #21, the worked example of
// docs/migration.md): four cases of the sample wait at different prison steps; version 2, derived
// from the sample file as a designer would change it, renames the identity check and inserts
// "Check immigration record" after the referral risk assessment. The designer opens the migration
// from the version comparison, maps the renamed step, previews (three cases can move; the case
// already past the new step lacks its required field and is refused), migrates, and the API shows
// the three on version 2 with their tasks kept, the refused one untouched on version 1, and the
// new step opening when a migrated case reaches it. Each view passes axe; any console error fails.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readSample } from '../../runtime/sample-library.ts';
import { eventually } from '../support/test-casemap.ts';
import { checkView, useBrowserHarness } from './designer-session.ts';
import type { CaseDetail } from '../../domain/contract/case-record.ts';

const FNO = 'fno-returns-casework';
const LIBRARY = fileURLToPath(new URL('../../processes', import.meta.url));
const RENAMED = { from: 'Task_prison_identity', to: 'Task_identity_check', name: 'Check identity documents and nationality' };
const INSERTED = { id: 'Task_immigration_record', name: 'Check immigration record', field: 'homeOfficeReference', after: 'Task_referral_risk' };

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const REFERRAL = { prisonNumber: 'A1234BC', surname: 'Doe', givenNames: 'Sam', dateOfBirth: '1990-01-01', nationality: 'Exampleland', sentenceLengthMonths: 30, conditionalReleaseDate: dateIn(600), ersEligibilityDate: dateIn(400) };
const IDENTITY = { nationality: 'Exampleland', identityEvidence: 'valid-passport', nationalityConfirmed: true };
const RISK = { violenceRisk: 'low', selfHarmRisk: false, disruptionHistory: false };

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boundsOf(xml: string, elementId: string): Bounds {
  const match = new RegExp(`bpmnElement="${elementId}"[^>]*>\\s*<dc:Bounds x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`).exec(xml);
  if (!match) throw new Error(`The sample has no diagram shape for ${elementId}`);
  const [x, y, width, height] = match.slice(1).map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

/**
 * Version 2 as a designer would make it from whatever the sample holds now: the identity check gets
 * a new id and name, and a step with a required field goes after the referral risk assessment (on
 * the flow leaving it, placed to its right on the diagram).
 */
function versionTwo(sample: string): string {
  const renamedTag = `id="${RENAMED.to}" name="${RENAMED.name}"`;
  let xml = sample.replaceAll(RENAMED.from, RENAMED.to).replace(`id="${RENAMED.to}" name="Check nationality and identity evidence"`, renamedTag);
  if (!xml.includes(renamedTag)) throw new Error(`The sample's ${RENAMED.from} is no longer named "Check nationality and identity evidence"`);
  const leaving = [...xml.matchAll(new RegExp(`<bpmn:sequenceFlow id="([^"]+)" sourceRef="${INSERTED.after}" targetRef="([^"]+)"`, 'g'))];
  if (leaving.length !== 1) throw new Error(`Expected one flow leaving ${INSERTED.after}, found ${leaving.length}`);
  const [flowTag, flowId, nextId] = leaving[0]! as unknown as [string, string, string];
  const newFlow = 'Flow_immigration_record';
  const after = boundsOf(xml, INSERTED.after);
  const next = boundsOf(xml, nextId);
  const box = { x: after.x + after.width + 50, y: after.y, width: 100, height: 80 };
  const midY = (box.y + box.height + next.y) / 2;
  const task = `<bpmn:userTask id="${INSERTED.id}" name="${INSERTED.name}" casework:role="prison-caseworker" casework:sla="P5D" casework:calendar="working-days" casework:captures="${INSERTED.field}">
      <bpmn:extensionElements><casework:form><casework:field name="${INSERTED.field}" label="Home Office reference" type="string" required="true" /></casework:form></bpmn:extensionElements>
      <bpmn:incoming>${flowId}</bpmn:incoming>
      <bpmn:outgoing>${newFlow}</bpmn:outgoing>
    </bpmn:userTask>
    `;
  xml = xml
    .replace(flowTag, `<bpmn:sequenceFlow id="${flowId}" sourceRef="${INSERTED.after}" targetRef="${INSERTED.id}"`)
    .replace(`<bpmn:sequenceFlow id="${flowId}"`, `<bpmn:sequenceFlow id="${newFlow}" sourceRef="${INSERTED.id}" targetRef="${nextId}" />\n    <bpmn:sequenceFlow id="${flowId}"`)
    .replace(`<bpmn:incoming>${flowId}</bpmn:incoming>`, `<bpmn:incoming>${newFlow}</bpmn:incoming>`)
    .replace(`<bpmn:userTask id="${INSERTED.after}"`, `${task}<bpmn:userTask id="${INSERTED.after}"`)
    .replace(`<bpmn:flowNodeRef>${INSERTED.after}</bpmn:flowNodeRef>`, `<bpmn:flowNodeRef>${INSERTED.after}</bpmn:flowNodeRef><bpmn:flowNodeRef>${INSERTED.id}</bpmn:flowNodeRef>`)
    .replace(
      new RegExp(`(<bpmndi:BPMNEdge id="[^"]+" bpmnElement="${flowId}">)[\\s\\S]*?(</bpmndi:BPMNEdge>)`),
      `$1<di:waypoint x="${after.x + after.width}" y="${after.y + after.height / 2}" /><di:waypoint x="${box.x}" y="${box.y + box.height / 2}" />$2`,
    )
    .replace(
      '</bpmndi:BPMNPlane>',
      `<bpmndi:BPMNShape id="${INSERTED.id}_di" bpmnElement="${INSERTED.id}"><dc:Bounds x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="${newFlow}_di" bpmnElement="${newFlow}"><di:waypoint x="${box.x + 50}" y="${box.y + box.height}" /><di:waypoint x="${box.x + 50}" y="${midY}" /><di:waypoint x="${next.x + next.width / 2}" y="${midY}" /><di:waypoint x="${next.x + next.width / 2}" y="${next.y}" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>`,
    );
  return xml;
}

interface Opened {
  taskId: string;
  nodeId: string;
}

describe('migrating running FNO returns cases in the browser', () => {
  const browser = useBrowserHarness();
  const view = (page: Page, name: string) => checkView(browser.harness, page, name);

  it('moves the FNO cases waiting before the inserted step onto version 2 and leaves the one past it on version 1', async () => {
    // given the sample library deployed (the called removals process first) and the steps this test changes
    const { casemap, openPage, signIn, consoleErrors } = browser.harness;
    const designerApi = await casemap.as('designer');
    await designerApi.post('/api/definitions/deploy', { id: 'removals-logistics', ...(await readSample(LIBRARY, 'removals-logistics')), note: 'Sample library' }).expect(201);
    const { xml: sample, dmn } = await readSample(LIBRARY, FNO);
    await designerApi.post('/api/definitions/deploy', { id: FNO, xml: sample, dmn, note: 'Sample library' }).expect(201);
    for (const id of ['Task_refer', RENAMED.from, INSERTED.after, 'Task_create_case']) expect(sample, `the sample has ${id}`).toContain(`id="${id}"`);
    const [priya, analyst] = await Promise.all([casemap.as('priya'), casemap.as('analyst')]);
    const detail = (caseId: string) => analyst.get(`/api/cases/${encodeURIComponent(caseId)}`).expect(200).then((response) => response.body as CaseDetail);

    /** Claims and completes the open task at `nodeId` as priya; answers the tasks that open next. */
    async function work(caseId: string, opened: Opened[], nodeId: string, data: Record<string, unknown>): Promise<Opened[]> {
      const task = opened.find((candidate) => candidate.nodeId === nodeId);
      expect(task, `${nodeId} is open on ${caseId}`).toBeDefined();
      const path = `/api/tasks/${encodeURIComponent(`${caseId}:${task!.taskId}`)}`;
      await priya.post(`${path}/claim`).expect(200);
      return (await priya.post(`${path}/complete`, { data }).expect(200)).body.next.opened as Opened[];
    }
    /** A case started by the prison, with the first `steps` of its referral done; answers it and its open tasks. */
    async function caseAfter(steps: { nodeId: string; data: Record<string, unknown> }[]) {
      const started = await priya.post('/api/cases', { definitionId: FNO, data: {} }).expect(201);
      const caseId = started.body.caseId as string;
      let opened = started.body.next.opened as Opened[];
      for (const step of steps) opened = await work(caseId, opened, step.nodeId, step.data);
      return { caseId, opened };
    }

    // and four running cases: at the referral, at the identity check (claimed by priya), at the risk
    // assessment, and one handed on to FNO Returns to create the case
    const atReferral = await caseAfter([]);
    const atIdentity = await caseAfter([{ nodeId: 'Task_refer', data: REFERRAL }]);
    const identityTask = atIdentity.opened.find((task) => task.nodeId === RENAMED.from)!;
    await priya.post(`/api/tasks/${encodeURIComponent(`${atIdentity.caseId}:${identityTask.taskId}`)}/claim`).expect(200);
    const atRisk = await caseAfter([
      { nodeId: 'Task_refer', data: REFERRAL },
      { nodeId: RENAMED.from, data: IDENTITY },
    ]);
    const atCreate = await caseAfter([
      { nodeId: 'Task_refer', data: REFERRAL },
      { nodeId: RENAMED.from, data: IDENTITY },
      { nodeId: INSERTED.after, data: RISK },
    ]);
    const waiting = [
      { ...atReferral, nodeId: 'Task_refer' },
      { ...atIdentity, nodeId: RENAMED.from },
      { ...atRisk, nodeId: INSERTED.after },
      { ...atCreate, nodeId: 'Task_create_case' },
    ];
    const before = await Promise.all(waiting.map(({ caseId, nodeId }) => eventually(() => detail(caseId), (body) => body.live?.tasks.some((task) => task.nodeId === nodeId) === true && body.tasks.some((task) => task.nodeId === nodeId))));
    await eventually(() => detail(atIdentity.caseId), (body) => body.live?.tasks[0]?.claimedBy === 'priya');

    // and version 2 deployed from the sample with the identity check renamed and the new step inserted
    const deployed = await designerApi.post('/api/definitions/deploy', { id: FNO, xml: versionTwo(sample), dmn, note: 'Immigration record checked at referral' });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);

    // when the designer compares the two versions and follows the link to migrate running cases
    const designer = await openPage();
    await signIn(designer, 'designer');
    await designer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designer' }).click();
    await designer.locator('.definition', { hasText: FNO }).getByRole('button', { name: 'Versions' }).click();
    await designer.getByRole('button', { name: 'Show changes' }).click();
    await designer.getByTestId('change-list').getByText(`“${INSERTED.name}”`).waitFor();
    await designer.getByRole('link', { name: 'Migrate running cases from version 1 to version 2' }).click();

    // then the proposal keeps the unchanged steps by id and finds no match for the renamed one
    await designer.getByRole('heading', { name: `Migrate running cases of ${FNO}` }).waitFor();
    await designer.getByText('4 cases are running on version 1.').waitFor();
    const mapping = designer.getByTestId('migration-mapping');
    const rowOf = (name: string) => mapping.getByRole('row').filter({ has: designer.getByRole('button', { name: new RegExp(`^“${name}”`) }) });
    const targetOf = (name: string) => rowOf(name).getByRole('combobox');
    const referral = 'Refer foreign national offender to FNO Returns Command';
    await expect(targetOf(referral).inputValue()).resolves.toBe('Task_refer');
    await rowOf(referral).getByText('Same id').waitFor();
    const identity = 'Check nationality and identity evidence';
    await expect(targetOf(identity).inputValue()).resolves.toBe('');
    await rowOf(identity).getByText('No match found').waitFor();
    // and the two diagrams mark where cases wait and where they may go, the inserted step among them
    await designer.getByTestId('migration-source-diagram').locator(`.djs-element.migration-source[data-element-id="${RENAMED.from}"]`).waitFor();
    await designer.getByTestId('migration-target-diagram').locator(`.djs-element.migration-target[data-element-id="${INSERTED.id}"]`).waitFor();
    await view(designer, '70-migration-fno-proposal');

    // when they preview the proposal as it stands
    await designer.getByRole('button', { name: 'Preview' }).click();

    // then the case at the renamed step cannot migrate for want of a target, and the case past the
    // inserted step cannot migrate for want of its required field
    const summary = designer.getByTestId('migration-summary');
    const preview = designer.getByTestId('migration-preview');
    const previewRow = (caseId: string) => preview.getByRole('row').filter({ has: designer.getByRole('link', { name: caseId, exact: true }) });
    await summary.getByText('2 of 4 running cases can migrate; 2 cannot.').waitFor();
    await previewRow(atIdentity.caseId).getByText(new RegExp(`The step it waits at has no target in the new version at “${identity}”`)).waitFor();
    await previewRow(atCreate.caseId).getByText(new RegExp(`The case lacks data a task of the new version requires at “${INSERTED.name}” \\(User task\\) \\(field “${INSERTED.field}”\\)`)).waitFor();

    // when they map the identity check to its renamed step and preview again
    await targetOf(identity).selectOption(RENAMED.to);
    await rowOf(identity).getByText('Edited').waitFor();
    await designer.getByRole('button', { name: 'Preview' }).click();

    // then three cases can migrate, each keeping its task (the identity check under its new name), and the fourth is still refused
    await summary.getByText('3 of 4 running cases can migrate; 1 cannot.').waitFor();
    await previewRow(atReferral.caseId).getByText(`Kept: “${referral}” (User task) → “${referral}” (User task)`).waitFor();
    await previewRow(atIdentity.caseId).getByText(`Kept: “${identity}” (User task) → “${RENAMED.name}” (User task)`).waitFor();
    await previewRow(atRisk.caseId).getByText('Can migrate').waitFor();
    await previewRow(atCreate.caseId).getByText('Cannot migrate').waitFor();
    await expect(rowOf(identity).getByRole('cell').first().textContent()).resolves.toBe('1');
    await view(designer, '71-migration-fno-preview');

    // when they migrate the three, confirming in the dialog
    await designer.getByRole('button', { name: 'Migrate 3 cases' }).click();
    await designer.getByRole('dialog', { name: 'Migrate 3 cases from version 1 to version 2?' }).getByRole('button', { name: 'Confirm: migrate 3 cases' }).click();

    // then the run completes with the three migrated, and the refused case is not part of it
    await designer.getByTestId('migration-status').getByText('Completed: 3 of 3 cases done, 3 migrated, 0 refused.').waitFor({ timeout: 60_000 });
    const outcomes = designer.getByTestId('migration-outcomes');
    for (const { caseId } of [atReferral, atIdentity, atRisk]) await outcomes.getByRole('row').filter({ has: designer.getByRole('link', { name: caseId, exact: true }) }).getByText('Migrated').waitFor();
    await expect(outcomes.getByRole('link', { name: atCreate.caseId, exact: true }).count()).resolves.toBe(0);
    await view(designer, '72-migration-fno-completed');

    // and the API shows the three on version 2, each with its own task open where the preview said
    const openTasks = (body: CaseDetail) => body.tasks.filter((task) => task.status === 'open' || task.status === 'claimed');
    const after = await Promise.all([atReferral, atIdentity, atRisk].map(({ caseId }) => eventually(() => detail(caseId), (body) => body.case.version === 2 && openTasks(body).every((task) => task.nodeId !== RENAMED.from))));
    const expected = [
      { nodeId: 'Task_refer', name: referral },
      { nodeId: RENAMED.to, name: RENAMED.name },
      { nodeId: INSERTED.after, name: 'Assess risk at referral' },
    ];
    for (const [index, body] of after.entries()) {
      expect(body.case.status).toBe('running');
      expect(body.live?.tasks).toEqual([expect.objectContaining({ taskId: before[index]!.live!.tasks[0]!.taskId, nodeId: expected[index]!.nodeId })]);
      expect(openTasks(body)).toEqual([expect.objectContaining(expected[index])]);
    }
    expect(after[1]!.live!.tasks[0]!.claimedBy).toBe('priya');
    // and the refused case is as it was: on version 1, its task at Create case unchanged
    const refused = await detail(atCreate.caseId);
    expect(refused.case.version).toBe(1);
    expect(refused.live?.tasks).toEqual(before[3]!.live!.tasks);

    // when priya completes the risk assessment of a migrated case, version 2's inserted step opens next
    const next = await work(atRisk.caseId, after[2]!.live!.tasks, INSERTED.after, RISK);
    expect(next.map((task) => task.nodeId)).toEqual([INSERTED.id]);

    expect(consoleErrors).toEqual([]);
  }, 300_000);
});
