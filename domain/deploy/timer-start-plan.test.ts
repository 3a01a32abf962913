// Timer start events read at deploy time: dates, durations and cycles into first firings and repeats.
import { describe, expect, it } from 'vitest';
import { compile } from '../compile/compile.ts';
import { planTimerStarts } from './timer-start-plan.ts';

const DEPLOYED_AT = '2026-11-25T08:00:00.000Z';

const withTimerStart = (kind: 'timeDate' | 'timeDuration' | 'timeCycle', value: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="https://casemap.dev/tests">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="Start_timer"><bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:startEvent id="Start_plain" />
  </bpmn:process>
</bpmn:definitions>`;

const plan = async (kind: 'timeDate' | 'timeDuration' | 'timeCycle', value: string) => planTimerStarts((await compile(withTimerStart(kind, value))).ir, DEPLOYED_AT);

describe('planTimerStarts', () => {
  it('starts one case at a future date, and none for the plain start event', async () => {
    expect(await plan('timeDate', '2026-12-01T09:00:00Z')).toEqual({ plans: [{ startEventId: 'Start_timer', firstAt: '2026-12-01T09:00:00.000Z', times: 1 }], skipped: [] });
  });

  it('starts one case a duration after the deploy', async () => {
    expect((await plan('timeDuration', 'PT72H')).plans).toEqual([{ startEventId: 'Start_timer', firstAt: '2026-11-28T08:00:00.000Z', times: 1 }]);
  });

  it('repeats a bounded cycle its count of times from its start, and an unbounded one for ever', async () => {
    expect((await plan('timeCycle', 'R3/2026-12-01T09:00:00Z/P1D')).plans).toEqual([{ startEventId: 'Start_timer', firstAt: '2026-12-01T09:00:00.000Z', everyMs: 86_400_000, times: 3 }]);
    expect((await plan('timeCycle', 'R/PT1H')).plans).toEqual([{ startEventId: 'Start_timer', firstAt: '2026-11-25T09:00:00.000Z', everyMs: 3_600_000, times: null }]);
  });

  it('says why it starts nothing for a past date, a FEEL timer or a sub-second cycle', async () => {
    expect((await plan('timeDate', '2026-01-01T09:00:00Z')).skipped).toEqual([{ startEventId: 'Start_timer', reason: expect.stringMatching(/already passed/) }]);
    expect((await plan('timeDate', '=ersDate')).skipped).toEqual([{ startEventId: 'Start_timer', reason: expect.stringMatching(/FEEL expression/) }]);
    expect((await plan('timeCycle', 'R5/PT0.5S')).skipped).toEqual([{ startEventId: 'Start_timer', reason: expect.stringMatching(/more often than once a second/) }]);
  });
});
