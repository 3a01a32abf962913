// Evaluates a decision over case data: its required decisions first (their results become inputs
// under their variable names), then its decision table or literal expression, with the business
// knowledge models it requires callable as functions. Each result is converted to the shape its
// variable's type says (a one-item list to its item, DMN 1.3 §10.3.2.9.4).
import { date, dateAndTime } from 'feelin';
import type { Decision } from './decision-ir.ts';
import type { DmnOutcome } from './dmn-errors.ts';
import { decisionLabel, evaluateLogic } from './evaluate-logic.ts';
import { feelToJson } from './feel-json.ts';
import { knowledgeFunctions } from './knowledge-models.ts';
import { conformTo } from './type-shapes.ts';

/** What one decision gave: which rules matched (decision tables) and the output, as case data. */
export interface DecisionEvaluation {
  decisionId: string;
  decisionName?: string;
  matchedRules: Array<{ ruleId: string; index: number }>;
  output: unknown;
}

export interface DecisionResult {
  /** The asked-for decision's output, as case data. */
  output: unknown;
  /** Every decision evaluated, required decisions before those that read them, the asked-for one last. */
  evaluations: DecisionEvaluation[];
}

export interface EvaluateOptions {
  /** The instant `now()` and `today()` read, so a replay gives the same answer; without it they are null. */
  now?: string;
}

function clock(now: string | undefined): Record<string, unknown> {
  if (!now) return {};
  return { now: () => dateAndTime(now), today: () => date(now.slice(0, 10)) };
}

/** Evaluates `decisionId` among `decisions` over `data` (case data or DMN input data by name). */
export function evaluateDecision(decisions: readonly Decision[], decisionId: string, data: Readonly<Record<string, unknown>>, options: EvaluateOptions = {}): DmnOutcome<DecisionResult> {
  const byId = new Map(decisions.map((decision) => [decision.id, decision]));
  const results = new Map<string, unknown>();
  const evaluations: DecisionEvaluation[] = [];
  const visiting = new Set<string>();

  const visit = (id: string): DmnOutcome<unknown> => {
    if (results.has(id)) return { ok: true, value: results.get(id) };
    const decision = byId.get(id);
    if (!decision) return { ok: false, error: { code: 'decision-missing', decisionId: id, message: `There is no decision with the id ${id}.` } };
    if (visiting.has(id)) return { ok: false, error: { code: 'decision-cycle', decisionId: id, message: `${decisionLabel(decision)} requires itself through other decisions.` } };
    visiting.add(id);
    const required: Record<string, unknown> = {};
    for (const ref of decision.requires) {
      const result = visit(ref);
      if (!result.ok) return result;
      required[byId.get(ref)?.variable ?? ref] = result.value;
    }
    // case data first, then the knowledge models and required decisions over it, the clock last so data cannot move it
    const now = clock(options.now);
    const context = { ...data, ...knowledgeFunctions(decision.knowledge ?? [], now), ...required, ...now };
    const owner = { id: decision.id, ...(decision.name ? { name: decision.name } : {}), label: decisionLabel(decision) };
    const evaluated = evaluateLogic(owner, decision.logic, context);
    if (!evaluated.ok) return evaluated;
    const raw = conformTo(evaluated.value.raw, decision.shape);
    const matched = evaluated.value.matched;
    visiting.delete(id);
    results.set(id, raw);
    evaluations.push({
      decisionId: decision.id,
      ...(decision.name ? { decisionName: decision.name } : {}),
      matchedRules: matched.map((rule) => ({ ruleId: rule.ruleId, index: rule.index })),
      output: feelToJson(raw),
    });
    return { ok: true, value: raw };
  };

  const outcome = visit(decisionId);
  if (!outcome.ok) return outcome;
  return { ok: true, value: { output: feelToJson(outcome.value), evaluations } };
}
