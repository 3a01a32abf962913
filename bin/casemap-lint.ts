// `casemap lint <file.bpmn>…`: the executability checks on files, one line per finding.
// Exit code 0 when no errors (warnings allowed), 1 when a check found errors, 2 for usage or an unreadable file.
import { readFile } from 'node:fs/promises';
import { lintBpmn } from '../domain/checks/lint-bpmn.ts';

export async function runLint(files: string[], out: (line: string) => void): Promise<number> {
  if (files.length === 0) {
    out('Usage: casemap lint <file.bpmn>…');
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  for (const file of files) {
    let xml: string;
    try {
      xml = await readFile(file, 'utf8');
    } catch (error) {
      unreadable += 1;
      out(`${file}  cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const finding of await lintBpmn(xml)) {
      if (finding.severity === 'error') errors += 1;
      else warnings += 1;
      out(`${file}  ${finding.elementId ?? '-'}  ${finding.severity}  ${finding.rule}  ${finding.message}`);
    }
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const checked = files.length - unreadable;
  out(
    errors + warnings === 0
      ? `No problems in ${plural(checked, 'file')}.`
      : `${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(checked, 'file')}.`,
  );
  if (unreadable > 0) out(`${plural(unreadable, 'file')} could not be read.`);
  return unreadable > 0 ? 2 : errors > 0 ? 1 : 0;
}
