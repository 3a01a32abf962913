import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { casemapLintConfig, casemapRuleIds, coreRules, recommended, resolver, rules } from './index.ts';
import { lintBpmn } from './lint-bpmn.ts';

const fixture = (rule: string, file: string): string => readFileSync(new URL(`./fixtures/${rule}/${file}`, import.meta.url), 'utf8');

const diagram = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
${body}
</bpmn:definitions>`;

const handoff = diagram(`
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:startEvent id="Start_1" name="Referral received" />
    <bpmn:sequenceFlow id="Flow_1" name="referred" sourceRef="Start_1" targetRef="Task_Refer" />
    <bpmn:userTask id="Task_Refer" name="Refer FNO" casework:team="Prison" />
    <bpmn:sequenceFlow id="Flow_2" name="sent" sourceRef="Task_Refer" targetRef="Task_Triage" />
    <bpmn:userTask id="Task_Triage" name="Triage referral" casework:team="FNO Returns" />
    <bpmn:sequenceFlow id="Flow_3" name="triaged" sourceRef="Task_Triage" targetRef="End_1" />
    <bpmn:endEvent id="End_1" name="Triaged" />
  </bpmn:process>`);

describe('lintBpmn', () => {
  it('returns nothing for a small executable process that follows every rule', async () => {
    expect(await lintBpmn(handoff.replace('casework:team="FNO Returns"', 'casework:team="FNO Returns" casework:handoffSla="P2D"'))).toEqual([]);
  });

  it('reports a missing handoff SLA with the rule id, the element id and a message for the designer', async () => {
    expect(await lintBpmn(handoff)).toEqual([
      {
        rule: 'handoff-acceptance-sla',
        elementId: 'Task_Triage',
        severity: 'error',
        message:
          'Step "Triage referral" receives the case from team "Prison" (step "Refer FNO") but has no handoff SLA: set casework:handoffSla to how long team "FNO Returns" has to accept the case, e.g. P2D.',
      },
    ]);
  });

  it('reports an unreadable handoff SLA once, as a timer finding, not also as a missing one', async () => {
    // given a handoff step whose SLA is present but not an ISO 8601 duration
    const findings = await lintBpmn(handoff.replace('casework:team="FNO Returns"', 'casework:team="FNO Returns" casework:handoffSla="2 days"'));
    // then
    expect(findings.map((finding) => [finding.rule, finding.elementId])).toEqual([['timer-parses', 'Task_Triage']]);
    expect(findings[0]?.message).toMatch(/handoff SLA of step "Triage referral" \(casework:handoffSla\) cannot be used: "2 days" is not an ISO 8601 duration/);
  });

  it('applies bpmnlint core rules with messages a designer understands', async () => {
    const findings = await lintBpmn(diagram(`
      <bpmn:process id="Process_1" name="Removals" isExecutable="false">
        <bpmn:userTask id="Task_1" name="Book escort" />
      </bpmn:process>`));
    expect(findings).toEqual([
      { rule: 'bpmnlint/end-event-required', elementId: 'Process_1', severity: 'error', message: 'Process "Removals" has no end event: add one where a case is finished.' },
      { rule: 'bpmnlint/start-event-required', elementId: 'Process_1', severity: 'error', message: 'Process "Removals" has no start event: add one where a case begins.' },
      { rule: 'no-unreachable-elements', elementId: 'Process_1', severity: 'error', message: expect.stringMatching(/^Process "Removals" has no start event/) },
      { rule: 'no-dead-ends', elementId: 'Task_1', severity: 'error', message: expect.stringMatching(/^Step "Book escort" leads nowhere/) },
    ]);
  });

  it('downgrades a gateway whose paths all have conditions but no default to a warning', async () => {
    const findings = await lintBpmn(fixture('gateway-covers-all-cases', 'invalid-no-default.bpmn'));
    expect(findings.filter((finding) => finding.rule === 'gateway-covers-all-cases')).toEqual([
      expect.objectContaining({ elementId: 'Gateway_1', severity: 'warn' }),
    ]);
  });

  it('sorts findings by element, then rule, and gives the same answer every time', async () => {
    const xml = fixture('executable-elements-only', 'invalid-elements.bpmn');
    const first = await lintBpmn(xml);
    const keys = first.map((finding) => `${finding.elementId ?? ''}\u0000${finding.rule}`);
    expect(keys).toEqual([...keys].sort());
    expect(await lintBpmn(xml)).toEqual(first);
  });

  it('turns a document it cannot parse into one error instead of throwing', async () => {
    expect(await lintBpmn('<definitions')).toEqual([
      { rule: 'unreadable-diagram', severity: 'error', message: expect.stringMatching(/^This file is not a BPMN diagram Casemap can read \(/) },
    ]);
  });
});

describe('the casemap bpmnlint plugin', () => {
  it('resolves every Casemap rule and the recommended preset without Node module resolution', () => {
    for (const id of casemapRuleIds) expect(resolver.resolveRule('bpmnlint-plugin-casemap', id)).toBe(rules[id]);
    for (const id of Object.keys(coreRules)) expect(resolver.resolveRule('bpmnlint', id)).toBeTypeOf('function');
    expect(resolver.resolveConfig('bpmnlint-plugin-casemap', 'recommended')).toBe(recommended);
    expect(resolver.resolveRule('bpmnlint', 'no-such-rule')).toBeUndefined();
    expect(resolver.resolveConfig('bpmnlint-plugin-other', 'recommended')).toBeUndefined();
  });

  it('makes every Casemap rule an error in the preset, with the no-default gateway case as a warning', () => {
    expect(Object.keys(recommended.rules).sort()).toEqual([...casemapRuleIds].sort());
    expect(recommended.rules['gateway-covers-all-cases']).toEqual(['error', { noDefaultSeverity: 'warn' }]);
    expect(casemapLintConfig.extends).toBe('plugin:casemap/recommended');
  });

  it('has rules that report and never throw, even on elements missing everything', () => {
    const bare = { $type: 'bpmn:UserTask', id: 'Task_1', $instanceOf: () => true, get: () => undefined };
    const reporter = { report: () => undefined };
    for (const factory of Object.values(rules)) {
      const { check } = factory();
      expect(() => (typeof check === 'function' ? check(bare, reporter) : check.enter?.(bare, reporter))).not.toThrow();
    }
  });
});
