// A step's form is what the caseworker fills in and what the task Update validates; a field the
// engine cannot validate would reject every completion or accept anything.
import { dayOfIsoDate } from '../calendar/london-time.ts';
import { userPatternProblem } from '../forms/user-pattern.ts';
import { describe, elements, is, text, type BpmnElement } from './support/bpmn-element.ts';
import type { RuleFactory } from './support/rule.ts';

const FIELD_TYPES = ['string', 'text', 'number', 'boolean', 'date', 'enum'];

function owningStep(form: BpmnElement): BpmnElement | undefined {
  for (let current = form.$parent; current; current = current.$parent) if (is(current, 'bpmn:BaseElement') && current.id) return current;
  return undefined;
}

// min/max are numbers for number fields, ISO dates for date fields and lengths for text.
function bound(type: string, value: string): number | undefined {
  if (type === 'date') return dayOfIsoDate(value);
  const number = Number(value);
  if (!Number.isFinite(number)) return undefined;
  if ((type === 'string' || type === 'text') && (!Number.isInteger(number) || number < 0)) return undefined;
  return number;
}

const BOUND_EXAMPLES: Record<string, string> = {
  number: 'a number such as 0 or 99.5',
  date: 'an ISO date such as 2026-01-31',
  string: 'a whole number of characters such as 10',
  text: 'a whole number of characters such as 500',
};

function fieldProblems(field: BpmnElement, position: number, seen: Set<string>): string[] {
  const problems: string[] = [];
  const name = text(field, 'name');
  const called = name ? `field "${name}"` : `field ${position}`;
  if (!name) problems.push(`${called} has no name: add one such as "decision" (it is the key the answer is stored under)`);
  else if (seen.has(name)) problems.push(`${called} appears more than once: give each field its own name`);
  if (name) seen.add(name);
  const type = text(field, 'type');
  if (!type || !FIELD_TYPES.includes(type)) {
    problems.push(`${called} ${type ? `has the unknown type "${type}"` : 'has no type'}: use one of ${FIELD_TYPES.join(', ')}`);
  }
  if (type === 'enum') {
    const options = (text(field, 'options') ?? '').split(',').map((option) => option.trim()).filter((option) => option !== '');
    if (options.length === 0) problems.push(`${called} is a choice with no options: list them, separated by commas, e.g. "granted,refused"`);
  }
  const pattern = text(field, 'pattern');
  const patternProblem = pattern === undefined ? undefined : userPatternProblem(pattern);
  if (patternProblem) problems.push(`${called} has the pattern "${pattern}", which ${patternProblem.reason}`);
  const [min, max] = [text(field, 'min'), text(field, 'max')];
  if (type && BOUND_EXAMPLES[type] && (min !== undefined || max !== undefined)) {
    const low = min === undefined ? undefined : bound(type, min);
    const high = max === undefined ? undefined : bound(type, max);
    if (min !== undefined && low === undefined) problems.push(`${called} has a minimum "${min}" that is not ${BOUND_EXAMPLES[type]}`);
    if (max !== undefined && high === undefined) problems.push(`${called} has a maximum "${max}" that is not ${BOUND_EXAMPLES[type]}`);
    if (low !== undefined && high !== undefined && low > high) problems.push(`${called} has a minimum (${min}) above its maximum (${max}): swap them`);
  }
  return problems;
}

const validFormFields: RuleFactory = () => ({
  meta: { description: 'Form fields have a unique name, a known type, options for choices, a valid pattern and min <= max.' },
  check(node, reporter) {
    if (!is(node, 'casework:Form')) return;
    const step = owningStep(node);
    if (!step?.id) return;
    const seen = new Set<string>();
    elements(node, 'fields').forEach((field, index) => {
      for (const problem of fieldProblems(field, index + 1, seen)) reporter.report(step.id as string, `The form of ${describe(step).replace(/^\w/, (c) => c.toLowerCase())}: ${problem}.`);
    });
  },
});

export default validFormFields;
