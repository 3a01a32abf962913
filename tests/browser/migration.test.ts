// Migrating running cases in the browser, in Debian's Chromium against a real Casemap (issue #21): a
// designer opens "Migrate running cases" from the comparison of two versions, checks the proposed
// mapping on both diagrams, edits it, previews a mapping that refuses every case and one that
// migrates both, confirms, and follows the run to its end; the API then shows both cases on the new
// version with their task still open. A refused request shows its detail. Each view passes the
// axe-core check; any console error fails.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, type UserClient } from '../support/test-casemap.ts';
import { checkView, useBrowserHarness } from './designer-session.ts';
import type { CaseDetail } from '../../domain/contract/case-record.ts';

const PROCESS = 'assessment-migration';

interface Step {
  id: string;
  name: string;
}

/** One lane of FNO Returns: start → the user tasks in order → end, laid out left to right. */
function assessmentXml(tasks: readonly Step[]): string {
  const nodes = ['Start', ...tasks.map((task) => task.id), 'End'];
  const flows = nodes.slice(1).map((target, index) => ({ id: `Flow_${index}`, source: nodes[index]!, target }));
  const incoming = (id: string) => flows.filter((flow) => flow.target === id).map((flow) => `<bpmn:incoming>${flow.id}</bpmn:incoming>`).join('');
  const outgoing = (id: string) => flows.filter((flow) => flow.source === id).map((flow) => `<bpmn:outgoing>${flow.id}</bpmn:outgoing>`).join('');
  const x = (index: number) => 200 + index * 150;
  const width = x(nodes.length) - 100;
  const box = (id: string, index: number) => (id === 'Start' || id === 'End' ? { x: x(index), y: 142, w: 36, h: 36 } : { x: x(index) - 32, y: 120, w: 100, h: 80 });
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_assessment" targetNamespace="https://casemap.dev/tests">
  <bpmn:collaboration id="Collaboration_assessment"><bpmn:participant id="Participant_assessment" name="Assessment" processRef="Process_assessment" /></bpmn:collaboration>
  <bpmn:process id="Process_assessment" name="Assessment" isExecutable="true">
    <bpmn:laneSet id="LaneSet_assessment">
      <bpmn:lane id="Lane_returns" name="FNO Returns Command" casework:team="fno-returns">${nodes.map((id) => `<bpmn:flowNodeRef>${id}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Start" name="Case created">${outgoing('Start')}</bpmn:startEvent>
    ${tasks.map((task) => `<bpmn:userTask id="${task.id}" name="${task.name}" casework:sla="P10D">${incoming(task.id)}${outgoing(task.id)}</bpmn:userTask>`).join('\n    ')}
    <bpmn:endEvent id="End" name="Assessed">${incoming('End')}</bpmn:endEvent>
    ${flows.map((flow) => `<bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.source}" targetRef="${flow.target}" />`).join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_assessment">
    <bpmndi:BPMNPlane id="Plane_assessment" bpmnElement="Collaboration_assessment">
      <bpmndi:BPMNShape id="Participant_assessment_di" bpmnElement="Participant_assessment" isHorizontal="true"><dc:Bounds x="120" y="60" width="${width}" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_returns_di" bpmnElement="Lane_returns" isHorizontal="true"><dc:Bounds x="150" y="60" width="${width - 30}" height="200" /></bpmndi:BPMNShape>
      ${nodes
        .map((id, index) => {
          const b = box(id, index);
          return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`;
        })
        .join('\n      ')}
      ${flows
        .map((flow, index) => {
          const from = box(flow.source, index);
          const to = box(flow.target, index + 1);
          return `<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}"><di:waypoint x="${from.x + from.w}" y="160" /><di:waypoint x="${to.x}" y="160" /></bpmndi:BPMNEdge>`;
        })
        .join('\n      ')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

// Version 2 gives the assessment a new id (so only its name and kind match) and adds a review after it.
const VERSION_1 = assessmentXml([{ id: 'A', name: 'Assess' }]);
const VERSION_2 = assessmentXml([
  { id: 'Assess_v2', name: 'Assess' },
  { id: 'Review', name: 'Review' },
]);


async function caseDetail(client: UserClient, caseId: string): Promise<CaseDetail> {
  return (await client.get(`/api/cases/${encodeURIComponent(caseId)}`).expect(200)).body as CaseDetail;
}

describe('migrating running cases in the browser', () => {
  // The one refusal provoked on purpose: a plan asked for between a version and one that does not exist.
  const browser = useBrowserHarness({ expectedConsoleErrors: [/status of 400.*\/migration-plan\?from=1&to=9/] });
  const view = (page: Page, name: string) => checkView(browser.harness, page, name);

  it('moves two cases waiting at a renamed task onto the new version, keeping their task open', async () => {
    // given version 1 deployed and two cases waiting at its task A, one of them claimed by tom
    const { casemap, openPage, signIn, consoleErrors } = browser.harness;
    const designerApi = await casemap.as('designer');
    await designerApi.post('/api/definitions/deploy', { id: PROCESS, xml: VERSION_1, note: 'Assessment only' }).expect(201);
    const tom = await casemap.as('tom');
    const caseIds: string[] = [];
    for (let i = 0; i < 2; i++) caseIds.push((await tom.post('/api/cases', { definitionId: PROCESS, data: {} }).expect(201)).body.caseId as string);
    const before = await Promise.all(caseIds.map((caseId) => eventually(() => caseDetail(tom, caseId), (detail) => detail.live?.tasks.some((task) => task.nodeId === 'A') ?? false)));
    const taskIds = before.map((detail) => detail.live!.tasks[0]!.taskId);
    // (the inbox's projection of a task is written a moment after the workflow opens it)
    const queue = await eventually(
      () => tom.get('/api/tasks?view=team'),
      (response) => response.body.items.some((task: { caseId: string }) => task.caseId === caseIds[0]),
    );
    const claimed = (queue.body.items as { id: string; caseId: string }[]).find((task) => task.caseId === caseIds[0])!;
    await tom.post(`/api/tasks/${encodeURIComponent(claimed.id)}/claim`).expect(200);
    await eventually(() => caseDetail(tom, caseIds[0]!), (detail) => detail.live?.tasks[0]?.claimedBy === 'tom');
    // and version 2, where the task has a new id
    await designerApi.post('/api/definitions/deploy', { id: PROCESS, xml: VERSION_2, note: 'Review after the assessment' }).expect(201);

    // when the designer compares the two versions and follows the link to migrate running cases
    const designer = await openPage();
    await signIn(designer, 'designer');
    await designer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Designer' }).click();
    await designer.getByRole('listitem').filter({ hasText: PROCESS }).getByRole('button', { name: 'Versions' }).click();
    await designer.getByRole('button', { name: 'Show changes' }).click();
    await designer.getByRole('link', { name: 'Migrate running cases from version 1 to version 2' }).click();

    // then the proposal maps A to the new Assess by name and kind, with both running cases counted
    await designer.getByRole('heading', { name: `Migrate running cases of ${PROCESS}` }).waitFor();
    await designer.getByText('2 cases are running on version 1.').waitFor();
    const mapping = designer.getByTestId('migration-mapping');
    const row = mapping.getByRole('row').filter({ has: designer.getByRole('button', { name: /Assess/ }) });
    const target = row.getByRole('combobox', { name: /Target in version 2 for .*Assess/ });
    await expect(target.inputValue()).resolves.toBe('Assess_v2');
    await row.getByText('Same name and kind').waitFor();
    // and the two diagrams mark where cases wait and where they may go
    const source = designer.getByTestId('migration-source-diagram');
    const destination = designer.getByTestId('migration-target-diagram');
    await source.locator('.djs-element.migration-source[data-element-id="A"]').waitFor();
    await destination.locator('.djs-element.migration-target[data-element-id="Review"]').waitFor();

    // when they click the assessment on the old diagram
    await source.locator('.djs-element[data-element-id="A"]').click({ position: { x: 15, y: 12 } });

    // then its row is chosen, and it is outlined on the old diagram and its target on the new one
    await expect(row.getByRole('button', { name: /Assess/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    await source.locator('.djs-element.diagram-selected[data-element-id="A"]').waitFor();
    await destination.locator('.djs-element.diagram-selected[data-element-id="Assess_v2"]').waitFor();
    await view(designer, '60-migration-proposal');

    // when they map A to the review instead (by keyboard), the row is marked edited and the outline follows
    await target.focus();
    await target.selectOption('Review');
    await row.getByText('Edited').waitFor();
    await row.getByText(/proposed: .*Assess/).waitFor();
    await destination.locator('.djs-element.diagram-selected[data-element-id="Review"]').waitFor();
    await expect(destination.locator('.djs-element.diagram-selected').count()).resolves.toBe(1);

    // when they map it to nothing and preview
    await target.selectOption({ label: 'No target (cases here cannot migrate)' });
    await designer.getByRole('button', { name: 'Preview' }).click();

    // then no case can migrate, each says why in words, and the migrate button is disabled
    await designer.getByTestId('migration-summary').getByText('0 of 2 running cases can migrate; 2 cannot.').waitFor();
    const preview = designer.getByTestId('migration-preview');
    await expect(preview.getByText('Cannot migrate').count()).resolves.toBe(2);
    await expect(preview.getByText(/The step it waits at has no target in the new version at .*Assess/).count()).resolves.toBe(2);
    await expect(designer.getByRole('button', { name: 'Migrate 0 cases' }).isDisabled()).resolves.toBe(true);
    await view(designer, '61-migration-preview-refused');

    // when they go back to the proposal and preview again
    await designer.getByRole('button', { name: 'Back to the proposal' }).click();
    await expect(designer.getByTestId('migration-preview').count()).resolves.toBe(0);
    await row.getByText('Same name and kind').waitFor();
    await designer.getByRole('button', { name: 'Preview' }).click();

    // then both cases can migrate, keeping their task, and the table and the old diagram count them at A
    await designer.getByTestId('migration-summary').getByText('2 of 2 running cases can migrate; 0 cannot.').waitFor();
    for (const caseId of caseIds) {
      const previewRow = preview.getByRole('row').filter({ has: designer.getByRole('link', { name: caseId }) });
      await previewRow.getByText('Can migrate').waitFor();
      await previewRow.getByText(/Kept: .*Assess.* → .*Assess/).waitFor();
    }
    await expect(row.getByRole('cell').first().textContent()).resolves.toBe('2');
    await expect(source.locator('.diagram-badge[data-element-id="A"]').textContent()).resolves.toBe('2');
    await view(designer, '62-migration-preview');

    // when they migrate, confirming in the dialog
    await designer.getByRole('button', { name: 'Migrate 2 cases' }).click();
    const dialog = designer.getByRole('dialog', { name: 'Migrate 2 cases from version 1 to version 2?' });
    await view(designer, '63-migration-confirm');
    await dialog.getByRole('button', { name: 'Confirm: migrate 2 cases' }).click();

    // then the page follows the run until it has completed, with each case migrated
    await designer.getByTestId('migration-status').getByText('Completed: 2 of 2 cases done, 2 migrated, 0 refused.').waitFor({ timeout: 60_000 });
    await expect(designer.getByLabel('Cases done').evaluate((bar) => (bar as HTMLProgressElement).value)).resolves.toBe(2);
    const outcomes = designer.getByTestId('migration-outcomes');
    for (const caseId of caseIds) await outcomes.getByRole('row').filter({ has: designer.getByRole('link', { name: caseId }) }).getByText('Migrated').waitFor();
    await designer.getByRole('heading', { name: `Migrations of ${PROCESS}` }).waitFor();
    await view(designer, '64-migration-completed');

    // and the API shows both cases on version 2, each with its own task still open at the new step
    const after = await Promise.all(caseIds.map((caseId) => eventually(() => caseDetail(tom, caseId), (detail) => detail.case.version === 2)));
    for (const [index, detail] of after.entries()) {
      expect(detail.case.status).toBe('running');
      expect(detail.live?.tasks).toEqual([expect.objectContaining({ taskId: taskIds[index], nodeId: 'Assess_v2' })]);
    }
    expect(after[0]!.live!.tasks[0]!.claimedBy).toBe('tom');

    // when the address asks for a version the process does not have
    await designer.goto(`${casemap.url}/#/designer/${PROCESS}/migrate?from=1&to=9`);

    // then the refusal is shown with its detail and the field at fault
    const refusal = designer.getByRole('alert');
    await refusal.getByText(new RegExp(`Process ${PROCESS} has no version 9; it has`)).first().waitFor();
    await refusal.getByText('query.to').waitFor();

    expect(consoleErrors).toEqual([]);
  }, 240_000);
});
