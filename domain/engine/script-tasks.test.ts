import { describe, expect, it } from 'vitest';
import { Driver } from './engine-driver.testing.ts';
import { ir, team } from './ir-builder.testing.ts';

const scripted = (expression: string, resultVariable = 'result') =>
  ir()
    .node('s', 'startEvent').node('calc', 'scriptTask', { name: 'Work out ERS date', script: { expression, resultVariable } })
    .node('a', 'userTask', { owner: team('A') }).node('e', 'endEvent')
    .seq('s', 'calc', 'a', 'e')
    .build();

describe('FEEL script tasks', () => {
  it('stores the value of its expression over case data in its result variable and moves on', () => {
    const run = new Driver(scripted('count(dependants) + 1', 'people'), { dependants: ['Ana', 'Ben'] });
    expect(run.state.data.people).toBe(3);
    expect(run.waitingAt()).toEqual(['a']);
    expect(run.entered()).toEqual(['s', 'calc', 'a']);
  });

  it('stores dates as ISO text, using the step time for today()', () => {
    const run = new Driver(scripted('date(releaseDate) - duration("P10D")', 'ersDate'), { releaseDate: '2026-06-30' });
    expect(run.state.data.ersDate).toBe('2026-06-20');
  });

  it('stores lists and contexts as plain case data', () => {
    const run = new Driver(scripted('{ adults: dependants[age >= 18].name, total: count(dependants) }', 'summary'), {
      dependants: [{ name: 'Ana', age: 19 }, { name: 'Ben', age: 7 }],
    });
    expect(run.state.data.summary).toEqual({ adults: ['Ana'], total: 2 });
  });

  it('lets the next condition read the value it set', () => {
    const process = ir()
      .node('s', 'startEvent').node('calc', 'scriptTask', { script: { expression: 'months >= 12', resultVariable: 'longSentence' } })
      .node('g', 'exclusiveGateway', { defaultFlow: 'short' }).node('long', 'userTask', { owner: team('A') }).node('e', 'endEvent')
      .seq('s', 'calc', 'g').flow('g', 'long', { condition: 'longSentence' }).flow('g', 'e', { id: 'short' })
      .build();
    expect(new Driver(process, { months: 14 }).waitingAt()).toEqual(['long']);
    expect(new Driver(process, { months: 3 }).state.status).toBe('completed');
  });

  it('fails the case, naming the step, when the expression cannot be evaluated', () => {
    const run = new Driver(scripted('count('));
    expect(run.state.status).toBe('failed');
    expect(run.state.failure).toMatchObject({ nodeId: 'calc' });
    expect(run.state.failure?.reason).toMatch(/^The script of "Work out ERS date" \(calc\) could not be evaluated/);
  });

  it('stops an expression over the work budget instead of running it', () => {
    const run = new Driver(scripted('for i in 1..100000000 return i'));
    expect(run.state.status).toBe('failed');
    expect(run.state.failure?.reason).toMatch(/Casemap stopped evaluating it/);
  });

  it('fails rather than store a function as case data', () => {
    const run = new Driver(scripted('function(x) x + 1'));
    expect(run.state.failure?.reason).toMatch(/cannot be stored as case data/);
  });

  it('still passes a script task without a FEEL script straight through (the compiler refuses it for execution)', () => {
    const process = ir().node('s', 'startEvent').node('calc', 'scriptTask').node('a', 'userTask', { owner: team('A') }).seq('s', 'calc', 'a').build();
    expect(new Driver(process).waitingAt()).toEqual(['a']);
  });
});
