// `casemap lint [--fix [--out F]] <file.bpmn>…`: the executability checks on files, one line per
// finding; with --fix, Camunda 7 JUEL conditions and owners are first rewritten (in place, or to F).
// Exit code 0 when no errors (warnings allowed), 1 when a check found errors, 2 for usage or an unreadable file.
import { readFile, writeFile } from 'node:fs/promises';
import { applyToParsedDiagram, planCamunda7Rewrites } from '../domain/checks/camunda7-rewrites.ts';
import { lintBpmn } from '../domain/checks/lint-bpmn.ts';
import { sharedModdle } from '../domain/process/moddle.ts';

const USAGE = 'Usage: casemap lint [--fix [--out <fixed.bpmn>]] <file.bpmn>…';

interface LintArguments {
  readonly files: string[];
  readonly fix: boolean;
  readonly out?: string;
}

function parseArguments(args: readonly string[]): LintArguments | string {
  const files: string[] = [];
  let fix = false;
  let out: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--fix') fix = true;
    else if (arg === '--out') {
      out = args[index + 1];
      index += 1;
      if (out === undefined) return '--out needs the file to write the fixed diagram to.';
    } else if (arg.startsWith('--')) return `Unknown option "${arg}".`;
    else files.push(arg);
  }
  if (files.length === 0) return '';
  if (out !== undefined && !fix) return '--out only goes with --fix.';
  if (out !== undefined && files.length !== 1) return '--out takes one input file; without it each file is fixed in place.';
  return { files, fix, ...(out === undefined ? {} : { out }) };
}

/** Rewrites one diagram's Camunda 7 expressions with bpmn-moddle and says what changed and what did not. */
async function fixFile(file: string, xml: string, target: string, out: (line: string) => void): Promise<string> {
  let parsed: Awaited<ReturnType<ReturnType<typeof sharedModdle>['fromXML']>>;
  try {
    parsed = await sharedModdle().fromXML(xml);
  } catch {
    return xml; // the lint below reports the unreadable diagram
  }
  const plan = planCamunda7Rewrites(parsed.elementsById);
  for (const rewrite of plan.rewrites) out(`${file}  ${rewrite.elementId}  fixed  ${rewrite.summary}`);
  for (const leftover of plan.leftovers) out(`${file}  ${leftover.elementId}  not fixed  ${leftover.message}`);
  if (plan.rewrites.length === 0) {
    if (target !== file) await writeFile(target, xml);
    return xml;
  }
  applyToParsedDiagram(parsed.elementsById, plan.rewrites);
  const { xml: fixed } = await sharedModdle().toXML(parsed.rootElement, { format: true });
  await writeFile(target, fixed);
  return fixed;
}

export async function runLint(args: string[], out: (line: string) => void): Promise<number> {
  const parsedArgs = parseArguments(args);
  if (typeof parsedArgs === 'string') {
    if (parsedArgs !== '') out(parsedArgs);
    out(USAGE);
    return 2;
  }
  const { files, fix } = parsedArgs;
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
    if (fix) xml = await fixFile(file, xml, parsedArgs.out ?? file, out);
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
