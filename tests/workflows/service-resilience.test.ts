// Service steps that fail or hang: the diagram's retry policy (ISO 8601 intervals) and a handler's
// own attempt timeout from the registry bring a second attempt; and a worker killed with SIGKILL
// while a handler runs stops heartbeating, so Temporal retries the step on a fresh worker after
// the heartbeat timeout (seconds) rather than after the attempt's whole start-to-close time.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { decodeTimeoutType } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectionActivities } from '../../activities/projection-activities.ts';
import { SERVICE_HANDLER_TIMED_OUT, type ServiceHandlerEntry } from '../../activities/service-handlers/registry.ts';
import type { ParentCall, ParentReply } from './support/crash-worker.ts';
import { EngineHarness, fixture } from './support/engine-harness.ts';

const workerScript = fileURLToPath(new URL('./support/crash-worker.ts', import.meta.url));

/** The attempt numbers of a case's runServiceTask activities, by the node that scheduled them. */
async function serviceAttempts(engine: EngineHarness, caseId: string) {
  const history = (await engine.handle(caseId).fetchHistory()).events ?? [];
  const scheduled = new Map(history.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'runServiceTask').map((event) => [String(event.eventId), event]));
  return history.flatMap((event) => {
    const started = event.activityTaskStartedEventAttributes;
    return started && scheduled.has(String(started.scheduledEventId)) ? [started] : [];
  });
}

describe('retries of a failing or hanging service step', () => {
  let engine: EngineHarness;
  const attempts = new Map<string, number>();
  const abortedAttempts: string[] = [];
  const count = (handler: string) => {
    attempts.set(handler, (attempts.get(handler) ?? 0) + 1);
    return attempts.get(handler)!;
  };
  const handlers: Record<string, ServiceHandlerEntry> = {
    'flaky-lookup': async () => {
      if (count('flaky-lookup') === 1) throw new Error('The prison record service did not answer.');
      return { recordFound: true };
    },
    'slow-booking': {
      attemptTimeout: '1 second',
      run: async (_request, { signal }) => {
        if (count('slow-booking') > 1) return { flightBooked: true };
        // The first attempt hangs until the registry gives up on it.
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        abortedAttempts.push('slow-booking');
        return {};
      },
    },
  };

  beforeAll(async () => {
    engine = await EngineHarness.start({ serviceHandlers: handlers });
    await engine.deploy(fixture('service-retry.bpmn'));
  });
  afterAll(async () => {
    await engine?.stop();
  });

  it('retries with the policy from the diagram and after the handler\'s own attempt timeout, then completes', async () => {
    const { caseId } = await engine.startCase('Process_service_retry');

    expect(await engine.result(caseId)).toMatchObject({ status: 'completed', data: { recordFound: true, flightBooked: true } });
    const [lookup, booking] = await serviceAttempts(engine, caseId);
    expect(lookup?.attempt).toBe(2);
    expect(lookup?.lastFailure?.message).toBe('The prison record service did not answer.');
    expect(booking?.attempt).toBe(2);
    expect(booking?.lastFailure?.applicationFailureInfo?.type).toBe(SERVICE_HANDLER_TIMED_OUT);
    expect(abortedAttempts).toEqual(['slow-booking']);
  });
});

describe('a worker killed mid service step', () => {
  let engine: EngineHarness;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    engine = await EngineHarness.start({ withoutWorker: true, serviceHandlers: { 'alert-contractor': async () => ({ contractorAlerted: true }) } });
    await engine.deploy(fixture('service-heartbeat.bpmn'));
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await engine?.stop();
  });

  it('retries the step on a fresh worker once the heartbeat stops, and the case completes', async () => {
    // given a worker in a child process whose contractor alert never answers: the test kills it instead
    const projection = createProjectionActivities(engine.db);
    child = fork(workerScript, [engine.address, engine.taskQueue], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const worker = child;
    const serviceCalled = new Promise<void>((resolve) => {
      worker.on('message', async (message: ParentCall | { type: 'ready' }) => {
        if (message.type === 'service') {
          worker.kill('SIGKILL');
          resolve();
          return;
        }
        if (message.type !== 'call') return;
        try {
          const value = await (projection[message.name] as (...args: unknown[]) => Promise<unknown>)(...message.args);
          if (worker.connected) worker.send({ type: 'result', id: message.id, value } satisfies ParentReply);
        } catch (error) {
          if (worker.connected) worker.send({ type: 'error', id: message.id, message: String(error) } satisfies ParentReply);
        }
      });
    });
    const [ready] = (await once(worker, 'message')) as [{ type: string }];
    expect(ready.type).toBe('ready');

    // when a case reaches the service step and the worker dies while the handler runs
    const started = engine.startCase('Process_service_heartbeat');
    await serviceCalled;
    await once(worker, 'exit');

    // then a fresh worker picks the step up again and the case completes with the handler's answer
    await engine.startWorker();
    const { caseId } = await started;
    expect(await engine.result(caseId)).toMatchObject({ status: 'completed', data: { contractorAlerted: true } });

    // and the retry was caused by the missed heartbeat, not by the attempt running out of time
    const serviceStarts = await serviceAttempts(engine, caseId);
    expect(serviceStarts).toHaveLength(1);
    const attempt = serviceStarts[0]!;
    expect(attempt.attempt).toBe(2);
    expect(decodeTimeoutType(attempt.lastFailure?.timeoutFailureInfo?.timeoutType)).toBe('HEARTBEAT');
    expect((await engine.events(caseId)).map((event) => event.kind).filter((kind) => !kind.startsWith('element-'))).toEqual(['case-started', 'case-completed']);
  });
});
