// Deploying DMN decisions with a diagram: versioned with it, run by its business rule task on a
// real stack, and refused (422, naming the decision) when a decision is missing or the DMN is broken.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestCasemap, type TestCasemap, type UserClient } from '../support/test-casemap.ts';

const bpmn = readFileSync(new URL('../fixtures/ers-decision.bpmn', import.meta.url), 'utf8');
const dmn = readFileSync(new URL('../fixtures/ers-eligibility.dmn', import.meta.url), 'utf8');

describe('deploying DMN decisions with a process', () => {
  let casemap: TestCasemap;
  let designer: UserClient;

  beforeAll(async () => {
    casemap = await startTestCasemap();
    designer = await casemap.as('designer');
  });
  afterAll(async () => {
    await casemap?.stop();
  });

  it('refuses a diagram whose business rule task calls a decision that was not sent, naming it', async () => {
    const response = await designer.post('/api/definitions/deploy', { id: 'ers-missing', xml: bpmn }).expect(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.issues).toEqual([expect.objectContaining({ elementId: 'Decide_ers', code: 'decision-missing', message: expect.stringContaining('ers-eligibility') })]);
  });

  it('refuses a malformed DMN file, naming the file', async () => {
    const response = await designer.post('/api/definitions/deploy', { id: 'ers-broken', xml: bpmn, dmn: [{ xml: '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision' }] }).expect(422);
    expect(response.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'dmn[0]', code: 'dmn-unreadable' })]));
  });

  it('refuses a decision table with an unknown hit policy, naming the decision', async () => {
    const response = await designer.post('/api/definitions/deploy', { id: 'ers-policy', xml: bpmn, dmn: [{ xml: dmn.replace('hitPolicy="UNIQUE"', 'hitPolicy="WHICHEVER"') }] }).expect(422);
    expect(response.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'dmn[0]', elementId: 'ers-eligibility', code: 'dmn-unsupported' })]));
  });

  it('deploys the decisions with the diagram, versions them with it and runs them on a case', async () => {
    // given the diagram deployed with its decision table
    const first = await designer.post('/api/definitions/deploy', { id: 'ers-check', xml: bpmn, dmn: [{ xml: dmn }] }).expect(201);
    const version = await designer.get(`/api/definitions/ers-check/versions/${first.body.version}`).expect(200);
    expect(version.body.ir.decisions[0].decisions.map((d: { id: string }) => d.id)).toEqual(['ers-eligibility']);

    // when a caseworker starts a case
    const tom = await casemap.as('tom');
    const started = await tom.post('/api/cases', { definitionId: 'ers-check', data: { sentenceMonths: 30, deportationOrder: true } }).expect(201);
    const caseId: string = started.body.caseId;

    // then the decision's output is case data and its evaluation is on the timeline
    const detail = await eventually(
      () => tom.get(`/api/cases/${caseId}`).then((response) => response.body),
      (body) => body.timeline?.some((event: { kind: string }) => event.kind === 'decision-evaluated'),
    );
    const evaluated = detail.timeline.find((event: { kind: string }) => event.kind === 'decision-evaluated');
    expect(evaluated).toMatchObject({ nodeId: 'Decide_ers', data: { decisionId: 'ers-eligibility', decisionName: 'ERS eligibility', matchedRules: [{ ruleId: 'rule-eligible', index: 1 }], output: 'eligible' } });
    expect(detail.live.data.ersEligible).toBe('eligible');

    // and a changed table is a new version, while redeploying the same one is not
    const same = await designer.post('/api/definitions/deploy', { id: 'ers-check', xml: bpmn, dmn: [{ xml: dmn }] });
    expect(same.body).toMatchObject({ version: first.body.version, created: false });
    const changed = await designer.post('/api/definitions/deploy', { id: 'ers-check', xml: bpmn, dmn: [{ xml: dmn.replace('&gt;= 12</text></inputEntry>\n        <inputEntry id="rule-eligible-deportation">', '&gt;= 6</text></inputEntry>\n        <inputEntry id="rule-eligible-deportation">') }] }).expect(201);
    expect(changed.body.version).toBe(first.body.version + 1);
  });
});
