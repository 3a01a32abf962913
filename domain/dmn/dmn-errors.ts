// What can go wrong reading or evaluating a decision: one union keyed by a stable code.

export type DmnError =
  | { code: 'dmn-unreadable'; message: string; line?: number }
  | { code: 'dmn-unsupported'; decisionId: string; message: string }
  | { code: 'decision-missing'; decisionId: string; message: string }
  | { code: 'decision-cycle'; decisionId: string; message: string }
  | { code: 'no-rule-matched'; decisionId: string; message: string }
  | { code: 'rules-conflict'; decisionId: string; ruleIds: string[]; message: string }
  | { code: 'feel-error'; decisionId: string; ruleId?: string; message: string };

export type DmnErrorCode = DmnError['code'];

export type DmnOutcome<T> = { ok: true; value: T } | { ok: false; error: DmnError };
