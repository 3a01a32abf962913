// What `casemap lint --fix` and the Designer's quick-fix change in a Camunda 7 diagram: JUEL
// conditions become FEEL, JUEL assignees become FEEL assignees, and a literal candidate group
// becomes the step's casework:team. Planning is pure; applying is left to the caller (moddle in the
// CLI, bpmn-js's modeling in the browser), and what cannot be converted is said, never guessed.
import { describe, element, expressionBody, is, text, type BpmnElement } from './support/bpmn-element.ts';
import { isJuel } from './support/feel.ts';
import { candidateGroups, computedGroupReason, juelAssignee } from './support/juel-owners.ts';
import { juelToFeel } from './support/juel-to-feel.ts';

export type Camunda7Rewrite =
  /** Replace the flow's condition with `feel` (written with its leading `=`). */
  | { readonly kind: 'condition'; readonly elementId: string; readonly juel: string; readonly feel: string; readonly summary: string }
  /** Set these attributes on the element; `undefined` removes one. */
  | { readonly kind: 'attributes'; readonly elementId: string; readonly set: Readonly<Record<string, string | undefined>>; readonly summary: string };

export interface Camunda7Leftover {
  readonly elementId: string;
  readonly message: string;
}

export interface Camunda7Plan {
  readonly rewrites: readonly Camunda7Rewrite[];
  readonly leftovers: readonly Camunda7Leftover[];
}

// Conditions without a language, or marked as JUEL, are Camunda 7 expressions; others are left alone.
const JUEL_LANGUAGES = new Set(['juel', 'javax.el']);

function planCondition(flow: BpmnElement, plan: { rewrites: Camunda7Rewrite[]; leftovers: Camunda7Leftover[] }): void {
  const condition = element(flow, 'conditionExpression');
  const body = expressionBody(condition);
  const language = text(condition, 'language');
  if (!flow.id || !body || !isJuel(body) || (language && !JUEL_LANGUAGES.has(language.toLowerCase()))) return;
  const converted = juelToFeel(body);
  if (converted.ok) {
    plan.rewrites.push({ kind: 'condition', elementId: flow.id, juel: body, feel: converted.feel, summary: `the condition of ${describe(flow)}: "${body}" → "${converted.feel}"` });
  } else {
    plan.leftovers.push({ elementId: flow.id, message: `The condition of ${describe(flow)} was not converted: "${converted.part}" — ${converted.reason}.` });
  }
}

function planAssignee(task: BpmnElement, plan: { rewrites: Camunda7Rewrite[]; leftovers: Camunda7Leftover[] }): void {
  const assignee = juelAssignee(task);
  if (!task.id || !assignee) return;
  // Casemap reads an assignee written as FEEL (leading `=`) over case data, like Camunda 8.
  const { juel, conversion } = assignee;
  if (conversion.ok) {
    plan.rewrites.push({ kind: 'attributes', elementId: task.id, set: { 'camunda:assignee': conversion.feel }, summary: `the assignee of ${describe(task)}: "${juel}" → "${conversion.feel}"` });
  } else {
    plan.leftovers.push({ elementId: task.id, message: `The assignee of ${describe(task)} was not converted: "${conversion.part}" — ${conversion.reason}.` });
  }
}

function planCandidateGroups(task: BpmnElement, plan: { rewrites: Camunda7Rewrite[]; leftovers: Camunda7Leftover[] }): void {
  const { literal, computed } = candidateGroups(task);
  if (!task.id) return;
  const team = text(task, 'casework:team') ?? literal[0];
  for (const group of computed) {
    plan.leftovers.push({ elementId: task.id, message: `The candidate group "${group.juel}" of ${describe(task)} was not converted: ${computedGroupReason(group, team)}.` });
  }
  if (text(task, 'casework:team') || literal.length === 0) return;
  const [first, ...others] = literal;
  if (others.length > 0) {
    plan.leftovers.push({
      elementId: task.id,
      message: `${describe(task)} names several candidate groups (${literal.map((group) => `"${group}"`).join(', ')}); a Casemap step belongs to one team, so it now belongs to "${first}" and the others were left in camunda:candidateGroups.`,
    });
  }
  // Only a single literal group is fully expressed by casework:team; anything more stays for the designer.
  const set: Record<string, string | undefined> = { 'casework:team': first };
  if (others.length === 0 && computed.length === 0) set['camunda:candidateGroups'] = undefined;
  plan.rewrites.push({ kind: 'attributes', elementId: task.id, set, summary: `the owner of ${describe(task)}: candidate group "${first}" → casework:team "${first}"` });
}

/** The rewrites for one element (a sequence flow or a user task); nothing for any other. */
export function planElementRewrites(node: BpmnElement): Camunda7Plan {
  const plan = { rewrites: [] as Camunda7Rewrite[], leftovers: [] as Camunda7Leftover[] };
  if (is(node, 'bpmn:SequenceFlow')) planCondition(node, plan);
  if (is(node, 'bpmn:UserTask')) {
    planAssignee(node, plan);
    planCandidateGroups(node, plan);
  }
  return plan;
}

/** The rewrites for every element of a parsed diagram, in element id order. */
export function planCamunda7Rewrites(elementsById: Readonly<Record<string, unknown>>): Camunda7Plan {
  const ids = Object.keys(elementsById).sort();
  const plans = ids.map((id) => planElementRewrites(elementsById[id] as BpmnElement));
  return { rewrites: plans.flatMap((plan) => plan.rewrites), leftovers: plans.flatMap((plan) => plan.leftovers) };
}

/**
 * Applies planned rewrites to the diagram they were planned on, through moddle's own setters so the
 * XML is written back by bpmn-moddle. A JUEL language marker goes with the JUEL it marked.
 */
export function applyToParsedDiagram(elementsById: Readonly<Record<string, unknown>>, rewrites: readonly Camunda7Rewrite[]): void {
  for (const rewrite of rewrites) {
    const target = elementsById[rewrite.elementId] as (BpmnElement & { set(name: string, value: unknown): void }) | undefined;
    if (!target) continue;
    if (rewrite.kind === 'condition') {
      const condition = element(target, 'conditionExpression') as (BpmnElement & { set(name: string, value: unknown): void }) | undefined;
      condition?.set('body', rewrite.feel);
      if (text(condition, 'language')) condition?.set('language', undefined);
      continue;
    }
    for (const [name, value] of Object.entries(rewrite.set)) target.set(name, value);
  }
}
