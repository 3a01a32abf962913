// The demo caseworkers' choices: valid for every form of the sample library, repeatable, and
// leaving the cases meant to stall with deadlines already passed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../domain/compile/compile.ts';
import { validateFormData } from '../domain/forms/validate-form-data.ts';
import { formDataFor, messageDelayHours, scenarioFor, seededRandom, stallsAt, stepTiming, type FormContext } from './demo-load-plan.ts';

const NOW = new Date('2026-11-25T09:00:00Z');
const library = await Promise.all(
  ['fno-returns-casework', 'removals-logistics'].map(async (id) => (await compile(readFileSync(new URL(`../processes/${id}.bpmn`, import.meta.url), 'utf8'))).ir),
);
const userTasks = library.flatMap((ir) => ir.nodes.filter((node) => node.kind === 'userTask'));

const context = (nodeId: string, taskKey: string, extra: Partial<FormContext> = {}): FormContext => ({
  nodeId, caseData: {}, scenario: 'runs-to-the-end', taskKey, rootCaseId: 'case-1', now: NOW, hourMs: 20, removalCancelled: false, ...extra,
});

describe('the demo load plan', () => {
  it('fills every step of the sample library with data its form accepts, whatever the draw', () => {
    const refused: string[] = [];
    for (const task of userTasks) {
      for (let n = 0; n < 40; n += 1) {
        const data = formDataFor(task.form, context(task.id, `case-${n}:${task.id}`));
        const result = validateFormData(task.form, data);
        if (!result.ok) refused.push(`${task.id}: ${JSON.stringify(result.issues)}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('makes the same choices for the same task, so a restarted load behaves alike', () => {
    const decide = userTasks.find((task) => task.id === 'Task_decide')!;
    expect(formDataFor(decide.form, context('Task_decide', 'c7:t3'))).toEqual(formDataFor(decide.form, context('Task_decide', 'c7:t3')));
    expect(stepTiming('Task_decide', 'c7:t3')).toEqual(stepTiming('Task_decide', 'c7:t3'));
    const draws = Array.from({ length: 1000 }, seededRandom('x'));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  it('keys the same personal details again at a later step, as the inspection found', () => {
    const application = userTasks.find((task) => task.id === 'Task_etd_application')!;
    const data = formDataFor(application.form, context(application.id, 'k', { caseData: { surname: 'Hoxha', nationality: 'Albania' } }));
    expect(data).toMatchObject({ surname: 'Hoxha', nationality: 'Albania', embassy: 'High Commission of Albania' });
  });

  it('gives stalled cases an ERS date so close that the decision deadline (ERS − 90 days) has passed', () => {
    expect(stallsAt[scenarioFor(2)]).toBe('Task_decide');
    expect(scenarioFor(0)).toBe('runs-to-the-end');
    const refer = userTasks.find((task) => task.id === 'Task_refer')!;
    for (let n = 0; n < 20; n += 1) {
      const ers = formDataFor(refer.form, context('Task_refer', `s${n}`, { scenario: 'stalls-before-decision' })).ersEligibilityDate as string;
      expect(Date.parse(ers) - 90 * 86_400_000).toBeLessThan(NOW.getTime());
      const normal = formDataFor(refer.form, context('Task_refer', `s${n}`)).ersEligibilityDate as string;
      expect(Date.parse(normal) - 90 * 86_400_000).toBeGreaterThan(NOW.getTime());
    }
  });

  it('records a failed removal with a reason from the 2015 response, and the case owner repeats it', () => {
    const departure = userTasks.find((task) => task.id === 'Task_departure')!;
    const update = userTasks.find((task) => task.id === 'Task_update_record')!;
    const outcomes = Array.from({ length: 200 }, (_, n) => formDataFor(departure.form, context('Task_departure', `d${n}`)));
    const failed = outcomes.filter((data) => data.removalOutcome === 'failed');
    expect(failed.length).toBeGreaterThan(10);
    expect(failed.every((data) => typeof data.failureReason === 'string')).toBe(true);
    expect(outcomes.filter((data) => data.removalOutcome === 'removed').every((data) => data.failureReason === undefined)).toBe(true);
    const repeated = formDataFor(update.form, context('Task_update_record', 'u', { caseData: { removalOutcome: 'failed', failureReason: 'documentation-problem' } }));
    expect(repeated).toEqual({ removalOutcome: 'failed', failureReason: 'documentation-problem', failureInHomeOfficeControl: true });
    const cancelled = formDataFor(update.form, context('Task_update_record', 'u', { removalCancelled: true }));
    expect(cancelled).toEqual({ removalOutcome: 'cancelled', failureReason: 'late-judicial-review', failureInHomeOfficeControl: false });
  });

  it('cancels few removals late, and always answers appeals and travel document applications', () => {
    const cancellations = Array.from({ length: 500 }, (_, n) => messageDelayHours('Removal cancelled', `c${n}`)).filter((hours) => hours !== null);
    expect(cancellations.length).toBeGreaterThan(10);
    expect(cancellations.length).toBeLessThan(100);
    expect(messageDelayHours('Travel document issued', 'c1')).toBeGreaterThan(0);
  });

  it('withdraws only the cases planned to be withdrawn, about one in ten, none of them meant to stall', () => {
    const plans = Array.from({ length: 100 }, (_, index) => scenarioFor(index));
    const withdrawn = plans.filter((scenario) => scenario === 'withdrawn');
    expect(withdrawn.length).toBeGreaterThanOrEqual(5);
    expect(withdrawn.length).toBeLessThanOrEqual(15);
    expect(stallsAt.withdrawn).toBeUndefined();
    expect(messageDelayHours('Case withdrawn', 'c1', 'withdrawn')).toBeGreaterThan(0);
    expect(messageDelayHours('Case withdrawn', 'c1', 'runs-to-the-end')).toBeNull();
    expect(messageDelayHours('Case withdrawn', 'c1', 'stalls-before-decision')).toBeNull();
  });

  it('names none, one or a few dependants at case creation, so some cases check each of several', () => {
    const create = userTasks.find((task) => task.id === 'Task_create_case')!;
    const counts = Array.from({ length: 200 }, (_, n) => {
      const names = formDataFor(create.form, context('Task_create_case', `k${n}`, { caseData: { surname: 'Nowak' } })).dependantNames as string;
      return names === '' ? 0 : names.split(', ').length;
    });
    expect(new Set(counts)).toEqual(new Set([0, 1, 2, 3]));
    expect(formDataFor(create.form, context('Task_create_case', 'k1', { caseData: { surname: 'Nowak' } })).dependantNames).toMatch(/^$|Nowak/);
  });
});
