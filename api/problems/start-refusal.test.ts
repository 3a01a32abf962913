// A refused case start keeps the answer it had when the start threw problems: the same status,
// problem code and field at fault for each refusal the case start service can give.
import { describe, expect, it } from 'vitest';
import type { StartRefusal } from '../../services/case-start.ts';
import { startRefusalProblem } from './start-refusal.ts';

describe('a refused case start', () => {
  it('answers a process with no deployed version, or a start event it lacks, 404 like anything out of sight', () => {
    expect(startRefusalProblem({ code: 'version-not-deployed', definitionId: 'fno-returns' })).toMatchObject({ status: 404, code: 'not-found', detail: 'A deployed version of process fno-returns was not found, or you may not see it.' });
    expect(startRefusalProblem({ code: 'start-event-not-found', definitionId: 'fno-returns', startEventId: 'Start_referral' })).toMatchObject({ status: 404, code: 'not-found', detail: expect.stringContaining('Start event Start_referral of process fno-returns') });
  });

  it('answers a person outside the starting teams 403, naming the teams', () => {
    const one = startRefusalProblem({ code: 'not-a-starting-team', processName: 'FNO returns', startingTeams: ['fno-returns'] });
    expect(one).toMatchObject({ status: 403, code: 'forbidden', detail: 'Cases of FNO returns are started by fno-returns; you are not a member of it.' });
    expect(startRefusalProblem({ code: 'not-a-starting-team', processName: 'FNO returns', startingTeams: ['fno-returns', 'escorting'] }).detail).toMatch(/fno-returns, escorting; you are not a member of any of them/);
  });

  it('answers data a start takes no part of 422, naming each field sent', () => {
    const problem = startRefusalProblem({ code: 'start-takes-no-data', processName: 'FNO returns', fields: ['score', 'note'] });
    expect(problem).toMatchObject({ status: 422, code: 'invalid-form-data' });
    expect(problem.issues.map((issue) => issue.field)).toEqual(['score', 'note']);
  });

  it('answers data that does not fit the start form 422 with the form check\'s issues', () => {
    const refusal: StartRefusal = { code: 'start-data-invalid', processName: 'FNO returns', issues: [{ field: 'prisonNumber', message: 'Prison number is required' }] };
    expect(startRefusalProblem(refusal)).toMatchObject({ status: 422, code: 'invalid-form-data', issues: [{ field: 'prisonNumber', message: 'Prison number is required' }] });
  });
});
