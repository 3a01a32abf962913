// What a business rule task decided, on the case timeline: the decision, the rules that matched
// (by row number, as the table shows them) and the output stored in case data.
import { z } from 'zod';
import type { CaseEvent } from '../api/get-case.ts';

const Evaluation = z.object({
  decisionId: z.string(),
  decisionName: z.string().optional(),
  resultVariable: z.string().optional(),
  matchedRules: z.array(z.object({ ruleId: z.string(), index: z.number() })).default([]),
  output: z.unknown(),
  required: z.array(z.object({ decisionId: z.string(), decisionName: z.string().optional(), matchedRules: z.array(z.object({ ruleId: z.string(), index: z.number() })).default([]), output: z.unknown() })).default([]),
});
type Evaluation = z.infer<typeof Evaluation>;

const rulesText = (rules: Evaluation['matchedRules']): string =>
  rules.length === 0 ? 'no rule matched' : `${rules.length === 1 ? 'rule' : 'rules'} ${rules.map((rule) => rule.index).join(', ')} matched`;

const outputText = (output: unknown): string => (typeof output === 'string' ? `"${output}"` : JSON.stringify(output ?? null));

export function DecisionEvaluation({ event }: { event: CaseEvent }) {
  const parsed = Evaluation.safeParse(event.data);
  if (!parsed.success) return null;
  const { decisionId, decisionName, resultVariable, matchedRules, output, required } = parsed.data;
  return (
    <dl className="decision-evaluation" data-testid="decision-evaluation">
      <dt>Decision</dt>
      <dd>{decisionName ?? decisionId}</dd>
      <dt>Matched</dt>
      <dd>{rulesText(matchedRules)}</dd>
      <dt>Output</dt>
      <dd>
        <code>{outputText(output)}</code>
        {resultVariable ? <span className="muted"> stored as {resultVariable}</span> : null}
      </dd>
      {required.length > 0 ? (
        <>
          <dt>Using</dt>
          <dd>{required.map((inner) => `${inner.decisionName ?? inner.decisionId} = ${outputText(inner.output)} (${rulesText(inner.matchedRules)})`).join('; ')}</dd>
        </>
      ) : null}
    </dl>
  );
}
