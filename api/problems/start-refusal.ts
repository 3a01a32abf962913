// A refused case start (services/case-start.ts) as the problem the API answers: a version or start
// event that is not there is a 404 like any object out of sight, a person outside the starting
// teams a 403, and data the start form does not take a 422 naming each field at fault.
import type { StartRefusal } from '../../services/case-start.ts';
import { notFound, Problem } from './problem.ts';

export function startRefusalProblem(refusal: StartRefusal): Problem {
  switch (refusal.code) {
    case 'version-not-deployed':
      return notFound(`A deployed version of process ${refusal.definitionId}`);
    case 'start-event-not-found':
      return notFound(`Start event ${refusal.startEventId} of process ${refusal.definitionId}`);
    case 'not-a-starting-team': {
      const teams = refusal.startingTeams;
      return new Problem('forbidden', `Cases of ${refusal.processName} are started by ${teams.join(', ')}; you are not a member of ${teams.length === 1 ? 'it' : 'any of them'}.`);
    }
    case 'start-takes-no-data':
      return new Problem('invalid-form-data', `${refusal.processName} has no start form, so a case of it starts with no data.`, refusal.fields.map((field) => ({ field, message: 'The start event has no form field of this name' })));
    case 'start-data-invalid':
      return new Problem('invalid-form-data', `The case data does not fit the start form of ${refusal.processName}.`, [...refusal.issues]);
  }
}
