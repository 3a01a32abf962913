import { describe, expect, it } from 'vitest';
import { progressByElement } from './progress-markers.ts';
import type { CaseEvent, CaseTask } from '../api/get-case.ts';

let seq = 0;
const event = (kind: CaseEvent['kind'], nodeId?: string): CaseEvent => ({ seq: ++seq, id: `e${seq}`, kind, nodeId: nodeId ?? null, taskId: null, team: null, actor: null, at: '2026-01-05T09:00:00Z', data: {} });
const task = (nodeId: string, status: CaseTask['status']): CaseTask => ({
  id: `c:${nodeId}`,
  caseId: 'c',
  nodeId,
  name: nodeId,
  team: 't',
  role: null,
  assignee: null,
  status,
  form: [],
  handoffFrom: null,
  acceptBy: null,
  acceptedAt: null,
  dueAt: null,
  priority: 0,
  createdAt: '2026-01-05T09:00:00Z',
  claimedAt: null,
  completedAt: null,
  completedBy: null,
});

describe('progressByElement', () => {
  it('marks completed elements done, open tasks active and other entered elements waiting', () => {
    // given a case past its start, with a task open and a receive step entered
    const timeline = [event('case-started'), event('element-entered', 'Start'), event('element-completed', 'Start'), event('element-entered', 'Task_decide'), event('element-entered', 'Receive_reply')];
    // when
    const progress = progressByElement(timeline, [task('Task_decide', 'open')]);
    // then
    expect(Object.fromEntries(progress)).toEqual({ Start: 'done', Task_decide: 'active', Receive_reply: 'waiting' });
  });

  it('shows a step entered again after it was done as in progress', () => {
    const timeline = [event('element-entered', 'Task_a'), event('element-completed', 'Task_a'), event('element-entered', 'Task_a')];
    expect(progressByElement(timeline, [task('Task_a', 'claimed')]).get('Task_a')).toBe('active');
  });

  it('does not mark a cancelled step as waiting', () => {
    const timeline = [event('element-entered', 'Task_a'), event('element-cancelled', 'Task_a')];
    expect(progressByElement(timeline, [task('Task_a', 'cancelled')]).has('Task_a')).toBe(false);
  });
});
