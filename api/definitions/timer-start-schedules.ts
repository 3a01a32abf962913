// Timer start events run as Temporal schedules: one per top-level timer start event of a process's
// latest deployed version, each firing starting `timerStartWorkflow` (which starts the case). A
// deploy brings the schedules in line with the new version: new or changed events are (re)created,
// events the new version no longer has lose their schedule. Safe to repeat: a redeploy heals it.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { planTimerStarts, type TimerStartPlan, type TimerStartSkipped } from '../../domain/deploy/timer-start-plan.ts';
import type { DeployedVersion } from '../../domain/contract/definition.ts';
import { timerStartWorkflowIdPrefix, type TimerStartInput } from '../../workflows/timer-start-workflow.ts';

/** Long enough that a single firing cannot repeat before its one allowed action is used up. */
const ONCE_EVERY_MS = 24 * 60 * 60 * 1000;

const scheduleIdPrefix = (definitionId: string) => `casemap-timer-start:${definitionId}:`;
export const timerStartScheduleId = (definitionId: string, startEventId: string) => `${scheduleIdPrefix(definitionId)}${startEventId}`;

export interface TimerStartSync {
  scheduled: string[];
  removed: string[];
  skipped: TimerStartSkipped[];
}

function scheduleFor(version: DeployedVersion, plan: TimerStartPlan, taskQueue: string): ScheduleOptions {
  const everyMs = plan.everyMs ?? ONCE_EVERY_MS;
  const firstMs = Date.parse(plan.firstAt);
  const input: TimerStartInput = { definitionId: version.definitionId, version: version.version, ir: version.ir, data: {}, startedBy: 'timer', startEventId: plan.startEventId };
  return {
    scheduleId: timerStartScheduleId(version.definitionId, plan.startEventId),
    // Interval times are counted from the epoch plus the offset, so the offset puts a firing on
    // the planned first instant; nothing fires before it.
    spec: { intervals: [{ every: everyMs, offset: firstMs % everyMs }], startAt: new Date(firstMs) },
    action: { type: 'startWorkflow', workflowType: 'timerStartWorkflow', workflowId: timerStartWorkflowIdPrefix(version.definitionId, plan.startEventId), taskQueue, args: [input] },
    // Each firing is its own case, even if the previous one is still starting.
    policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL },
    state: { note: `${version.definitionId} version ${version.version}, start event ${plan.startEventId}`, ...(plan.times === null ? {} : { remainingActions: plan.times }) },
  };
}

export async function syncTimerStartSchedules(client: Client, taskQueue: string, version: DeployedVersion, now: Date = new Date()): Promise<TimerStartSync> {
  const { plans, skipped } = planTimerStarts(version.ir, now.toISOString());
  const scheduled: string[] = [];
  for (const plan of plans) {
    const options = scheduleFor(version, plan, taskQueue);
    try {
      await client.schedule.create(options);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      const { scheduleId: _id, ...update } = options;
      await client.schedule.getHandle(options.scheduleId).update(() => ({ ...update, state: update.state ?? {} }));
    }
    scheduled.push(options.scheduleId);
  }
  const removed: string[] = [];
  const prefix = scheduleIdPrefix(version.definitionId);
  for await (const summary of client.schedule.list()) {
    if (!summary.scheduleId.startsWith(prefix) || scheduled.includes(summary.scheduleId)) continue;
    await client.schedule.getHandle(summary.scheduleId).delete();
    removed.push(summary.scheduleId);
  }
  return { scheduled, removed, skipped };
}
