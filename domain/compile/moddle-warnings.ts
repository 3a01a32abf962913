// Turns the BPMN parser's warnings into designer-facing diagnostics: unknown elements, duplicate
// ids and references to elements the diagram does not contain.
import type { ParseWarning } from 'bpmn-moddle';
import type { Diagnostic } from './diagnostics.ts';
import { describe, quoted, sentence } from './describe-element.ts';
import { localType } from './moddle-access.ts';

const MAX_WARNINGS = 200;

const firstLine = (message: string) => message.split('\n')[0] ?? message;
const lineOf = (message: string) => /line: (\d+)/.exec(message)?.[1];

function toDiagnostic(warning: ParseWarning): Diagnostic {
  const message = typeof warning.message === 'string' ? warning.message : '';
  const line = lineOf(message);
  const where = line === undefined ? '' : ` (line ${Number(line) + 1})`;
  const unknown = /unknown type <([^>]{1,200})>/.exec(message);
  if (unknown?.[1]) {
    return {
      code: 'unknown-element',
      severity: 'warning',
      elementType: unknown[1],
      message: `The diagram contains <${unknown[1]}>${where}, which is not a BPMN 2.0 element; Casemap left it out. Remove it or save the diagram again from a BPMN modeller.`,
    };
  }
  const duplicate = /duplicate ID <([^>]{0,200})>/.exec(message);
  if (duplicate) {
    return {
      code: 'duplicate-id',
      severity: 'error',
      elementId: duplicate[1],
      message: `Two elements share the id ${quoted(duplicate[1] ?? '')}${where}; Casemap kept the first and left out the second. Give every element its own id.`,
    };
  }
  const unresolved = /unresolved reference <([^>]{0,200})>/.exec(message);
  if (unresolved && warning.element) {
    const property = localType(typeof warning.property === 'string' ? warning.property : 'reference');
    const reference = unresolved[1] ?? '';
    return {
      code: 'missing-reference',
      severity: 'error',
      elementId: typeof warning.element.id === 'string' ? warning.element.id : undefined,
      property,
      reference,
      message: `${sentence(describe(warning.element))} refers to ${quoted(reference)} (${property}), but the diagram has no element with that id; reconnect it to an existing element.`,
    };
  }
  return {
    code: 'xml-warning',
    severity: 'warning',
    message: `The BPMN parser reported: ${firstLine(message).slice(0, 200)}${where}.`,
  };
}

export function fromModdleWarnings(warnings: readonly ParseWarning[]): Diagnostic[] {
  const diagnostics = warnings.slice(0, MAX_WARNINGS).map(toDiagnostic);
  if (warnings.length > MAX_WARNINGS) {
    diagnostics.push({
      code: 'xml-warning',
      severity: 'warning',
      message: `The BPMN parser reported ${warnings.length - MAX_WARNINGS} more problems that are not listed; fix the ones above first.`,
    });
  }
  return diagnostics;
}
