// Every rule against its fixtures (fixtures/<rule-id>/valid.bpmn and invalid-*.bpmn), run alone
// through the real Linter and the static resolver, as bpmnlint tests its own rules.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { casemapRuleIds, type CasemapRuleId } from './index.ts';
import { lintBpmn } from './lint-bpmn.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const read = (rule: string, file: string): string => readFileSync(`${fixtures}${rule}/${file}`, 'utf8');

async function lintWith(rule: CasemapRuleId, xml: string) {
  return lintBpmn(xml, { config: { extends: 'plugin:casemap/recommended', rules: Object.fromEntries(casemapRuleIds.filter((id) => id !== rule).map((id) => [`casemap/${id}`, 'off'])) } });
}

type Expected = readonly (readonly [elementId: string, severity: 'error' | 'warn', message?: RegExp])[];

const invalid: Record<CasemapRuleId, Record<string, Expected>> = {
  'user-task-owner': {
    'invalid-no-owner.bpmn': [
      ['Task_1', 'error', /^Step "Assess case" has no owner: set its team \(casework:team\), draw it in a team's lane/],
      ['Task_2', 'error', /^Step "Check asylum claim" has no owner/],
    ],
  },
  'handoff-acceptance-sla': {
    'invalid-missing.bpmn': [
      ['Task_Triage', 'error', /^Step "Triage referral" receives the case from team "Prison" \(step "Refer FNO"\) but has no handoff SLA: set casework:handoffSla to how long team "FNO Returns" has to accept the case, e.g. P2D\.$/],
    ],
  },
  'timer-parses': {
    'invalid-timers.bpmn': [
      ['Timer_Cron', 'error', /looks like a cron expression/],
      ['Timer_Date', 'error', /has no time zone: add Z for UTC or an offset such as \+01:00/],
      ['Timer_Duration', 'error', /^The timer of event "Three days" cannot be scheduled: "3 days" is not an ISO 8601 duration/],
      ['Timer_Empty', 'error', /is a timer with no time set/],
      ['Timer_Feel', 'error', /the FEEL expression "=duration\(" does not parse/],
    ],
    'invalid-slas.bpmn': [
      ['Process_1', 'error', /watchdog period .*"monthly" is not an ISO 8601 duration/],
      ['Task_Calendar', 'error', /counts deadlines in calendar "business-days": use working-days or calendar-days/],
      ['Task_Handoff', 'error', /handoff SLA of step "Triage referral" \(casework:handoffSla\) cannot be used: "P1.5D" has a fraction/],
      ['Task_Sla', 'error', /SLA of step "Assess case" \(casework:sla\) cannot be used/],
    ],
  },
  'gateway-covers-all-cases': {
    'invalid-missing-condition.bpmn': [
      ['Gateway_1', 'error', /^Gateway "Eligible\?" cannot choose between its paths because the path to step "Close" has no condition: add a condition to each path, or mark one of them as the default path\.$/],
      ['Gateway_2', 'error', /only the default path may go without one/],
    ],
    'invalid-no-default.bpmn': [['Gateway_1', 'warn', /^Gateway "Eligible\?" may find no way out/]],
  },
  'no-unreachable-elements': {
    'invalid-orphans.bpmn': [
      ['Sub_Orphan', 'error', /^Step "Check other claims" can never be reached/],
      ['Sub_Orphan_Scope', 'error', /^Sub-process "Unreached sub-process" can never be reached/],
      ['Task_After', 'error'],
      ['Task_Orphan', 'error'],
    ],
    'invalid-no-start.bpmn': [['Process_1', 'error', /^Process "Removals" has no start event/]],
  },
  'no-dead-ends': {
    'invalid-dead-ends.bpmn': [
      ['Gateway_1', 'error', /^Gateway "Escalate\?" leads nowhere: connect it/],
      ['Task_1', 'error', /^Step "Assess case" leads nowhere \(its boundary events only cover the exceptions\)/],
    ],
  },
  'valid-form-fields': {
    'invalid-fields.bpmn': [
      ['Task_1', 'error', /field "amount" has the unknown type "money": use one of string, text, number, boolean, date, enum/],
      ['Task_1', 'error', /field "decision" appears more than once/],
      ['Task_1', 'error', /field "decision" is a choice with no options/],
      ['Task_1', 'error', /field "ersDate" has a minimum "31\/12\/2025" that is not an ISO date/],
      ['Task_1', 'error', /field "months" has a minimum \(12\) above its maximum \(6\)/],
      ['Task_1', 'error', /field "reference" has the pattern "\(\[A-Z", which is not a valid regular expression/],
      ['Task_1', 'error', /field 1 has no name/],
    ],
    // ^(a+)+$ backtracks on a native RegExp but is linear on RE2, so it is accepted
    'invalid-slow-patterns.bpmn': [
      ['Task_Backref', 'error', /^The form of step "Record reference": field "repeated" has the pattern "\^\(\\w\+\)-\\1\$", which uses something Casemap cannot check quickly on every input \(invalid escape sequence: `\\1`\); write it without look-ahead, look-behind or back-references/],
      ['Task_Lookahead', 'error', /field "hint" has the pattern .* which uses something Casemap cannot check quickly on every input \(invalid or unsupported Perl syntax: `\(\?=`\)/],
    ],
  },
  'executable-elements-only': {
    'invalid-elements.bpmn': [
      ['AdHoc_1', 'error', /is an ad-hoc sub-process/],
      ['Cancel_1', 'error', /is triggered by a cancellation/],
      ['Compensate_1', 'error', /is a compensation start event/],
      ['Complex_1', 'error', /is a complex gateway/],
      ['Conditional_1', 'error', /is triggered by a condition/],
      ['EventSub_1', 'error', /is an event sub-process/],
      ['Loop_1', 'error', /loops: draw the loop/],
      ['Multi_1', 'error', /runs as multi-instance but does not say over what/],
      ['Rule_1', 'error', /^Step "Decide eligibility" is a business rule task/],
      ['Script_1', 'error', /^Step "Calculate ERS date" is a script task in "groovy": Casemap runs only FEEL script tasks .*Casemap cannot run it in an executable process\.$/],
      ['Script_2', 'error', /^Step "Count dependants" is a FEEL script task with no result variable: name the case data field its result is stored in/],
      ['Transaction_1', 'error', /is a transaction/],
    ],
  },
  'link-events-match': {
    'invalid-links.bpmn': [
      ['Catch_Twice_1', 'error', /^Event "Again" is one of 2 catching link events named "again" in sub-process "Check barriers": a jump must have one place to land/],
      ['Catch_Twice_2', 'error', /is one of 2 catching link events named "again"/],
      ['Catch_Unnamed', 'error', /^Event Catch_Unnamed is a link event without a link name/],
      ['Throw_Inner', 'error', /^Event "Back to start" jumps to the link "restart", but sub-process "Check barriers" has no catching link event of that name: add one, or correct the name \(links only jump within one process or sub-process\)\.$/],
      ['Throw_Nowhere', 'error', /^Event "Go on" jumps to the link "onward", but the process has no catching link event of that name/],
    ],
  },
  'juel-owners': {
    'invalid-owners.bpmn': [
      ['Task_Convertible', 'warn', /^The assignee of Step "Assess case" \(camunda:assignee\) is the JUEL expression "\$\{initiator\}", which Casemap would take as a person's name: rewrite it as "=initiator" \(casemap lint --fix does\)\.$/],
      ['Task_JavaAssignee', 'warn', /^The assignee of Step "Decide claim" \(camunda:assignee\) is the JUEL expression .*, which casemap lint --fix cannot convert: "execution\.getVariable\('owner'\)" — it calls a Java method.*remove it so the step waits in its team's queue \("barrier-clearance"\)\.$/],
      ['Task_LaneGroup', 'error', /^The candidate group "#\{unit\.team\}" of Step "Chase embassy" \(camunda:candidateGroups\) is a JUEL expression, which casemap lint --fix cannot convert: a Casemap step belongs to one fixed team, not one computed from case data; .*; as it stands the step waits for a team named "#\{unit\.team\}", which nobody is in\.$/],
      ['Task_OnlyAssignee', 'error', /^The assignee of Step "Review appeal" \(camunda:assignee\) is the JUEL expression "\$\{caseOwner\.getName\(\)\}", which casemap lint --fix cannot convert/],
      ['Task_OnlyGroup', 'error', /^The candidate group "\$\{team\}" of Step "Plan removal" \(camunda:candidateGroups\)/],
      ['Task_SecondGroup', 'warn', /^The candidate group "\$\{nearestUnit\}" of Step "Book escort" \(camunda:candidateGroups\) .*; until then the step goes to team "escorting"\.$/],
    ],
  },
  'feel-expressions-parse': {
    'invalid-expressions.bpmn': [
      ['Flow_Broken', 'error', /is not a valid FEEL expression \(it ends too early\)/],
      ['Flow_Groovy', 'error', /is written in "groovy"/],
      ['Flow_Juel', 'error', /^The condition of the path "Long sentence" from gateway "Eligible\?" to step "Decide" is written in JUEL \(Camunda 7\), but Casemap evaluates FEEL: rewrite "\$\{sentenceMonths >= 12\}" as "=sentenceMonths >= 12" \(Rewrite as FEEL in the Designer, or casemap lint --fix\)\.$/],
      ['Flow_Loop', 'error', /would not be evaluated: it does more work than the [\d,]+ steps Casemap allows one expression \(a function that calls itself too often, or a loop over too many values\)/],
      ['Message_1', 'error', /^The correlation key of message "Prison release" is not a valid FEEL expression/],
      ['Script_Broken', 'error', /^The script of step "Work out ERS date" is not a valid FEEL expression \(it ends too early\)/],
      ['Task_1', 'error', /^The SLA of step "Decide" is not a valid FEEL expression/],
    ],
    // literal expressions whose work does not depend on case data, measured within the budget
    'invalid-work.bpmn': [
      ['Flow_Mutual', 'error', /^The condition of the path from gateway "Eligible\?" to step "Decide" would not be evaluated: it does more work than/],
      ['Flow_Nested', 'error', /would not be evaluated: it does more work than/],
      ['Flow_Recursion', 'error', /^The condition of the path "Deep" from gateway "Eligible\?" to step "Decide" would not be evaluated: it does more work than the [\d,]+ steps Casemap allows one expression/],
      ['Task_1', 'error', /^The SLA of step "Decide" would not be evaluated: it does more work than/],
    ],
  },
};

describe.each(casemapRuleIds)('%s', (rule) => {
  const files = readdirSync(`${fixtures}${rule}`).sort();

  it('has a valid fixture and an expectation for every invalid one', () => {
    expect(files).toContain('valid.bpmn');
    const invalidFiles = files.filter((file) => file.startsWith('invalid-'));
    expect(invalidFiles.length).toBeGreaterThan(0);
    expect(Object.keys(invalid[rule]).sort()).toEqual(invalidFiles);
  });

  it('reports nothing on valid.bpmn', async () => {
    expect(await lintWith(rule, read(rule, 'valid.bpmn'))).toEqual([]);
  });

  it.each(Object.entries(invalid[rule]))('reports exactly the expected elements in %s', async (file, expected) => {
    const findings = await lintWith(rule, read(rule, file));
    expect(findings.map((finding) => [finding.rule, finding.elementId, finding.severity])).toEqual(
      expected.map(([elementId, severity]) => [rule, elementId, severity]),
    );
    expected.forEach(([, , message], index) => {
      if (message) expect(findings[index]?.message).toMatch(message);
    });
  });
});
