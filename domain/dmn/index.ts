// DMN decisions: read a DMN file into decisions, evaluate one over case data.
export * from './decision-ir.ts';
export type { DmnError, DmnErrorCode, DmnOutcome } from './dmn-errors.ts';
export { readDmn, MAX_DMN_BYTES } from './read-dmn.ts';
export { evaluateDecision, type DecisionEvaluation, type DecisionResult, type EvaluateOptions } from './evaluate-decision.ts';
