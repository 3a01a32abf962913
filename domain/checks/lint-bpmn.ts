// Runs the executability checks on a BPMN document: parse with Casemap's moddle set-up, lint with
// bpmnlint's Linter and the static resolver, and return findings written for a process designer.
import { Linter, type LintReport } from 'bpmnlint';
import { sharedModdle } from '../process/moddle.ts';
import { casemapLintConfig, PLUGIN_NAME, resolver, type LintConfig } from './index.ts';
import { describe, type BpmnElement } from './support/bpmn-element.ts';

export interface LintFinding {
  /** A Casemap rule id (`user-task-owner`), `bpmnlint/<id>` for a bpmnlint core rule, or `unreadable-diagram`. */
  readonly rule: string;
  readonly elementId?: string;
  readonly message: string;
  readonly severity: 'error' | 'warn';
}

export interface LintOptions {
  /** Replaces Casemap's configuration, e.g. `{ rules: { 'casemap/no-dead-ends': 'error' } }`. */
  readonly config?: LintConfig;
}

type Describe = (id: string | undefined) => string;

// bpmnlint's own messages name BPMN types ("Element is missing label/name"); these say what to do.
const CORE_MESSAGES: Record<string, (element: string, original: string) => string> = {
  'start-event-required': (element) => `${element} has no start event: add one where a case begins.`,
  'end-event-required': (element) => `${element} has no end event: add one where a case is finished.`,
  'single-blank-start-event': (element) => `${element} has more than one plain start event: keep one, or give the others a message or timer trigger.`,
  'single-event-definition': (element) => `${element} has more than one trigger: keep exactly one.`,
  'sub-process-blank-start-event': (element) => `${element} is the start of a sub-process and must be a plain start event: remove its trigger.`,
  'event-based-gateway': (element, original) =>
    /at least 2/.test(original)
      ? `${element} waits for events but has fewer than two ways out: connect it to at least two events.`
      : `${element} leaves an event-based gateway and must not have a condition: remove the condition.`,
  'no-duplicate-sequence-flows': (element) => `${element} is connected twice to the same step: remove the extra sequence flow.`,
  'fake-join': (element) => `${element} has several incoming paths: join them with a gateway first, so it is clear whether to wait for all of them.`,
  'superfluous-gateway': (element) => `${element} has only one way in and one way out: remove it.`,
  'label-required': (element) => `${element} has no name: name it so caseworkers and reports can refer to it.`,
};

function toFinding(name: string, report: LintReport, label: Describe): LintFinding {
  const elementId = typeof report.id === 'string' ? report.id : undefined;
  if (report.category === 'rule-error') {
    return { rule: name, elementId, severity: 'error', message: `Casemap could not run the check "${name}" on this diagram: ${report.message}` };
  }
  const ownRule = name.startsWith(`${PLUGIN_NAME}/`);
  const rule = ownRule ? name.slice(PLUGIN_NAME.length + 1) : `bpmnlint/${name}`;
  const rewrite = ownRule ? undefined : CORE_MESSAGES[name];
  const message = rewrite ? rewrite(label(elementId), report.message) : report.message;
  const severity = report.category === 'error' && report.severity !== 'warn' ? 'error' : 'warn';
  return elementId === undefined ? { rule, message, severity } : { rule, elementId, message, severity };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byElementThenRule(a: LintFinding, b: LintFinding): number {
  return compareText(a.elementId ?? '', b.elementId ?? '') || compareText(a.rule, b.rule) || compareText(a.message, b.message);
}

export async function lintBpmn(xml: string, options: LintOptions = {}): Promise<LintFinding[]> {
  let parsed: Awaited<ReturnType<ReturnType<typeof sharedModdle>['fromXML']>>;
  try {
    parsed = await sharedModdle().fromXML(xml);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return [{ rule: 'unreadable-diagram', severity: 'error', message: `This file is not a BPMN diagram Casemap can read (${reason}): export it again from the modeller.` }];
  }
  return lintParsed(parsed.rootElement, parsed.elementsById, options);
}

/** The checks on a diagram already parsed with Casemap's moddle (e.g. by the compiler), saving a second parse. */
export async function lintParsed(definitions: unknown, elementsById: Readonly<Record<string, unknown>>, options: LintOptions = {}): Promise<LintFinding[]> {
  const byId = elementsById as Readonly<Record<string, BpmnElement>>;
  const label: Describe = (id) => {
    const found = id === undefined ? undefined : byId[id];
    return found ? describe(found) : `Element ${id ?? '(unknown)'}`;
  };
  const linter = new Linter({ config: options.config ?? casemapLintConfig, resolver });
  const results = await linter.lint(definitions as BpmnElement);
  const findings = Object.entries(results).flatMap(([name, reports]) => reports.map((report) => toFinding(name, report, label)));
  return findings.sort(byElementThenRule);
}
