// Outages of the database are answered 503 with a retry hint, never 500: the client may retry.
import { describe, expect, it } from 'vitest';
import { ServiceError } from '@temporalio/client';
import { fromDatabaseOutage, fromTemporal } from './problem-handler.ts';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('fromDatabaseOutage', () => {
  it.each([
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a server shutting down', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
  ])('reports %s as database-unavailable (503)', (_what, error) => {
    expect(fromDatabaseOutage(error)).toMatchObject({ code: 'database-unavailable', status: 503 });
  });

  it('leaves other database errors (a constraint, a syntax error) to the 500 path', () => {
    expect(fromDatabaseOutage(pgError('23505', 'duplicate key value violates unique constraint'))).toBeUndefined();
    expect(fromDatabaseOutage(pgError('42601', 'syntax error at or near "SELEC"'))).toBeUndefined();
    expect(fromDatabaseOutage('not an error')).toBeUndefined();
  });
});

describe('fromTemporal', () => {
  // What the client throws when the case's last workflow task failed (seen in a reliability run
  // with a worker killed mid-task): the Update was never admitted.
  const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details });

  it('reports an Update refused because the workflow task failed as temporal-unavailable (503), not a 500', () => {
    const error = new ServiceError('Workflow Update failed', { cause: grpcError(9, 'Unable to perform workflow execution update due to Workflow Task in failed state.') });
    expect(fromTemporal(error)).toMatchObject({ code: 'temporal-unavailable', status: 503 });
  });

  it('reports a case start whose operations Temporal aborted together as temporal-unavailable (503), as thrown or wrapped', () => {
    // As the API logged it in a reliability run, right after a kill -9 and restart of the Temporal server.
    const aborted = grpcError(9, 'Update-with-Start could not be executed.');
    expect(fromTemporal(aborted)).toMatchObject({ code: 'temporal-unavailable', status: 503 });
    expect(fromTemporal(new ServiceError('Update-With-Start failed', { cause: aborted }))).toMatchObject({ code: 'temporal-unavailable', status: 503 });
  });

  it('leaves other failed preconditions to the 500 path', () => {
    expect(fromTemporal(new ServiceError('Workflow Update failed', { cause: grpcError(9, 'something else entirely') }))).toBeUndefined();
  });
});
