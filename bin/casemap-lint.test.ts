import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLint } from './casemap-lint.ts';

const fixture = (rule: string, file: string): string =>
  readFileSync(new URL(`../domain/checks/fixtures/${rule}/${file}`, import.meta.url), 'utf8');

const clean = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:casework="https://casemap.dev/schema/casework/1.0" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:startEvent id="Start_1" name="Referral received" />
    <bpmn:sequenceFlow id="Flow_1" name="referred" sourceRef="Start_1" targetRef="Task_1" />
    <bpmn:userTask id="Task_1" name="Assess case" casework:team="FNO Returns" casework:sla="P10D" />
    <bpmn:sequenceFlow id="Flow_2" name="assessed" sourceRef="Task_1" targetRef="End_1" />
    <bpmn:endEvent id="End_1" name="Case assessed" />
  </bpmn:process>
</bpmn:definitions>`;

function setUp(files: Record<string, string>): { dir: string; lines: string[]; out: (line: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'casemap-lint-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const lines: string[] = [];
  return { dir, lines, out: (line) => lines.push(line) };
}

describe('runLint', () => {
  it('exits 0 and says so when every file is clean', async () => {
    const { dir, lines, out } = setUp({ 'clean.bpmn': clean });
    expect(await runLint([join(dir, 'clean.bpmn')], out)).toBe(0);
    expect(lines).toEqual(['No problems in 1 file.']);
  });

  it('exits 1 and prints one line per finding when a check finds errors', async () => {
    const { dir, lines, out } = setUp({ 'clean.bpmn': clean, 'owners.bpmn': fixture('user-task-owner', 'invalid-no-owner.bpmn') });
    const file = join(dir, 'owners.bpmn');
    expect(await runLint([join(dir, 'clean.bpmn'), file], out)).toBe(1);
    expect(lines).toContain(
      `${file}  Task_1  error  user-task-owner  Step "Assess case" has no owner: set its team (casework:team), draw it in a team's lane, or give it candidate groups or an assignee, so the case lands in someone's inbox.`,
    );
    expect(lines.every((line) => line.startsWith(file) || /^\d+ problems \(\d+ errors?, \d+ warnings?\) in 2 files\.$/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/ in 2 files\.$/);
  });

  it('exits 0 when there are only warnings', async () => {
    const warnOnly = clean.replace(' name="Assess case"', '');
    const { dir, lines, out } = setUp({ 'warn.bpmn': warnOnly });
    expect(await runLint([join(dir, 'warn.bpmn')], out)).toBe(0);
    expect(lines).toEqual([
      `${join(dir, 'warn.bpmn')}  Task_1  warn  bpmnlint/label-required  Step Task_1 has no name: name it so caseworkers and reports can refer to it.`,
      '1 problem (0 errors, 1 warning) in 1 file.',
    ]);
  });

  it('reports a file that is not BPMN as an error', async () => {
    const { dir, lines, out } = setUp({ 'notes.bpmn': 'just some notes' });
    expect(await runLint([join(dir, 'notes.bpmn')], out)).toBe(1);
    expect(lines[0]).toMatch(/notes\.bpmn {2}- {2}error {2}unreadable-diagram {2}This file is not a BPMN diagram Casemap can read/);
  });

  it('exits 2 for a file that cannot be read, after checking the others', async () => {
    const { dir, lines, out } = setUp({ 'clean.bpmn': clean });
    const missing = join(dir, 'missing.bpmn');
    expect(await runLint([missing, join(dir, 'clean.bpmn')], out)).toBe(2);
    expect(lines[0]).toMatch(new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} {2}cannot be read: ENOENT`));
    expect(lines.slice(1)).toEqual(['No problems in 1 file.', '1 file could not be read.']);
  });

  it('exits 2 with a usage line when no file is given', async () => {
    const lines: string[] = [];
    expect(await runLint([], (line) => lines.push(line))).toBe(2);
    expect(lines).toEqual(['Usage: casemap lint [--fix [--out <fixed.bpmn>]] <file.bpmn>…']);
  });
});

const camunda7 = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="https://casemap.dev/fixtures">
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:startEvent id="Start_1" name="Referral received" />
    <bpmn:sequenceFlow id="Flow_1" name="referred" sourceRef="Start_1" targetRef="Task_1" />
    <bpmn:userTask id="Task_1" name="Assess case" camunda:assignee="\${initiator}" camunda:candidateGroups="fno-returns" />
    <bpmn:sequenceFlow id="Flow_2" name="assessed" sourceRef="Task_1" targetRef="Gateway_1" />
    <bpmn:exclusiveGateway id="Gateway_1" name="Refused?" default="Flow_Yes" />
    <bpmn:sequenceFlow id="Flow_No" name="not refused" sourceRef="Gateway_1" targetRef="Task_2"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">#{!refused}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_Yes" name="refused" sourceRef="Gateway_1" targetRef="Task_2" />
    <bpmn:userTask id="Task_2" name="Plan removal" camunda:candidateGroups="fno-returns,\${team}" />
    <bpmn:sequenceFlow id="Flow_3" name="planned" sourceRef="Task_2" targetRef="Gateway_2" />
    <bpmn:exclusiveGateway id="Gateway_2" name="Urgent?" default="Flow_Later" />
    <bpmn:sequenceFlow id="Flow_Urgent" name="urgent" sourceRef="Gateway_2" targetRef="End_1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\${execution.getVariable("urgent")}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_Later" name="later" sourceRef="Gateway_2" targetRef="End_1" />
    <bpmn:endEvent id="End_1" name="Removal planned" />
  </bpmn:process>
</bpmn:definitions>`;

describe('runLint --fix', () => {
  it('rewrites JUEL conditions and Camunda 7 owners in place with bpmn-moddle and says what it could not', async () => {
    // given
    const { dir, lines, out } = setUp({ 'c7.bpmn': camunda7 });
    const file = join(dir, 'c7.bpmn');
    // when
    const code = await runLint(['--fix', file], out);
    // then the convertible parts are rewritten
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toMatch(/<bpmn:conditionExpression [^>]*xsi:type="bpmn:tFormalExpression">=not\(refused\)<\/bpmn:conditionExpression>/);
    expect(fixed).toContain('<bpmn:userTask id="Task_1" name="Assess case" casework:team="fno-returns" camunda:assignee="=initiator" />');
    expect(fixed).toContain('<bpmn:userTask id="Task_2" name="Plan removal" casework:team="fno-returns" camunda:candidateGroups="fno-returns,${team}" />');
    expect(fixed).toContain('${execution.getVariable("urgent")}');
    expect(lines).toContain(`${file}  Flow_No  fixed  the condition of Flow "not refused": "#{!refused}" → "=not(refused)"`);
    expect(lines).toContain(`${file}  Task_1  fixed  the assignee of Step "Assess case": "\${initiator}" → "=initiator"`);
    expect(lines).toContain(`${file}  Task_1  fixed  the owner of Step "Assess case": candidate group "fno-returns" → casework:team "fno-returns"`);
    expect(lines).toContain(
      `${file}  Flow_Urgent  not fixed  The condition of Flow "urgent" was not converted: "execution.getVariable("urgent")" — it calls a Java method, which FEEL cannot do: read the value from case data instead.`,
    );
    expect(lines.some((line) => line.startsWith(`${file}  Task_2  not fixed  The candidate group "\${team}" of Step "Plan removal" was not converted`))).toBe(true);
    // and what is left is still reported by the checks, and nothing else: the JUEL condition, and
    // the JUEL candidate group the step no longer needs (it has its team)
    expect(lines.filter((line) => / (error|warn) {2}/.test(line)).map((line) => line.split('  ').slice(1, 4).join(' '))).toEqual(['Flow_Urgent error feel-expressions-parse', 'Task_2 warn juel-owners']);
    expect(code).toBe(1);
  });

  it('writes the fixed diagram to --out and leaves the original alone', async () => {
    const { dir, out } = setUp({ 'c7.bpmn': camunda7 });
    const [file, target] = [join(dir, 'c7.bpmn'), join(dir, 'fixed.bpmn')];
    await runLint(['--fix', '--out', target, file], out);
    expect(readFileSync(file, 'utf8')).toBe(camunda7);
    expect(readFileSync(target, 'utf8')).toContain('=not(refused)');
  });

  it('fixes nothing twice: a fixed diagram has no more rewrites', async () => {
    const { dir, out } = setUp({ 'c7.bpmn': camunda7 });
    const file = join(dir, 'c7.bpmn');
    await runLint(['--fix', file], out);
    const lines: string[] = [];
    await runLint(['--fix', file], (line) => lines.push(line));
    expect(lines.filter((line) => line.includes('  fixed  '))).toEqual([]);
  });

  it('refuses --out without --fix', async () => {
    const lines: string[] = [];
    expect(await runLint(['--out', 'x.bpmn', 'a.bpmn'], (line) => lines.push(line))).toBe(2);
    expect(lines[0]).toBe('--out only goes with --fix.');
  });
});
