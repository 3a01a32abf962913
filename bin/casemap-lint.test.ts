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
    expect(lines).toEqual(['Usage: casemap lint <file.bpmn>…']);
  });
});
