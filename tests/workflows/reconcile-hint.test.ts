// What a case log write tells the reconciler (path 3 of "visible only after durable",
// docs/architecture.md "Record"): whether something else will confirm its rows soon. A write made
// while an activity is under way will be confirmed by the run's next write (path 1), so the
// reconciler need not read history yet; a write nothing follows — here a service step's result,
// the last thing the case waits for but a caseworker — is looked at within milliseconds. The
// worker runs without its reconciler so each write's request is still there to read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceHandlerEntry } from '../../activities/service-handlers/registry.ts';
import { RECONCILE_AFTER_MS } from '../../storage/fenced-case-log-store.ts';
import { caseViewQuery } from '../../workflows/case-api.ts';
import { EngineHarness } from './support/engine-harness.ts';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_hint" targetNamespace="https://casemap.dev/tests/engine">
  <bpmn:collaboration id="Collaboration_hint"><bpmn:participant id="Participant_hint" name="Hint" processRef="Process_hint" /></bpmn:collaboration>
  <bpmn:process id="Process_hint" name="Look up the record while a cooling-off period runs" isExecutable="true">
    <bpmn:laneSet id="LaneSet_hint"><bpmn:lane id="Lane_returns" name="FNO Returns" casework:team="fno-returns">
      <bpmn:flowNodeRef>Start</bpmn:flowNodeRef><bpmn:flowNodeRef>Fork</bpmn:flowNodeRef><bpmn:flowNodeRef>Lookup</bpmn:flowNodeRef><bpmn:flowNodeRef>End_lookup</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>Cooling_off</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_decide</bpmn:flowNodeRef><bpmn:flowNodeRef>End_decide</bpmn:flowNodeRef>
    </bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:parallelGateway id="Fork"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing><bpmn:outgoing>F3</bpmn:outgoing></bpmn:parallelGateway>
    <bpmn:serviceTask id="Lookup" name="Look up the prison record" casework:handler="held-lookup"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F4</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="End_lookup"><bpmn:incoming>F4</bpmn:incoming></bpmn:endEvent>
    <bpmn:intermediateCatchEvent id="Cooling_off" name="Cooling-off"><bpmn:incoming>F3</bpmn:incoming><bpmn:outgoing>F5</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>PT0.5S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="Task_decide" name="Decide"><bpmn:incoming>F5</bpmn:incoming><bpmn:outgoing>F6</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End_decide"><bpmn:incoming>F6</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fork" /><bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="Lookup" />
    <bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="Cooling_off" /><bpmn:sequenceFlow id="F4" sourceRef="Lookup" targetRef="End_lookup" />
    <bpmn:sequenceFlow id="F5" sourceRef="Cooling_off" targetRef="Task_decide" /><bpmn:sequenceFlow id="F6" sourceRef="Task_decide" targetRef="End_decide" />
  </bpmn:process>
</bpmn:definitions>`;

describe('what a case log write asks of the reconciler', () => {
  let engine: EngineHarness;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // The prison record service (outside Casemap) answers only when the test lets it.
  const handlers: Record<string, ServiceHandlerEntry> = {
    'held-lookup': async () => {
      await held;
      return { recordFound: true };
    },
  };

  beforeAll(async () => {
    engine = await EngineHarness.start({ serviceHandlers: handlers, withoutReconciler: true });
    await engine.deploy(xml, 'reconcile-hint');
  });
  afterAll(async () => {
    release();
    await engine?.stop();
  });

  /** The case's last write: its last position, and how long after it the reconciler may first look, in ms. */
  const lastWrite = async (caseId: string) => {
    const [row] = await engine.db.query<{ written: number; ms: string | number }>('SELECT written_through AS written, round(extract(epoch FROM reconcile_after - updated_at) * 1000) AS ms FROM case_log_fences WHERE case_id = $1', [caseId]);
    return { written: Number(row?.written), lookAfterMs: Number(row?.ms) };
  };
  const until = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('The case did not get there within 20 s.');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('lets the next write confirm what a timer wrote while the lookup ran, and asks for a look soon at the lookup’s result', async () => {
    // given a case whose record lookup is under way when its cooling-off timer opens the decision
    const { caseId, handle } = await engine.startCase('reconcile-hint');
    await until(async () => (await handle.query(caseViewQuery)).tasks.some((task) => task.nodeId === 'Task_decide'));
    const timerWrite = await lastWrite(caseId);

    // then the timer's write waits for the lookup's result to confirm it
    expect(timerWrite.lookAfterMs).toBe(RECONCILE_AFTER_MS.confirmationExpected);

    // when the lookup answers and the case has nothing under way but the decision
    release();
    await until(async () => (await lastWrite(caseId)).written > timerWrite.written);

    // then that write, which no later write or answer will confirm, asks for a look soon
    expect((await lastWrite(caseId)).lookAfterMs).toBe(RECONCILE_AFTER_MS.otherwise);
  });
});
