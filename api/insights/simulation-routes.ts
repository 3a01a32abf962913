// POST /insights/simulate: a lead's what-if — the process version run forward from its own history
// under the baseline and up to four scenarios (staff per team, arrivals, a step removed).
import type { Router } from 'express';
import type { Database } from '../../services/database.ts';
import { simulateFromHistory } from '../../services/simulation.ts';
import { SimulationAnswer, SimulationRequest } from '../../domain/contract/simulation.ts';
import { notFound, Problem } from '../problems/problem.ts';
import type { RouteTable } from '../routes/route.ts';
import { DefinitionId, Instant, VersionNumber } from '../../domain/contract/request-fields.ts';

const SimulateBody = SimulationRequest.extend({ definitionId: DefinitionId, version: VersionNumber.optional(), historyFrom: Instant.optional(), historyTo: Instant.optional() });

export function simulationRoutes(table: RouteTable, router: Router, db: Database): void {
  table.add(
    router,
    {
      method: 'post',
      path: '/insights/simulate',
      summary: 'Simulate a process forward from its history: the baseline and what-if scenarios side by side',
      tag: 'insights',
      rule: 'insights.read',
      body: SimulateBody,
      response: SimulationAnswer,
    },
    async ({ body }) => {
      const outcome = await simulateFromHistory(db, body, Date.now());
      if (outcome.kind === 'no-process') throw notFound(`Process ${body.definitionId}${body.version === undefined ? '' : ` version ${body.version}`}`);
      if (outcome.kind === 'no-history') {
        throw new Problem('cannot-simulate', `Process ${body.definitionId} has no cases in the history asked for, so there is nothing to fit a simulation to.`, [
          { field: 'body.definitionId', message: 'no cases in this history', code: 'custom' },
        ]);
      }
      if (outcome.kind === 'too-large') throw new Problem('cannot-simulate', outcome.message, [{ field: 'body.weeks', message: 'too much to simulate at once', code: 'custom' }]);
      return outcome.answer;
    },
  );
}
