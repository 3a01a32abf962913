// The sample library is Casemap's reference content: every diagram must compile, pass the
// executability checks, open in bpmn-js with a complete layout, and show what the inspection
// responses describe (owning teams, the ERS window, the 72-hour point, duplicated assessments).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintBpmn, type LintFinding } from '../domain/checks/lint-bpmn.ts';
import { compile } from '../domain/compile/compile.ts';
import { Driver } from '../domain/engine/engine-driver.testing.ts';
import type { Diagnostic } from '../domain/compile/diagnostics.ts';
import type { Node, ProcessIR } from '../domain/process/ir.ts';
import { createModdle } from '../domain/process/moddle.ts';

const DIR = dirname(fileURLToPath(import.meta.url));
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.bpmn')).sort();

interface Sample {
  xml: string;
  ir: ProcessIR;
  diagnostics: Diagnostic[];
  findings: LintFinding[];
}

const samples = new Map<string, Sample>();

beforeAll(async () => {
  for (const file of FILES) {
    const xml = readFileSync(join(DIR, file), 'utf8');
    const { ir, diagnostics } = await compile(xml);
    samples.set(basename(file, '.bpmn'), { xml, ir, diagnostics, findings: await lintBpmn(xml) });
  }
});

const sample = (id: string): Sample => {
  const found = samples.get(id);
  if (!found) throw new Error(`processes/${id}.bpmn is missing`);
  return found;
};

const node = (id: string, nodeId: string): Node => {
  const found = sample(id).ir.nodes.find((candidate) => candidate.id === nodeId);
  if (!found) throw new Error(`${id} has no element ${nodeId}`);
  return found;
};

/** What a step asks for: its declared captures and its form fields (a duplication finder reads both). */
const dataOf = (step: Node): Set<string> => new Set([...step.captures, ...step.form.map((field) => field.name)]);

const shared = (a: Node, b: Node): string[] => [...dataOf(a)].filter((name) => dataOf(b).has(name)).sort();

const describeDiagnostic = (d: Diagnostic) => `${d.code} ${d.elementId ?? ''}: ${d.message}`;
const describeFinding = (f: LintFinding) => `${f.rule} ${f.elementId ?? ''}: ${f.message}`;

describe('the sample library', () => {
  it('holds the FNO end-to-end casework and the removals logistics it calls', () => {
    expect(FILES).toEqual(expect.arrayContaining(['fno-returns-casework.bpmn', 'removals-logistics.bpmn']));
  });

  describe.each(FILES)('%s', (file) => {
    const id = basename(file, '.bpmn');

    it('compiles without errors', () => {
      const errors = sample(id).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map(describeDiagnostic)).toEqual([]);
    });

    it('passes the executability checks without errors', () => {
      const errors = sample(id).findings.filter((f) => f.severity === 'error');
      expect(errors.map(describeFinding)).toEqual([]);
    });

    it('is one executable process, named after its file, in a pool with one lane per team', () => {
      const { ir } = sample(id);
      expect(ir.processes).toHaveLength(1);
      expect(ir.processes[0]).toMatchObject({ id, isExecutable: true });
      expect(ir.processes[0]?.participantId).toBeDefined();
      expect(ir.lanes.length).toBeGreaterThan(1);
      const steps = ir.nodes.filter((n) => ['userTask', 'serviceTask', 'callActivity', 'sendTask', 'receiveTask'].includes(n.kind));
      for (const step of steps) expect(step.owner?.source, `${step.id} is drawn in a team's lane`).toBe('lane');
    });

    it('captures only data its own form asks for, so both readings of a step agree', () => {
      for (const step of sample(id).ir.nodes.filter((n) => n.kind === 'userTask')) {
        const fields = new Set(step.form.map((field) => field.name));
        expect(step.captures.filter((name) => !fields.has(name)), `${step.id} captures data it has no field for`).toEqual([]);
      }
    });

    it('names a correlation key for every message it waits for', () => {
      const { ir } = sample(id);
      for (const step of ir.nodes) {
        if (step.trigger?.type !== 'message') continue;
        expect(step.trigger.messageName, step.id).not.toBe('');
        expect(step.trigger.correlationKey, step.id).toBe('caseReference');
      }
    });

    it('has a diagram element for every lane, step and flow, with no two shapes overlapping', async () => {
      const { rootElement } = await createModdle().fromXML(sample(id).xml);
      const definitions = rootElement as unknown as {
        diagrams: { plane: { planeElement: { $type: string; bpmnElement?: { id: string }; bounds?: Bounds }[] } }[];
      };
      const shapes = definitions.diagrams[0]?.plane.planeElement ?? [];
      const drawn = new Set(shapes.map((shape) => shape.bpmnElement?.id));
      const { ir } = sample(id);
      const ids = [...ir.lanes.map((l) => l.id), ...ir.nodes.map((n) => n.id), ...ir.flows.map((f) => f.id)];
      expect(ids.filter((elementId) => !drawn.has(elementId))).toEqual([]);

      const boundary = new Set(ir.nodes.filter((n) => n.kind === 'boundaryEvent').map((n) => n.id));
      const placed = shapes.filter(
        (shape): shape is typeof shape & { bounds: Bounds; bpmnElement: { id: string } } =>
          shape.$type === 'bpmndi:BPMNShape' && !!shape.bounds && !!shape.bpmnElement && ir.nodes.some((n) => n.id === shape.bpmnElement?.id) && !boundary.has(shape.bpmnElement.id),
      );
      expect(placed).toHaveLength(ir.nodes.length - boundary.size);
      // A sub-process is drawn around the steps inside it; only siblings must not overlap.
      const parentOf = new Map(ir.nodes.map((n) => [n.id, n.parentId]));
      const nested = (a: string, b: string) => parentOf.get(a) === b || parentOf.get(b) === a;
      const overlaps: string[] = [];
      placed.forEach((a, i) => {
        for (const b of placed.slice(i + 1)) if (intersects(a.bounds, b.bounds) && !nested(a.bpmnElement.id, b.bpmnElement.id)) overlaps.push(`${a.bpmnElement.id} / ${b.bpmnElement.id}`);
      });
      expect(overlaps).toEqual([]);
    });
  });

  it('gives the same data the same field type wherever it is asked, so repeated questions can be matched', () => {
    const types = new Map<string, Set<string>>();
    for (const { ir } of samples.values()) {
      for (const step of ir.nodes) for (const field of step.form) types.set(field.name, (types.get(field.name) ?? new Set()).add(field.type));
    }
    const inconsistent = [...types].filter(([, kinds]) => kinds.size > 1).map(([name, kinds]) => `${name}: ${[...kinds].join(', ')}`);
    expect(inconsistent).toEqual([]);
  });
});

describe('fno-returns-casework', () => {
  it('has a lane for each team that works an FNO case', () => {
    expect(sample('fno-returns-casework').ir.lanes.map((lane) => lane.team)).toEqual([
      'prison-casework',
      'fno-returns',
      'barrier-clearance',
      'redocumentation',
      'removals-logistics',
    ]);
  });

  it('sets deadlines off the Early Removal Scheme eligibility date', () => {
    expect(node('fno-returns-casework', 'Task_decide').sla).toEqual({
      expression: '=date(ersEligibilityDate) - duration("P90D")',
      feel: true,
      calendar: 'working-days',
    });
    expect(node('fno-returns-casework', 'Task_directions').sla?.expression).toBe('=date(ersEligibilityDate) - duration("P10D")');
    const ersTimers = sample('fno-returns-casework').ir.nodes.filter(
      (n) => n.kind === 'boundaryEvent' && n.trigger?.type === 'timer' && n.trigger.timer.type === 'date' && n.trigger.timer.expression.includes('ersEligibilityDate'),
    );
    expect(ersTimers.map((n) => [n.id, n.attachedTo, n.cancelActivity])).toEqual([
      ['Boundary_ers_decision', 'Task_decide', false],
      ['Boundary_ers_reached', 'Task_directions', false],
    ]);
  });

  it('decides ERS eligibility with the ERS table after the deportation decision, and routes the case by its result', () => {
    const { ir } = sample('fno-returns-casework');
    expect(node('fno-returns-casework', 'Decide_ers')).toMatchObject({ kind: 'businessRuleTask', decision: { decisionId: 'ers-eligibility', resultVariable: 'ersEligibility' }, owner: { team: 'fno-returns' } });
    const from = (source: string) => ir.flows.filter((flow) => flow.source === source);
    expect(from('Task_decide').map((flow) => flow.target)).toEqual(['Decide_ers']);
    expect(from('Decide_ers').map((flow) => flow.target)).toEqual(['Gateway_deport']);
    expect(from('Gateway_deport').map((flow) => [flow.target, flow.condition])).toEqual([
      ['Gateway_split', 'ersEligibility.route != "close the case"'],
      ['End_not_deported', undefined],
    ]);
  });

  it('waits for appeals, the travel document and a withdrawal as correlated messages', () => {
    const messages = sample('fno-returns-casework').ir.messages.map((m) => m.name).sort();
    expect(messages).toEqual(['Appeal determined', 'Appeal lodged', 'Case withdrawn', 'Travel document issued']);
  });

  it('checks each dependant at once before the deportation decision, over the names keyed at case creation', () => {
    const { ir } = sample('fno-returns-casework');
    const into = (target: string) => ir.flows.filter((flow) => flow.target === target).map((flow) => flow.source);
    expect(into('Script_list_dependants')).toEqual(['Task_create_case']);
    expect(into('Task_check_dependant')).toEqual(['Script_list_dependants']);
    expect(into('Task_decide')).toEqual(['Task_check_dependant']);
    expect(node('fno-returns-casework', 'Task_check_dependant')).toMatchObject({
      multiInstance: 'parallel',
      instances: { inputCollection: 'dependants', inputElement: 'dependant', outputCollection: 'dependantChecks' },
      owner: { team: 'fno-returns' },
    });
  });

  it('lets the case be withdrawn at any time by an interrupting message event sub-process', () => {
    const { ir } = sample('fno-returns-casework');
    expect(node('fno-returns-casework', 'Event_sub_withdrawal')).toMatchObject({ kind: 'subProcess', triggeredByEvent: true });
    const start = node('fno-returns-casework', 'Start_case_withdrawn');
    expect(start).toMatchObject({ parentId: 'Event_sub_withdrawal', trigger: { type: 'message', messageName: 'Case withdrawn', correlationKey: 'caseReference' } });
    expect(start.cancelActivity).not.toBe(false);
    expect(ir.nodes.filter((n) => n.parentId === 'Event_sub_withdrawal').map((n) => n.id).sort()).toEqual(['End_withdrawn', 'Start_case_withdrawn', 'Task_record_withdrawal']);
  });

  it('hands the removal to removals-logistics as a child case', () => {
    const call = node('fno-returns-casework', 'Call_removals_logistics');
    expect(call).toMatchObject({ kind: 'callActivity', calledElement: 'removals-logistics' });
    expect(samples.has(call.calledElement as string)).toBe(true);
  });

  it('asks for nationality and identity evidence at referral and again in re-documentation', () => {
    const prison = node('fno-returns-casework', 'Task_prison_identity');
    const redoc = node('fno-returns-casework', 'Task_redoc_identity');
    expect([prison.owner?.team, redoc.owner?.team]).toEqual(['prison-casework', 'redocumentation']);
    expect(shared(prison, redoc)).toEqual(['identityDocumentNumber', 'identityEvidence', 'nationality', 'nationalityConfirmed']);
  });

  it('keys personal details at referral and again for the travel document application', () => {
    const referral = node('fno-returns-casework', 'Task_refer');
    const application = node('fno-returns-casework', 'Task_etd_application');
    expect(application.owner?.team).toBe('redocumentation');
    expect(shared(referral, application)).toEqual(['dateOfBirth', 'givenNames', 'nationality', 'surname']);
  });

  it('keys sentence details in the prison and again in FNO Returns Command', () => {
    const referral = node('fno-returns-casework', 'Task_refer');
    const created = node('fno-returns-casework', 'Task_create_case');
    expect(created.owner?.team).toBe('fno-returns');
    expect(shared(referral, created)).toEqual(['conditionalReleaseDate', 'ersEligibilityDate', 'sentenceLengthMonths']);
  });
});

describe('removals-logistics', () => {
  it('has lanes for the case owner, National Removals Command and the escorting contractor', () => {
    expect(sample('removals-logistics').ir.lanes.map((lane) => lane.team)).toEqual(['fno-returns', 'removals-logistics', 'escorting']);
  });

  it('waits for the 72-hour point before departure', () => {
    const timer = node('removals-logistics', 'Catch_72_hours');
    expect(timer.kind).toBe('intermediateCatchEvent');
    expect(timer.trigger).toEqual({
      type: 'timer',
      timer: { type: 'date', expression: '=date and time(departureDateTime) - duration("PT72H")', feel: true },
    });
    expect(node('removals-logistics', 'Task_72_hour_check').owner?.team).toBe('escorting');
  });

  it('decides on a refundable ticket with a condition and a default path', () => {
    const { ir } = sample('removals-logistics');
    const gateway = node('removals-logistics', 'Gateway_refundable');
    const outgoing = ir.flows.filter((flow) => flow.source === gateway.id);
    expect(gateway.defaultFlow).toBe('Flow_lowest_fare');
    expect(outgoing.find((flow) => flow.id === 'Flow_refundable')?.condition).toBe('pendingLegalChallenge = true or disruptionHistory = true or violenceRisk = "high"');
  });

  it('cancels the flight and escort bookings by compensation when a removal fails or is cancelled', () => {
    const { ir } = sample('removals-logistics');
    expect(node('removals-logistics', 'Boundary_booking_to_cancel')).toMatchObject({ attachedTo: 'Task_record_booking', trigger: { type: 'compensate', handler: 'Service_refund_alert' } });
    expect(node('removals-logistics', 'Boundary_escorts_to_stand_down')).toMatchObject({ attachedTo: 'Task_allocate_escorts', trigger: { type: 'compensate', handler: 'Service_cancel_escorts' } });
    expect(node('removals-logistics', 'Service_cancel_escorts')).toMatchObject({ isForCompensation: true, service: { handler: 'send-message' } });
    expect(node('removals-logistics', 'Throw_cancel_bookings').trigger).toEqual({ type: 'compensate' });
    expect(ir.flows.filter((flow) => flow.target === 'Throw_cancel_bookings').map((flow) => flow.source)).toEqual(['Gateway_failure_split']);
  });

  it('runs a cancelled removal to the end, telling the travel contractor about the recorded ticket before standing the escorts down', () => {
    // given a removal whose escorts were allocated before the flight booking was recorded
    const run = new Driver(sample('removals-logistics').ir, { caseReference: 'FNO-1', requestedRemovalDate: '2026-06-01' });
    run.complete('Task_erf', { violenceRisk: 'low', disruptionHistory: false }).complete('Task_assess_risk', { pendingLegalChallenge: false });
    run.send({ type: 'activityCompleted', taskId: run.activityId('Service_lowest_fare'), output: {} });
    run.complete('Task_allocate_escorts', { escortsAllocated: 2, escortAvailableDate: '2026-05-30' });
    run.complete('Task_record_booking', { flightNumber: 'BA75', departureDateTime: '2026-06-01T09:30:00Z', ticketReference: 'TK-99', ticketRefundable: false });
    run.fire('Catch_72_hours').complete('Task_72_hour_check', { fitToFly: true, escortsConfirmed: true });
    // when a late judicial review cancels it
    run.send({ type: 'messageReceived', subscriptionId: run.subscriptionId('Catch_removal_cancelled'), messageName: 'Removal cancelled', data: {} });
    // then the flight booking, recorded last, is undone first, with its ticket reference
    expect(run.lastOf('scheduleActivity').map((a) => [a.nodeId, a.input.ticketReference])).toEqual([['Service_refund_alert', 'TK-99']]);
    run.send({ type: 'activityCompleted', taskId: run.activityId('Service_refund_alert'), output: {} });
    expect(run.lastOf('scheduleActivity').map((a) => a.nodeId)).toEqual(['Service_cancel_escorts']);
    run.send({ type: 'activityCompleted', taskId: run.activityId('Service_cancel_escorts'), output: {} });
    run.complete('Task_update_record', { removalOutcome: 'cancelled', failureReason: 'late-judicial-review', failureInHomeOfficeControl: false });
    expect(run.state.status).toBe('completed');
  });

  it('records why a removal failed, alerts the travel contractor for a refund and updates the case record', () => {
    const reasons = node('removals-logistics', 'Task_update_record').form.find((field) => field.name === 'failureReason');
    expect(reasons).toMatchObject({ type: 'enum', required: true });
    expect(reasons?.options).toEqual(
      expect.arrayContaining(['disruptive-behaviour', 'late-judicial-review', 'medical-unfit-to-fly', 'documentation-problem', 'no-escort-available', 'flight-cancelled-or-delayed']),
    );
    expect(node('removals-logistics', 'Service_refund_alert')).toMatchObject({ isForCompensation: true, service: { handler: 'send-message' } });
  });

  it('assesses the same risks on the ERF, in National Removals Command and at the 72-hour point', () => {
    const risks = ['disruptionHistory', 'medicalConditions', 'selfHarmRisk', 'violenceRisk'];
    const steps = ['Task_erf', 'Task_assess_risk', 'Task_72_hour_check'].map((id) => node('removals-logistics', id));
    expect(steps.map((step) => step.owner?.team)).toEqual(['fno-returns', 'removals-logistics', 'escorting']);
    const [erf, assessment, final] = steps as [Node, Node, Node];
    expect(shared(erf, assessment)).toEqual(expect.arrayContaining(risks));
    expect(shared(assessment, final)).toEqual(expect.arrayContaining(risks));
  });

  it('records the removal outcome twice: by the escort and by the case owner', () => {
    const escort = node('removals-logistics', 'Task_departure');
    const caseOwner = node('removals-logistics', 'Task_update_record');
    expect([escort.owner?.team, caseOwner.owner?.team]).toEqual(['escorting', 'fno-returns']);
    expect(shared(escort, caseOwner)).toEqual(['failureReason', 'removalOutcome']);
  });
});

describe('duplication across the library', () => {
  it('assesses risk at the prison referral and again for the removal', () => {
    const referral = node('fno-returns-casework', 'Task_referral_risk');
    const erf = node('removals-logistics', 'Task_erf');
    expect(referral.owner?.team).toBe('prison-casework');
    expect(shared(referral, erf)).toEqual(['disruptionHistory', 'medicalConditions', 'selfHarmRisk', 'violenceRisk']);
  });

  it('keys personal details at the prison referral and again on the Escorting Request Form', () => {
    expect(shared(node('fno-returns-casework', 'Task_refer'), node('removals-logistics', 'Task_erf'))).toEqual([
      'dateOfBirth',
      'givenNames',
      'nationality',
      'prisonNumber',
      'surname',
    ]);
  });
});

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

function intersects(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
