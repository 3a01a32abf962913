import { describe, expect, it } from 'vitest';
import { serverErrorsIn } from './server-error-kinds.ts';

describe('serverErrorsIn', () => {
  it('counts each logged 500 once, folding case ids in the url so one failure on many cases is one kind', () => {
    const stderr = [
      '--- api started at 2026-12-07T03:00:00.000Z (pid 1)',
      'POST /api/tasks/3f2a9c1e-0000-4000-8000-000000000001/complete: Error: boom',
      '    at somewhere (file.ts:1:1)',
      'POST /api/tasks/3f2a9c1e-0000-4000-8000-000000000002/complete: Error: boom',
      'GET /api/inbox?team=x: TypeError: nope',
      'a warning that is not a request line',
    ].join('\n');
    expect(serverErrorsIn(stderr)).toEqual({
      'POST /api/tasks/:id/complete: Error: boom': 2,
      'GET /api/inbox: TypeError: nope': 1,
    });
  });

  it('finds nothing in a log without request lines', () => {
    expect(serverErrorsIn('--- api started\nlistening on 3000\n')).toEqual({});
  });
});
