import { describe, expect, it } from 'vitest';
import { csvHeader, guessDelimiter, guessMapping } from './csv-columns.ts';

describe('reading a CSV log header', () => {
  it("maps Casemap's own export without help", () => {
    const { columns } = csvHeader('case_id,activity,timestamp,lifecycle,resource,team,node_id\r\nc1,Refer,2026-01-05T00:00:00Z,complete,priya,prison,Task_refer\r\n', ',');
    expect(guessMapping(columns)).toEqual({ caseId: 'case_id', activity: 'activity', timestamp: 'timestamp', lifecycle: 'lifecycle', resource: 'resource', team: 'team' });
  });

  it('recognises PM4Py and spreadsheet names, with semicolons and quoted headers', () => {
    const text = '"case:concept:name";"concept:name";"time:timestamp";"org:resource"\n1;A;2026-01-05;x\n';
    expect(guessDelimiter(text)).toBe(';');
    const { columns } = csvHeader(text, ';');
    expect(guessMapping(columns)).toMatchObject({ caseId: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource', team: '' });
  });

  it('leaves roles it cannot place empty, for the analyst to choose', () => {
    expect(guessMapping(['Reference', 'What happened', 'When'])).toEqual({ caseId: '', activity: '', timestamp: '', lifecycle: '', resource: '', team: '' });
  });

  it('reports a header it cannot read', () => {
    expect(csvHeader('"case_id,activity\n', ',').error).toMatch(/never closed/);
  });
});
