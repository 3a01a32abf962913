// Case search by several data-field filters at once (`?data=field:op:value`, repeated): equality on
// text, numbers and booleans, ordering on numbers and ISO dates, nested fields, team visibility,
// and a precise 400 naming each malformed filter.
import { readFileSync } from 'node:fs';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

/**
 * The assessment, started by a message from another system: people start cases only through a
 * start form (flat, typed fields), but a system's message brings whatever JSON it holds, nested
 * and loosely typed, which is what these filters must cope with.
 */
const assessmentXml = readFileSync(new URL('../fixtures/one-lane-assessment.bpmn', import.meta.url), 'utf8')
  .replace('<bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>', '<bpmn:outgoing>Flow_1</bpmn:outgoing><bpmn:messageEventDefinition messageRef="Message_assessment" /></bpmn:startEvent>')
  .replace('</bpmn:process>', '</bpmn:process><bpmn:message id="Message_assessment" name="Assessment requested" />');

const caseData = {
  early: { nationality: 'Albanian', ersDate: '2026-02-10', sentenceMonths: 18, address: { country: 'AL' }, vulnerable: false },
  late: { nationality: 'Albanian', ersDate: '2026-05-01', sentenceMonths: 6, vulnerable: true },
  polish: { nationality: 'Polish', ersDate: '2026-01-15T10:00:00+01:00', sentenceMonths: '24' },
  // Looks like a date but is none: left out of date comparisons, never an error.
  undated: { nationality: 'Albanian', ersDate: '2026-02-30' },
};
type Name = keyof typeof caseData;

describe('searching cases by data fields', () => {
  let casemap: TestCasemap;
  let tom: UserClient;
  const idOf = {} as Record<Name, string>;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    await (await casemap.as('designer')).post('/api/definitions/deploy', { id: 'assessment', xml: assessmentXml }).expect(201);
    tom = await casemap.as('tom');
    const key = (await (await casemap.as('admin')).post('/api/admin/api-keys', { name: 'prison system', scopes: ['messages:send'] }).expect(201)).body.key as string;
    for (const name of Object.keys(caseData) as Name[]) {
      const sent = await supertest(casemap.url).post('/api/messages').set('X-Api-Key', key).send({ messageId: `referral-${name}`, messageName: 'Assessment requested', data: caseData[name] }).expect(202);
      idOf[name] = sent.body.startedCases[0].caseId;
    }
    await eventually(
      () => tom.get('/api/cases?definitionId=assessment'),
      (response) => response.body.total === 4,
    );
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  /** The names of the cases a search finds, in a stable order. */
  async function found(filters: string[], client: UserClient = tom): Promise<Name[]> {
    const query = new URLSearchParams([['definitionId', 'assessment'], ...filters.map((filter) => ['data', filter])]);
    const response = await client.get(`/api/cases?${query}`).expect(200);
    expect(response.body.total).toBe(response.body.items.length);
    const ids = response.body.items.map((item: { id: string }) => item.id);
    return (Object.keys(idOf) as Name[]).filter((name) => ids.includes(idOf[name]));
  }

  it('combines filters so every one must hold', async () => {
    expect(await found(['nationality:eq:Albanian'])).toEqual(['early', 'late', 'undated']);
    expect(await found(['nationality:eq:Albanian', 'ersDate:lt:2026-03-01'])).toEqual(['early']);
    expect(await found(['nationality:eq:Albanian', 'ersDate:lt:2026-03-01', 'vulnerable:eq:true'])).toEqual([]);
  });

  it('compares ISO dates and date-times as instants, leaving out values that are not dates', async () => {
    // 2026-01-15T10:00:00+01:00 is 09:00 UTC.
    expect(await found(['ersDate:gte:2026-01-15T08:30:00Z'])).toEqual(['early', 'late', 'polish']);
    expect(await found(['ersDate:gt:2026-01-15T09:30:00Z'])).toEqual(['early', 'late']);
    expect(await found(['ersDate:lte:2026-02-10'])).toEqual(['early', 'polish']);
    expect(await found(['ersDate:gte:2026-02-01', 'ersDate:lt:2026-06-01'])).toEqual(['early', 'late']);
  });

  it('compares numbers as numbers, and matches equal numbers, booleans and nested fields', async () => {
    expect(await found(['sentenceMonths:gte:12'])).toEqual(['early']);
    expect(await found(['sentenceMonths:lt:10.5'])).toEqual(['late']);
    expect(await found(['sentenceMonths:eq:18'])).toEqual(['early']);
    expect(await found(['sentenceMonths:eq:24'])).toEqual(['polish']);
    expect(await found(['vulnerable:eq:false'])).toEqual(['early']);
    expect(await found(['address.country:eq:AL'])).toEqual(['early']);
    expect(await found(['nationality:ne:Albanian'])).toEqual(['polish']);
  });

  it("finds nothing of another team's cases, whatever the filter", async () => {
    const priya = await casemap.as('priya');
    expect(await found(['nationality:eq:Albanian'], priya)).toEqual([]);
  });

  it('refuses each malformed filter with a 400 naming it and what is accepted, and describes the syntax in the OpenAPI document', async () => {
    const malformed: [string[], RegExp][] = [
      [['nationality'], /field:op:value/],
      [['ersDate:before:2026-03-01'], /"before" is not an operator; use one of eq, ne, lt, lte, gt, gte/],
      [['ersDate:lt:soon'], /compares numbers .* or ISO dates .* "soon" is neither/],
      [['ersDate:lt:2026-02-30'], /"2026-02-30" is neither/],
      [['1st:eq:x'], /"1st" is not a field name/],
      [["name'); DROP TABLE cases; --:eq:x"], /is not a field name/],
      [Array.from({ length: 11 }, (_, n) => `f${n}:eq:x`), /at most 10 data filters/],
    ];
    for (const [filters, message] of malformed) {
      const query = new URLSearchParams(filters.map((filter) => ['data', filter]));
      const response = await tom.get(`/api/cases?${query}`);
      expect(response.status, filters.join(' & ')).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.code).toBe('invalid-request');
      expect(response.body.issues[0].field).toMatch(/^query\.data/);
      expect(response.body.detail).toMatch(message);
    }
    expect((await tom.get('/api/cases?definitionId=assessment').expect(200)).body.total).toBe(4);

    const document = (await supertest(casemap.url).get('/api/openapi.json').expect(200)).body;
    const data = document.paths['/api/cases'].get.parameters.find((parameter: { name: string }) => parameter.name === 'data');
    expect(data.in).toBe('query');
    expect(data.schema.description).toMatch(/field:op:value/);
  });
});
