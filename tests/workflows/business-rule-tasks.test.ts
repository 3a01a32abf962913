// DMN business rule tasks on a real Temporal server: a decision with a required decision, then a
// COLLECT SUM table after a worker restart (the case is rebuilt from history), then a replay of
// the finished case's history on today's workflow code.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../domain/compile/compile.ts';
import { attachDecisions } from '../../domain/deploy/attach-decisions.ts';
import { dmnXml } from '../../domain/dmn/dmn-xml.testing.ts';
import { caseWorkflowBundle } from '../../runtime/case-worker.ts';
import { deployVersion } from '../../storage/definition-store.ts';
import { EngineHarness, fixture } from './support/engine-harness.ts';

const decisions = dmnXml([
  { id: 'months', name: 'Months', expression: 'sentenceYears * 12' },
  { id: 'band', name: 'Band', inputs: ['Months'], outputs: ['band'], rules: [['< 12', '"short"'], ['[12..48]', '"medium"'], ['> 48', '"long"']], requires: ['months'] },
  { id: 'points', name: 'Points', hitPolicy: 'COLLECT', aggregation: 'SUM', inputs: ['band', 'deportationOrder'], outputs: ['points'], rules: [['"medium","long"', '-', '10'], ['-', 'true', '5'], ['"short"', '-', '1']] },
]);

describe('business rule tasks on a real Temporal server', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.start();
    const xml = fixture('business-rule-tasks.bpmn');
    const compiled = await compile(xml);
    const attached = await attachDecisions(compiled.ir, [{ xml: decisions }]);
    if (!attached.ok) throw new Error(attached.errors.map((error) => error.message).join('; '));
    await deployVersion(engine.db, { definitionId: 'Process_business_rules', name: 'Business rule tasks', xml, ir: attached.ir });
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('decides with the deployed tables, survives a worker restart, records each evaluation and replays', async () => {
    // given a case whose first step decides its band from a required decision
    const { caseId, handle, next } = await engine.startCase('Process_business_rules', { sentenceYears: 3 });
    expect(next.opened.map((task) => task.nodeId)).toEqual(['Task_record_order']);
    expect((await engine.view(caseId)).data).toMatchObject({ band: 'medium' });

    // when the worker restarts and the caseworker records a deportation order
    await engine.stopWorker();
    await engine.startWorker();
    const afterOrder = await engine.completeStep(caseId, 'Task_record_order', { deportationOrder: true });

    // then the second table collects the points of every matching rule
    expect(afterOrder.opened.map((task) => task.nodeId)).toEqual(['Task_confirm']);
    expect((await engine.view(caseId)).data).toMatchObject({ band: 'medium', points: 15 });
    await engine.completeStep(caseId, 'Task_confirm');
    expect((await engine.result(caseId)).status).toBe('completed');

    // and each evaluation is in the case log, with the rules that matched
    const evaluated = (await engine.events(caseId)).filter((event) => event.kind === 'decision-evaluated');
    expect(evaluated.map((event) => [event.nodeId, event.data])).toEqual([
      ['Decide_band', expect.objectContaining({ decisionId: 'band', output: 'medium', matchedRules: [{ ruleId: 'band-rule-2', index: 2 }], required: [expect.objectContaining({ decisionId: 'months', output: 36 })] })],
      ['Decide_points', expect.objectContaining({ decisionId: 'points', output: 15, matchedRules: [{ ruleId: 'points-rule-1', index: 1 }, { ruleId: 'points-rule-2', index: 2 }] })],
    ]);

    // and its whole history replays on today's workflow code
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: await caseWorkflowBundle(), replayName: 'business-rule-tasks' }, history)).resolves.toBeUndefined();
  }, 120_000);
});
