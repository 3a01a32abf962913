// Timer start events on a real Temporal server: deploying a process whose start event is a cycle
// creates a schedule that starts a case at each firing (once per firing, at that start event);
// deploying a version without the event removes the schedule; a date already past starts nothing
// and says so in the deploy's warnings.
import { readFileSync } from 'node:fs';
import { ScheduleNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timerStartScheduleId } from '../../api/definitions/timer-start-schedules.ts';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const cycleXml = readFileSync(new URL('./fixtures/timer-start.bpmn', import.meta.url), 'utf8');
const withoutTimerXml = cycleXml.replace(/<bpmn:timerEventDefinition[\s\S]*?<\/bpmn:timerEventDefinition>/, '');
const pastDateXml = cycleXml.replace('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R2/PT2S</bpmn:timeCycle>', '<bpmn:timeDate xsi:type="bpmn:tFormalExpression">2020-01-01T09:00:00Z</bpmn:timeDate>');

describe('timer start events', () => {
  let casemap: TestCasemap;
  let designer: UserClient;
  const casesOf = (definitionId: string) => casemap.db.query<{ id: string }>('SELECT id FROM cases WHERE definition_id = $1 ORDER BY id', [definitionId]);

  beforeAll(async () => {
    casemap = await startTestCasemap();
    designer = await casemap.as('designer');
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it('starts a case at each firing of a cycle, and stops when a version without the event is deployed', async () => {
    // when a process whose start event fires twice, two seconds apart, is deployed
    const deployed = await designer.post('/api/definitions/deploy', { id: 'removals-review', xml: cycleXml }).expect(201);
    const scheduleId = timerStartScheduleId('removals-review', 'Start_timer');
    expect(deployed.body.timerStartSchedules).toEqual([scheduleId]);

    // then two cases start, each at the timer start event, each with its review task
    const cases = await eventually(() => casesOf('removals-review'), (rows) => rows.length === 2, 30_000);
    const admin = await casemap.as('admin');
    for (const { id } of cases) {
      const detail = await eventually(
        () => admin.get(`/api/cases/${id}`).then((response) => response.body),
        (body) => body.timeline?.some((event: { kind: string }) => event.kind === 'task-ready'),
      );
      expect(detail.timeline.find((event: { kind: string }) => event.kind === 'case-started').data).toMatchObject({ startEventId: 'Start_timer', startedBy: 'timer' });
    }
    expect((await casemap.client.schedule.getHandle(scheduleId).describe()).state.remainingActions).toBe(0);

    // when a version without the timer start is deployed
    const second = await designer.post('/api/definitions/deploy', { id: 'removals-review', xml: withoutTimerXml }).expect(201);

    // then its schedule is gone
    expect(second.body.timerStartSchedules).toEqual([]);
    await expect(casemap.client.schedule.getHandle(scheduleId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });

  it('schedules nothing for a date already past, and says why in the warnings', async () => {
    // when
    const deployed = await designer.post('/api/definitions/deploy', { id: 'past-review', xml: pastDateXml }).expect(201);
    // then
    expect(deployed.body.timerStartSchedules).toEqual([]);
    expect(deployed.body.warnings).toContainEqual({ elementId: 'Start_timer', code: 'timer-start-not-scheduled', message: expect.stringMatching(/has already passed/) });
    await expect(casemap.client.schedule.getHandle(timerStartScheduleId('past-review', 'Start_timer')).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });
});
