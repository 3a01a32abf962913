// The visibility delay path 3 of "visible only after durable" adds (docs/architecture.md, "Record"):
// a task a timer opens is written by a local activity inside the timer's workflow task, and shows in
// the inbox only once the worker's reconciler has found that write's marker in history. Measured
// per case from the timer's workflow task completing (its history event time) to the task row
// appearing (polled every 5 ms), beside the same delay for a task an Update's answer confirms
// (path 2: from the completion's answer to the row). One worker, the dev server, PGlite.
// Run: npx tsx bench/reconcile-delay.ts   (DELAY_CASES=20)
import { setTimeout as sleep } from 'node:timers/promises';
import { startTemporalDevServer } from '../runtime/temporal-dev-server.ts';
import { quantile } from './method/statistics.ts';
import { EngineHarness } from '../tests/workflows/support/engine-harness.ts';

const CASES = Number(process.env.DELAY_CASES ?? 20);

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_delay" targetNamespace="https://casemap.dev/bench">
  <bpmn:collaboration id="Collaboration_delay"><bpmn:participant id="Participant_delay" name="Delay" processRef="Process_delay" /></bpmn:collaboration>
  <bpmn:process id="Process_delay" name="Check, wait, decide" isExecutable="true">
    <bpmn:laneSet id="LaneSet_delay"><bpmn:lane id="Lane_returns" name="FNO Returns" casework:team="fno-returns">
      <bpmn:flowNodeRef>Start</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_check</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_review</bpmn:flowNodeRef><bpmn:flowNodeRef>Wait</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_decide</bpmn:flowNodeRef><bpmn:flowNodeRef>End</bpmn:flowNodeRef>
    </bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_check" name="Check"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:userTask id="Task_review" name="Review"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:userTask>
    <bpmn:intermediateCatchEvent id="Wait"><bpmn:incoming>F3</bpmn:incoming><bpmn:outgoing>F4</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="Task_decide" name="Decide"><bpmn:incoming>F4</bpmn:incoming><bpmn:outgoing>F5</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End"><bpmn:incoming>F5</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_check" /><bpmn:sequenceFlow id="F2" sourceRef="Task_check" targetRef="Task_review" />
    <bpmn:sequenceFlow id="F3" sourceRef="Task_review" targetRef="Wait" /><bpmn:sequenceFlow id="F4" sourceRef="Wait" targetRef="Task_decide" />
    <bpmn:sequenceFlow id="F5" sourceRef="Task_decide" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

async function untilRow(engine: EngineHarness, caseId: string, nodeId: string): Promise<number> {
  for (;;) {
    const rows = await engine.db.query('SELECT 1 FROM tasks WHERE case_id = $1 AND node_id = $2', [caseId, nodeId]);
    if (rows.length > 0) return Date.now();
    await sleep(5);
  }
}

const server = await startTemporalDevServer();
const engine = await EngineHarness.start({ address: server.address });
try {
  await engine.deploy(xml, 'Process_delay');
  const byAnswer: number[] = [];
  const byReconciler: number[] = [];
  for (let n = 0; n < CASES; n += 1) {
    const { caseId } = await engine.startCase('Process_delay');
    await engine.completeStep(caseId, 'Task_check');
    // Path 2, without the harness's confirmation: the raw Update, then the confirmation the API makes.
    const review = await engine.waitForTask(caseId, 'Task_review');
    await engine.claim(caseId, review.taskId);
    await engine.complete(caseId, review.taskId);
    const answered = Date.now();
    byAnswer.push((await untilRow(engine, caseId, 'Task_review').then(() => Date.now())) - answered);
    // Path 3: the timer's workflow task writes the decision; only the reconciler confirms it.
    const visible = await untilRow(engine, caseId, 'Task_decide');
    const history = (await engine.handle(caseId).fetchHistory()).events ?? [];
    const fired = history.findIndex((event) => event.timerFiredEventAttributes);
    const completed = history.slice(fired).find((event) => event.workflowTaskCompletedEventAttributes);
    const completedAt = Number(completed!.eventTime!.seconds) * 1000 + Math.floor((completed!.eventTime!.nanos ?? 0) / 1e6);
    byReconciler.push(visible - completedAt);
  }
  const line = (label: string, values: number[]) =>
    `${label}: p50 ${quantile(values, 0.5).toFixed(0)} ms, p95 ${quantile(values, 0.95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms (${values.length} cases)`;
  console.log(line('path 3 (timer task): workflow task completed → task row visible', byReconciler));
  console.log(line('path 2 (completion): answer → next task row visible (confirmed before the answer returns)', byAnswer));
} finally {
  await engine.stop();
  await server.stop();
}
