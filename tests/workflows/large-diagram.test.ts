// The largest diagram the API accepts runs its cases: its compiled IR is far over Temporal's
// 2 MB payload limit, so it must reach the workflow by claim-check, not inside the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';
import { countPayloadBlobs } from '../../storage/payload-blob-store.ts';
import { workflowIdForCase } from '../../workflows/case-api.ts';

/** api/definitions/routes.ts caps a diagram at 5,000,000 characters (the compiler at 5 MiB). */
const API_MAX_DIAGRAM_CHARS = 5_000_000;
const TASKS = 300;

/** Deterministic prose that does not repeat, like real guidance written step by step. */
function guidance(step: number, length: number): string {
  const words = ['check', 'the', 'referral', 'record', 'ERS', 'date', 'confirm', 'nationality', 'evidence', 'travel', 'document', 'escort', 'barrier', 'appeal', 'claim'];
  let text = `Step ${step}: `;
  let seed = step * 7919;
  while (text.length < length) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    text += `${words[seed % words.length]} `;
  }
  return text.slice(0, length);
}

/** A chain of user tasks in one lane, each with a form and long documentation, with its DI. */
function chainDiagram(documentationChars: number): string {
  const tasks: string[] = [];
  const flows: string[] = [];
  const shapes: string[] = [];
  const edges: string[] = [];
  const refs: string[] = [];
  const node = (i: number) => (i === 0 ? 'Start' : i > TASKS ? 'End' : `Task_${i}`);
  for (let i = 1; i <= TASKS; i++) {
    refs.push(`<bpmn:flowNodeRef>Task_${i}</bpmn:flowNodeRef>`);
    tasks.push(
      `<bpmn:userTask id="Task_${i}" name="Step ${i}" casework:sla="P5D"><bpmn:documentation>${guidance(i, documentationChars)}</bpmn:documentation>` +
        `<bpmn:extensionElements><casework:form><casework:field name="note${i}" label="Note for step ${i}" type="string" required="true" /></casework:form></bpmn:extensionElements>` +
        `<bpmn:incoming>Flow_${i - 1}</bpmn:incoming><bpmn:outgoing>Flow_${i}</bpmn:outgoing></bpmn:userTask>`,
    );
    shapes.push(`<bpmndi:BPMNShape id="Task_${i}_di" bpmnElement="Task_${i}"><dc:Bounds x="${200 + i * 150}" y="110" width="100" height="80" /></bpmndi:BPMNShape>`);
  }
  for (let i = 0; i <= TASKS; i++) {
    flows.push(`<bpmn:sequenceFlow id="Flow_${i}" sourceRef="${node(i)}" targetRef="${node(i + 1)}" />`);
    edges.push(`<bpmndi:BPMNEdge id="Flow_${i}_di" bpmnElement="Flow_${i}"><di:waypoint x="${150 + i * 150}" y="150" /><di:waypoint x="${200 + i * 150}" y="150" /></bpmndi:BPMNEdge>`);
  }
  const width = 300 + (TASKS + 1) * 150;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_large" targetNamespace="https://casemap.dev/tests">
<bpmn:collaboration id="Collaboration_large"><bpmn:participant id="Participant_large" name="Long returns checklist" processRef="Process_large" /></bpmn:collaboration>
<bpmn:process id="Process_large" name="Long returns checklist" isExecutable="true">
<bpmn:laneSet id="LaneSet_large"><bpmn:lane id="Lane_returns" name="FNO Returns Command" casework:team="fno-returns"><bpmn:flowNodeRef>Start</bpmn:flowNodeRef>${refs.join('')}<bpmn:flowNodeRef>End</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
<bpmn:startEvent id="Start" name="Checklist opened"><bpmn:outgoing>Flow_0</bpmn:outgoing></bpmn:startEvent>
${tasks.join('\n')}
<bpmn:endEvent id="End" name="Checklist done"><bpmn:incoming>Flow_${TASKS}</bpmn:incoming></bpmn:endEvent>
${flows.join('\n')}
</bpmn:process>
<bpmndi:BPMNDiagram id="Diagram_large"><bpmndi:BPMNPlane id="Plane_large" bpmnElement="Collaboration_large">
<bpmndi:BPMNShape id="Participant_large_di" bpmnElement="Participant_large" isHorizontal="true"><dc:Bounds x="120" y="60" width="${width}" height="200" /></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="Lane_returns_di" bpmnElement="Lane_returns" isHorizontal="true"><dc:Bounds x="150" y="60" width="${width - 30}" height="200" /></bpmndi:BPMNShape>
<bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="150" y="132" width="36" height="36" /></bpmndi:BPMNShape>
${shapes.join('\n')}
<bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="${200 + (TASKS + 1) * 150}" y="132" width="36" height="36" /></bpmndi:BPMNShape>
${edges.join('\n')}
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** The diagram as close under the API's limit as whole characters of documentation allow. */
function largestAcceptedDiagram(): string {
  const skeleton = chainDiagram(0).length;
  return chainDiagram(Math.floor((API_MAX_DIAGRAM_CHARS - skeleton) / TASKS));
}

/** Every payload byte in a history (the `data` of each Payload, found wherever it sits). */
function payloadSizes(value: unknown, sizes: number[] = []): number[] {
  if (value instanceof Uint8Array) return sizes;
  if (Array.isArray(value)) for (const item of value) payloadSizes(item, sizes);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.data instanceof Uint8Array && record.metadata && typeof record.metadata === 'object') sizes.push(record.data.byteLength);
    else for (const item of Object.values(record)) payloadSizes(item, sizes);
  }
  return sizes;
}

describe('the largest diagram the API accepts', () => {
  let casemap: TestCasemap;
  let designer: UserClient;
  let tom: UserClient;
  let deployed: { status: number; body: unknown };
  const xml = largestAcceptedDiagram();

  beforeAll(async () => {
    casemap = await startTestCasemap();
    [designer, tom] = await Promise.all([casemap.as('designer'), casemap.as('tom')]);
    deployed = await designer.post('/api/definitions/deploy', { id: 'long-checklist', xml });
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it('runs its cases, with only a reference to its IR in each history', async () => {
    // given the largest diagram the API accepts, deployed, whose IR is far over Temporal's 2 MB
    expect(xml.length).toBeLessThanOrEqual(API_MAX_DIAGRAM_CHARS);
    expect(xml.length).toBeGreaterThan(API_MAX_DIAGRAM_CHARS - TASKS);
    expect(deployed.status, JSON.stringify(deployed.body).slice(0, 2000)).toBe(201);
    const irBytes = Buffer.byteLength(JSON.stringify((await casemap.db.query<{ ir: unknown }>(`SELECT ir FROM definition_versions WHERE definition_id = 'long-checklist'`))[0]!.ir));
    expect(irBytes).toBeGreaterThan(4 * 1024 * 1024);

    // when a caseworker starts a case and completes its first task
    const started = await tom.post('/api/cases', { definitionId: 'long-checklist', data: {} });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.next.opened.map((task: { name: string }) => task.name)).toEqual(['Step 1']);
    const first = `${started.body.caseId}:${started.body.next.opened[0].taskId}`;
    await tom.post(`/api/tasks/${encodeURIComponent(first)}/claim`).expect(200);
    const completed = await tom.post(`/api/tasks/${encodeURIComponent(first)}/complete`, { data: { note1: 'checked' } });

    // then the case moves on to the second step
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.next).toMatchObject({ status: 'running' });
    expect(completed.body.next.opened.map((task: { name: string }) => task.name)).toEqual(['Step 2']);

    // and its history holds no payload near the IR's size: the start input names the version
    const history = await casemap.client.workflow.getHandle(workflowIdForCase(started.body.caseId)).fetchHistory();
    const startInput = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    expect(startInput.length).toBe(2);
    const named = JSON.parse(new TextDecoder().decode(startInput[0]!.data!)) as Record<string, unknown>;
    expect(named).toMatchObject({ definitionId: 'long-checklist', version: 1, irHash: expect.any(String) });
    expect(named).not.toHaveProperty('ir');
    for (const payload of startInput) expect(payload.data?.byteLength ?? 0).toBeLessThan(4 * 1024);
    const sizes = payloadSizes(history.events);
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThan(128 * 1024);
  });

  it('stores its IR once for all its cases', async () => {
    // given a case of the deployed diagram
    expect(deployed.status).toBe(201);
    await tom.post('/api/cases', { definitionId: 'long-checklist', data: {} }).expect(201);
    const before = await countPayloadBlobs(casemap.db);
    expect(before).toBeGreaterThan(0);

    // when two more cases start
    for (let i = 0; i < 2; i++) await tom.post('/api/cases', { definitionId: 'long-checklist', data: {} }).expect(201);

    // then no further copy of the IR is stored
    expect(await countPayloadBlobs(casemap.db)).toBe(before);
  });
});
