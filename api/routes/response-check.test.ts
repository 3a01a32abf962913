// The response check: a body that strays from its route's schema is refused loudly and recorded.
import { describe, expect, it } from 'vitest';
import { CaseRecord } from '../../domain/contract/case-record.ts';
import { checkResponse, responseChecksOn, responseViolations } from './response-check.ts';

const row = { id: 'c-1', definitionId: 'assessment', version: 1, workflowId: 'case-c-1', status: 'running', ownerTeam: 'fno-returns', ownerUser: null, data: {}, startedBy: 'tom', startedAt: new Date('2026-03-01T09:00:00Z'), endedAt: null, updatedAt: '2026-03-01T09:00:00.000Z', access: 'full' };

describe('checkResponse', () => {
  it('accepts a body that matches once it is JSON (a Date goes out as a string)', () => {
    expect(() => checkResponse('get /cases/:caseId', CaseRecord, row)).not.toThrow();
  });

  it('refuses with a 500 naming the field at fault, and records the violation', () => {
    const before = responseViolations.length;
    expect(() => checkResponse('get /cases/:caseId', CaseRecord, { ...row, access: 'partial' })).toThrow(expect.objectContaining({ status: 500, detail: expect.stringContaining('access') }));
    expect(responseViolations.slice(before)).toEqual([{ route: 'get /cases/:caseId', issues: [expect.objectContaining({ path: 'access' })] }]);
  });
});

describe('responseChecksOn', () => {
  it('is off unless CASEMAP_CHECK_RESPONSES is set to something other than false', () => {
    expect(responseChecksOn({})).toBe(false);
    expect(responseChecksOn({ CASEMAP_CHECK_RESPONSES: 'false' })).toBe(false);
    expect(responseChecksOn({ CASEMAP_CHECK_RESPONSES: 'true' })).toBe(true);
  });
});
