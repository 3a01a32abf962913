// Records the Temporal histories of finished cases (one per executable construct family) into
// tests/replay/histories/, for tests/replay/replay.test.ts to replay against today's workflow code.
// Run after a deliberate, replay-safe change to the interpreter: npx tsx tests/replay/record-histories.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { bpmnError } from '../../activities/service-handlers/bpmn-error.ts';
import { startTemporalDevServer } from '../../runtime/temporal-dev-server.ts';
import { EngineHarness, eventually, fixture, quietRuntime } from '../engine/support/engine-harness.ts';

const historiesDir = fileURLToPath(new URL('./histories', import.meta.url));

type Scenario = (engine: EngineHarness) => Promise<Record<string, string>>;

const scenarios: Record<string, Scenario> = {
  async 'exclusive-gateway'(engine) {
    const { caseId } = await engine.startCase('Process_exclusive', { score: 6, nationality: 'NG' });
    return { 'exclusive-gateway': caseId };
  },
  async 'parallel-user-tasks'(engine) {
    const { caseId } = await engine.startCase('Process_parallel');
    await engine.completeStep(caseId, 'Task_risk', { risk: 'high' });
    await engine.completeStep(caseId, 'Task_escort', { escorts: 2 });
    await engine.completeStep(caseId, 'Task_book');
    return { 'parallel-user-tasks': caseId };
  },
  async 'inclusive-gateway'(engine) {
    const { caseId } = await engine.startCase('Process_inclusive', { asylumClaim: true, appealLodged: false });
    await engine.completeStep(caseId, 'Task_asylum');
    return { 'inclusive-gateway': caseId };
  },
  async 'service-error-boundary'(engine) {
    const ok = await engine.startCase('Process_service_error', { documentValid: true });
    const failed = await engine.startCase('Process_service_error', { documentValid: false });
    await engine.completeStep(failed.caseId, 'Task_new_document');
    return { 'service-task': ok.caseId, 'service-error-boundary': failed.caseId };
  },
  async 'event-gateway'(engine) {
    const message = await engine.startCase('Process_event_gateway');
    const timer = await engine.startCase('Process_event_gateway');
    await engine.message(message.caseId, 'Documents received', { documents: 1 });
    return { 'event-gateway-message': message.caseId, 'event-gateway-timer': timer.caseId };
  },
  async 'intermediate-and-receive'(engine) {
    const intermediate = await engine.startCase('Process_intermediate');
    const receive = await engine.startCase('Process_receive', { prisonNumber: 'A1' });
    await engine.message(receive.caseId, 'Travel document issued', {}, 'B2');
    await engine.message(receive.caseId, 'Travel document issued', { documentId: 'ETD' }, 'A1');
    await eventually(() => engine.view(intermediate.caseId), (view) => view.waitingFor.length === 1);
    await engine.message(intermediate.caseId, 'Flight confirmed', { flight: 'BA1' });
    const sendManual = await engine.startCase('Process_send_manual');
    return { 'intermediate-timer-message': intermediate.caseId, 'receive-task': receive.caseId, 'send-and-manual-task': sendManual.caseId };
  },
  async 'boundary-events'(engine) {
    const timers = await engine.startCase('Process_boundary_timers');
    await engine.waitForTask(timers.caseId, 'Task_chase');
    await engine.completeStep(timers.caseId, 'Task_book');
    await engine.completeStep(timers.caseId, 'Task_chase');
    const message = await engine.startCase('Process_message_boundary');
    await engine.message(message.caseId, 'Asylum claim raised', {});
    await engine.completeStep(message.caseId, 'Task_claim');
    return { 'boundary-timers': timers.caseId, 'message-boundary': message.caseId };
  },
  async 'scopes'(engine) {
    const escalation = await engine.startCase('Process_escalation');
    await engine.completeStep(escalation.caseId, 'Task_assess');
    await engine.completeStep(escalation.caseId, 'Task_alert');
    await engine.completeStep(escalation.caseId, 'Task_escort');
    const terminate = await engine.startCase('Process_terminate');
    await engine.completeStep(terminate.caseId, 'Task_withdraw');
    const parent = await engine.startCase('Process_parent');
    const [child] = await eventually(
      () => engine.db.query<{ id: string }>('SELECT id FROM cases WHERE id LIKE $1', [`${parent.caseId}.%`]),
      (rows) => rows.length === 1,
    );
    await engine.completeStep(child!.id, 'Task_apply');
    await engine.completeStep(parent.caseId, 'Task_book');
    return { 'escalation-sub-process': escalation.caseId, 'terminate-end': terminate.caseId, 'call-activity-parent': parent.caseId, 'call-activity-child': child!.id };
  },
  async 'deadlines'(engine) {
    const { caseId } = await engine.startCase('Process_deadlines');
    await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.includes('sla-breached'));
    await engine.completeStep(caseId, 'Task_refer', {}, { userId: 'priya', teams: ['prison-casework'], leadOf: [], roles: [] });
    await eventually(() => engine.lifecycle(caseId), (kinds) => kinds.includes('handoff-overdue'));
    await engine.completeStep(caseId, 'Task_decide', {}, { userId: 'tom', teams: ['fno-returns'], leadOf: [], roles: [] });
    return { 'sla-and-handoff': caseId };
  },
};

const fixtures = ['exclusive', 'parallel', 'inclusive', 'service-error', 'event-gateway', 'intermediate-events', 'receive-task', 'send-and-manual', 'boundary-timers', 'message-boundary', 'escalation', 'terminate', 'call-parent', 'deadlines'];

async function main(): Promise<void> {
  quietRuntime();
  const server = await startTemporalDevServer();
  const engine = await EngineHarness.start({
    address: server.address,
    serviceHandlers: {
      'check-travel-document': async ({ input }) => {
        if (input.documentValid === false) throw bpmnError('DOCUMENT_INVALID', 'The travel document has expired.');
        return { documentCheckedBy: 'document-service' };
      },
      stamp: async () => ({ applicationRecorded: true }),
    },
  });
  try {
    for (const name of fixtures) await engine.deploy(fixture(`${name}.bpmn`));
    await engine.deploy(fixture('call-child.bpmn'), 'Process_called');
    const recorded = Object.assign({}, ...(await Promise.all(Object.values(scenarios).map((scenario) => scenario(engine))))) as Record<string, string>;
    mkdirSync(historiesDir, { recursive: true });
    for (const file of readdirSync(historiesDir).filter((name) => name.endsWith('.json'))) rmSync(join(historiesDir, file));
    for (const [name, caseId] of Object.entries(recorded)) {
      const view = await engine.result(caseId);
      const handle = engine.handle(caseId);
      const history = await handle.fetchHistory();
      writeFileSync(join(historiesDir, `${name}.json`), `${JSON.stringify({ workflowId: handle.workflowId, status: view.status, history: JSON.parse(historyToJSON(history)) }, null, 1)}\n`);
      console.log(`${name}: ${history.events?.length ?? 0} events, case ${view.status}`);
    }
  } finally {
    await engine.stop();
    await server.stop();
  }
}

await main();
