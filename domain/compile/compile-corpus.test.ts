// Every fixture diagram compiles to a valid IR with the expected nodes, owners, timers, forms
// and diagnostics.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcessIR } from '../process/ir.ts';
import { compile, compileWithModdle } from './compile.ts';
import type { DiagnosticCode } from './diagnostics.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

interface Case {
  file: string;
  kinds: string[];
  codes: DiagnosticCode[];
  mainProcessId?: string;
}

const corpus: Case[] = [
  { file: 'collaboration-two-pools.bpmn', kinds: ['sendTask', 'userTask', 'serviceTask'], codes: ['not-executable-element'], mainProcessId: 'Process_Casework' },
  { file: 'nested-lanes.bpmn', kinds: ['subProcess', 'userTask'], codes: [], mainProcessId: 'Process_Lanes' },
  { file: 'event-kinds.bpmn', kinds: ['startEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent', 'endEvent', 'transaction'], codes: ['not-executable-element', 'invalid-compensation'] },
  { file: 'gateway-kinds.bpmn', kinds: ['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'complexGateway', 'eventBasedGateway'], codes: ['not-executable-element'] },
  { file: 'subprocess-variants.bpmn', kinds: ['subProcess', 'adHocSubProcess', 'transaction'], codes: ['not-executable-element'] },
  { file: 'call-activity-multi-instance.bpmn', kinds: ['callActivity'], codes: ['invalid-multi-instance', 'not-executable-element'], mainProcessId: 'Process_Parent' },
  { file: 'data-and-artifacts.bpmn', kinds: ['userTask'], codes: [] },
  { file: 'camunda7.bpmn', kinds: ['userTask', 'serviceTask', 'scriptTask'], codes: ['juel-expression', 'unsupported-expression-language', 'not-executable-element'] },
  { file: 'camunda8.bpmn', kinds: ['userTask', 'serviceTask', 'receiveTask', 'callActivity'], codes: ['external-form'] },
  { file: 'choreography.bpmn', kinds: [], codes: ['not-executable-element', 'no-process'] },
  { file: 'casework-two-lanes.bpmn', kinds: ['userTask', 'serviceTask', 'boundaryEvent'], codes: [] },
  {
    file: 'invalid-details.bpmn',
    kinds: ['userTask'],
    codes: ['unknown-element', 'missing-reference', 'invalid-calendar', 'invalid-sla', 'invalid-form-field', 'invalid-timer', 'missing-message', 'invalid-feel', 'invalid-retry'],
  },
];

const nodeOf = (ir: ProcessIR, id: string) => {
  const node = ir.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};

describe('compiling the fixture corpus', () => {
  it.each(corpus)('compiles $file to a valid IR with the expected kinds and diagnostics', async ({ file, kinds, codes, mainProcessId }) => {
    // given
    const xml = fixture(file);
    // when
    const { ir, diagnostics } = await compile(xml);
    // then
    expect(() => ProcessIR.parse(ir)).not.toThrow();
    for (const kind of kinds) expect(ir.nodes.map((n) => n.kind)).toContain(kind);
    expect([...new Set(diagnostics.map((d) => d.code))].sort()).toEqual([...new Set(codes)].sort());
    if (mainProcessId) expect(ir.mainProcessId).toBe(mainProcessId);
    expect(ir.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives every diagnostic a message that names the element by id', async () => {
    // given
    const { diagnostics } = await compile(fixture('invalid-details.bpmn'));
    // then
    for (const diagnostic of diagnostics.filter((d) => d.elementId)) {
      expect(diagnostic.message).toContain(diagnostic.elementId);
    }
  });
});

describe('owners', () => {
  it('takes the innermost lane team, casework team and role, or the Camunda groups', async () => {
    // given
    const lanes = (await compile(fixture('nested-lanes.bpmn'))).ir;
    const c7 = (await compile(fixture('camunda7.bpmn'))).ir;
    const c8 = (await compile(fixture('camunda8.bpmn'))).ir;
    const casework = (await compile(fixture('casework-two-lanes.bpmn'))).ir;
    // then
    expect(nodeOf(lanes, 'Task_Erf').owner).toEqual({ team: 'Returns casework', source: 'lane' });
    expect(nodeOf(lanes, 'Task_Risk').owner).toEqual({ team: 'Escorting', role: 'Risk assessor', source: 'lane' });
    expect(nodeOf(lanes, 'Task_Allocate')).toMatchObject({ parentId: 'Sub_Allocate', laneId: 'Lane_Escorts', owner: { team: 'Escorting' } });
    expect(nodeOf(lanes, 'End_1').owner).toEqual({ team: 'Lane_Unnamed', source: 'lane' });
    expect(lanes.lanes.find((l) => l.id === 'Lane_Casework')).toMatchObject({ parentLaneId: 'Lane_HomeOffice', team: 'Returns casework' });
    expect(nodeOf(c7, 'Task_Review').owner).toEqual({ team: 'escorting', assignee: '${initiator}', source: 'camunda' });
    expect(nodeOf(c8, 'Task_Plan').owner).toEqual({ team: 'removals-planning', assignee: '=planner', source: 'zeebe' });
    expect(nodeOf(casework, 'Task_Triage').owner).toEqual({ team: 'FNO Referrals', role: 'Triage officer', source: 'lane' });
    const collaboration = (await compile(fixture('collaboration-two-pools.bpmn'))).ir;
    expect(nodeOf(collaboration, 'Task_Decide').owner).toEqual({ team: 'Decisions', source: 'casework' });
  });
});

describe('deadlines, timers, forms and services', () => {
  it('reads casework SLAs with their calendars, handoff SLAs, KPIs, captures and the process watchdog', async () => {
    // given
    const { ir } = await compile(fixture('casework-two-lanes.bpmn'));
    // then
    expect(nodeOf(ir, 'Task_Triage')).toMatchObject({
      sla: { expression: 'P5D', feel: false, calendar: 'working-days' },
      kpis: ['referral-to-triage', 'first-time-right'],
      captures: ['nationality', 'ersDate'],
      documentation: 'Check the referral is complete and record the ERS date.',
    });
    expect(nodeOf(ir, 'Task_Decide')).toMatchObject({
      sla: { expression: '=ersDate - duration("P10D")', feel: true, calendar: 'calendar-days' },
      handoffSla: { expression: 'P2D', feel: false, calendar: 'calendar-days' },
    });
    expect(ir.processes[0]?.watchdog).toEqual({ expression: 'P15D', feel: false, calendar: 'working-days' });
    expect((await compile(fixture('nested-lanes.bpmn'))).ir.nodes.find((n) => n.id === 'Task_Erf')?.sla?.calendar).toBe('calendar-days');
  });

  it('reads Camunda due and follow-up dates into the SLA and follow-up', async () => {
    // given
    const c7 = (await compile(fixture('camunda7.bpmn'))).ir;
    const c8 = (await compile(fixture('camunda8.bpmn'))).ir;
    // then
    expect(nodeOf(c7, 'Task_Review').sla).toEqual({ expression: '2026-02-01T12:00:00', feel: false, calendar: 'working-days' });
    expect(nodeOf(c8, 'Task_Plan')).toMatchObject({ sla: { expression: '=now() + duration("P3D")', feel: true }, followUp: '2026-01-10T09:00:00Z' });
  });

  it('reads timers of every form and the boundary event settings', async () => {
    // given
    const events = (await compile(fixture('event-kinds.bpmn'))).ir;
    const casework = (await compile(fixture('casework-two-lanes.bpmn'))).ir;
    // then
    expect(nodeOf(events, 'Catch_Timer').trigger).toEqual({ type: 'timer', timer: { type: 'duration', expression: 'P1DT2H', feel: false } });
    expect(nodeOf(events, 'Catch_Cycle').trigger).toEqual({ type: 'timer', timer: { type: 'cycle', expression: 'R3/PT1H', feel: false } });
    expect(nodeOf(events, 'Start_Timer').trigger).toMatchObject({ timer: { type: 'date', expression: '2026-03-01T09:00:00Z' } });
    expect(nodeOf(events, 'B_Timer')).toMatchObject({ attachedTo: 'Task_Work', cancelActivity: false });
    expect(nodeOf(events, 'B_Error')).toMatchObject({ cancelActivity: true, trigger: { type: 'error', errorCode: 'BARRIER', errorName: 'Barrier raised' } });
    expect(nodeOf(events, 'Start_Multiple').trigger).toEqual({ type: 'multiple', triggers: ['message', 'signal'] });
    expect(nodeOf(events, 'End_Terminate').trigger).toEqual({ type: 'terminate' });
    expect(nodeOf(events, 'Catch_Link').trigger).toEqual({ type: 'link', linkName: 'continue' });
    expect(nodeOf(casework, 'Timer_ErsWindow').trigger).toEqual({ type: 'timer', timer: { type: 'date', expression: '=ersDate - duration("P10D")', feel: true } });
  });

  it('reads casework, Camunda 7 and embedded Camunda 8 form fields', async () => {
    // given
    const casework = (await compile(fixture('casework-two-lanes.bpmn'))).ir;
    const c7 = (await compile(fixture('camunda7.bpmn'))).ir;
    const c8 = (await compile(fixture('camunda8.bpmn'))).ir;
    // then
    expect(nodeOf(casework, 'Task_Triage').form).toContainEqual({ name: 'priority', label: 'Priority', type: 'enum', required: false, options: ['high', 'normal', 'low'] });
    expect(nodeOf(casework, 'Task_Triage').form).toContainEqual({ name: 'previousReferrals', label: 'Previous referrals', type: 'number', required: false, options: [], min: 0, max: 20 });
    expect(nodeOf(casework, 'Start_Referral').form[0]).toMatchObject({ name: 'prisonNumber', required: true, pattern: '^[A-Z][0-9]{4}[A-Z]{2}$' });
    expect(nodeOf(c7, 'Task_Review').form).toEqual([
      { name: 'approved', label: 'Approved?', type: 'boolean', required: true, options: [] },
      { name: 'escorts', label: 'Number of escorts', type: 'number', required: false, options: [], min: 1, max: 6 },
      { name: 'ticket', label: 'Ticket type', type: 'enum', required: false, options: ['refundable', 'nonRefundable'] },
    ]);
    expect(nodeOf(c8, 'Task_Outcome').form.map((f) => [f.name, f.type, f.required])).toEqual([
      ['outcome', 'enum', true],
      ['notes', 'text', false],
      ['delayDays', 'number', false],
    ]);
  });

  it('reads service handlers, retries, called elements, messages and conditions', async () => {
    // given
    const casework = (await compile(fixture('casework-two-lanes.bpmn'))).ir;
    const c7 = (await compile(fixture('camunda7.bpmn'))).ir;
    const c8 = (await compile(fixture('camunda8.bpmn'))).ir;
    const gateways = (await compile(fixture('gateway-kinds.bpmn'))).ir;
    const calls = (await compile(fixture('call-activity-multi-instance.bpmn'))).ir;
    // then
    expect(nodeOf(casework, 'Task_FetchRecord').service).toEqual({
      handler: 'prison-record-lookup',
      retry: { maximumAttempts: 4, initialInterval: 'PT30S', backoffCoefficient: 2, maximumInterval: 'PT10M', nonRetryableErrors: ['RecordNotFound', 'Forbidden'] },
    });
    expect(nodeOf(c8, 'Task_Book').service).toEqual({ handler: 'book-flight', retry: { maximumAttempts: 5, nonRetryableErrors: [] } });
    expect(['Task_Notify', 'Task_Ticket', 'Task_Audit'].map((id) => nodeOf(c7, id).service?.handler)).toEqual(['contractorNotifier', 'book-ticket', 'uk.gov.casework.AuditDelegate']);
    expect(nodeOf(c8, 'Call_Escort').calledElement).toBe('escort-arrangement');
    expect(nodeOf(calls, 'Call_Redoc').calledElement).toBe('Process_Redoc');
    expect(nodeOf(calls, 'Task_EachLeg').multiInstance).toBe('sequential');
    expect(nodeOf(calls, 'Task_Chase').loop).toBe(true);
    expect(nodeOf(c8, 'Task_WaitFlight').trigger).toEqual({ type: 'message', messageName: 'flight-confirmed', correlationKey: 'bookingReference' });
    expect(nodeOf(casework, 'Catch_Barrier').trigger).toEqual({ type: 'message', messageName: 'barrier-raised', correlationKey: 'caseReference' });
    expect(c8.flows.find((f) => f.id === 'Flow_Removed')?.condition).toBe('outcome = "removed"');
    expect(gateways.flows.find((f) => f.id === 'Flow_Medical')?.condition).toBe('medicalConcern and age >= 18');
    expect(nodeOf(gateways, 'Gw_Exclusive').defaultFlow).toBe('Flow_NoClaim');
    expect(casework.escalations).toEqual([{ id: 'Esc_Overdue', name: 'Decision overdue', code: 'DECISION_OVERDUE' }]);
  });

  it('keeps pools, message flows, data and annotations for mapping', async () => {
    // given
    const collaboration = (await compile(fixture('collaboration-two-pools.bpmn'))).ir;
    const data = (await compile(fixture('data-and-artifacts.bpmn'))).ir;
    // then
    expect(collaboration.processes.map((p) => [p.id, p.participantId, p.isExecutable])).toEqual([
      ['Process_Prison', 'Pool_Prison', false],
      ['Process_Casework', 'Pool_Casework', true],
    ]);
    expect(collaboration.artifacts).toContainEqual({ id: 'MF_Referral', type: 'messageFlow', name: 'referral', source: 'Send_Referral', target: 'Start_Referral' });
    expect(collaboration.artifacts).toContainEqual({ id: 'Pool_Contractor', type: 'participant', name: 'Travel contractor' });
    expect(data.artifacts.map((a) => a.type).sort()).toEqual(
      ['association', 'dataInputAssociation', 'dataObject', 'dataObjectReference', 'dataOutputAssociation', 'dataStore', 'dataStoreReference', 'group', 'textAnnotation'].sort(),
    );
    expect(data.artifacts).toContainEqual({ id: 'Group_1', type: 'group', name: 'Duplicated assessment', processId: 'Process_Data' });
  });

  it('reports mapped-only elements as info outside executable processes and as errors inside', async () => {
    // given
    const events = await compile(fixture('event-kinds.bpmn'));
    const gateways = await compile(fixture('gateway-kinds.bpmn'));
    // then
    expect(events.diagnostics.every((d) => d.severity === 'info')).toBe(true);
    expect(gateways.diagnostics).toEqual([expect.objectContaining({ code: 'not-executable-element', severity: 'error', elementId: 'Gw_Complex' })]);
  });

  it('reports ad-hoc sub-processes and transactions by id, runs event sub-processes with their error and timer starts, and wires a compensation boundary to its undo step', async () => {
    // when
    const { diagnostics, ir } = await compile(fixture('subprocess-variants.bpmn'));
    // then
    expect(diagnostics.map((d) => d.elementId).sort()).toEqual(['Sub_AdHoc', 'Sub_Tx'].sort());
    expect(nodeOf(ir, 'Sub_Event')).toMatchObject({ kind: 'subProcess', triggeredByEvent: true });
    expect(nodeOf(ir, 'Ev_Start_Timer')).toMatchObject({ parentId: 'Sub_Event_Timer', cancelActivity: false });
    expect(nodeOf(ir, 'Ev_Start_Error').cancelActivity).toBeUndefined();
    expect(nodeOf(ir, 'Tx_Compensation').trigger).toEqual({ type: 'compensate', handler: 'Tx_Refund' });
    expect(nodeOf(ir, 'Tx_Refund').isForCompensation).toBe(true);
  });

  it('returns the parsed definitions alongside the IR for checks to reuse', async () => {
    // when
    const { definitions, ir } = await compileWithModdle(fixture('gateway-kinds.bpmn'));
    // then
    expect(definitions?.$type).toBe('bpmn:Definitions');
    expect(definitions?.id).toBe(ir.definitionsId);
  });
});
