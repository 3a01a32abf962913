import { describe, expect, it } from 'vitest';
import { completionSegments, type HistoryEventLike } from './completion-segments.ts';

/** A history event at `atMs` (epoch ms) carrying one attribute object. */
function event(eventId: number, atMs: number, attributes: Partial<HistoryEventLike>): HistoryEventLike {
  return { eventId, eventTime: { seconds: Math.floor(atMs / 1000), nanos: (atMs % 1000) * 1e6 }, ...attributes };
}
const wft = (id: number, scheduled: number, started: number, completed: number) => [
  event(id, scheduled, { workflowTaskScheduledEventAttributes: {} }),
  event(id + 1, started, { workflowTaskStartedEventAttributes: {} }),
  event(id + 2, completed, { workflowTaskCompletedEventAttributes: {} }),
];
const accepted = (id: number, at: number, name: string, updateId: string) => event(id, at, { workflowExecutionUpdateAcceptedEventAttributes: { acceptedRequest: { meta: { updateId }, input: { name } } } });
const completed = (id: number, at: number, updateId: string) => event(id, at, { workflowExecutionUpdateCompletedEventAttributes: { meta: { updateId } } });

// t = 1000: sent; the Update's workflow task 1010–1012–1020 schedules the projection write, which
// starts at 1025 and ends at 1065; the next workflow task 1066–1070–1078 completes the Update.
const withProjection: HistoryEventLike[] = [
  ...wft(1, 1010, 1012, 1020),
  accepted(4, 1020, 'completeTask', 'u1'),
  event(5, 1020, { activityTaskScheduledEventAttributes: { activityId: '7', workflowTaskCompletedEventId: 3 } }),
  event(6, 1025, { activityTaskStartedEventAttributes: { scheduledEventId: 5 } }),
  event(7, 1065, { activityTaskCompletedEventAttributes: { scheduledEventId: 5 } }),
  ...wft(8, 1066, 1070, 1078),
  completed(11, 1078, 'u1'),
];
const caller = { sentMs: 1000, answeredMs: 1083, visibleMs: 1090 };

describe('where the time of one Update goes', () => {
  it('splits an Update that waits for its projection write into admission, workflow tasks, the activity and the reply', () => {
    const result = completionSegments(withProjection, 'completeTask', 0, caller);
    expect(result.segments).toEqual({ admission: 10, workflowTaskWait: 6, workflowTaskRun: 16, activityDispatch: 5, activityRun: 40, activityToWorkflowTask: 1, reply: 5, inboxRead: 7 });
    expect(result).toMatchObject({ workflowTasks: 2, activities: 1, activityIds: ['7'], totalMs: 90 });
    expect(result.unaccountedMs).toBeCloseTo(0, 6);
  });

  it('counts one workflow task and no activity for an Update answered in the task that accepted it', () => {
    const bare = [...wft(1, 1010, 1011, 1015), accepted(4, 1015, 'completeTask', 'u1'), completed(5, 1015, 'u1')];
    const result = completionSegments(bare, 'completeTask', 0, { sentMs: 1000, answeredMs: 1018, visibleMs: 1018 });
    expect(result).toMatchObject({ workflowTasks: 1, activities: 0 });
    expect(result.segments).toMatchObject({ admission: 10, workflowTaskWait: 1, workflowTaskRun: 4, activityRun: 0, reply: 3, inboxRead: 0 });
  });

  it('picks the occurrence asked for among Updates of the same name and ignores other names', () => {
    const history = [
      ...wft(1, 1010, 1011, 1015),
      accepted(4, 1015, 'completeTask', 'u1'),
      completed(5, 1015, 'u1'),
      ...wft(6, 2010, 2011, 2015),
      accepted(9, 2015, 'claimTask', 'c2'),
      completed(10, 2015, 'c2'),
      ...wft(11, 3010, 3014, 3020),
      accepted(14, 3020, 'completeTask', 'u2'),
      completed(15, 3020, 'u2'),
    ];
    const result = completionSegments(history, 'completeTask', 1, { sentMs: 3000, answeredMs: 3021, visibleMs: 3021 });
    expect(result.segments).toMatchObject({ admission: 10, workflowTaskWait: 4, workflowTaskRun: 6 });
  });

  it('says which Update it could not find instead of guessing', () => {
    expect(() => completionSegments(withProjection, 'claimTask', 0, caller)).toThrow(/claimTask/);
  });
});
