// The compiled decisions (decision IR): plain JSON read from a DMN file, carried inside a process's
// IR so that a case runs the exact decision tables it was deployed with. Types come from the schemas.
import { z } from 'zod';

export const HitPolicy = z.enum(['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER']);
export type HitPolicy = z.infer<typeof HitPolicy>;

export const Aggregation = z.enum(['SUM', 'MIN', 'MAX', 'COUNT']);
export type Aggregation = z.infer<typeof Aggregation>;

export const TableInput = z.object({
  id: z.string(),
  label: z.string().optional(),
  /** FEEL expression over the decision's context, e.g. `applicant.age`. */
  expression: z.string(),
});

export const TableOutput = z.object({
  id: z.string(),
  /** The output's name: the key of this column in a result with several outputs. */
  name: z.string().optional(),
  label: z.string().optional(),
  /** FEEL list of the output's allowed values, highest priority first (PRIORITY, OUTPUT ORDER). */
  outputValues: z.string().optional(),
  /** FEEL expression used when no rule matched. */
  defaultOutput: z.string().optional(),
});

export const TableRule = z.object({
  id: z.string(),
  description: z.string().optional(),
  /** One unary test per input column; `-` matches anything. */
  inputEntries: z.array(z.string()),
  /** One FEEL expression per output column. */
  outputEntries: z.array(z.string()),
});
export type TableRule = z.infer<typeof TableRule>;

export const DecisionTable = z.object({
  type: z.literal('decisionTable'),
  hitPolicy: HitPolicy,
  aggregation: Aggregation.optional(),
  inputs: z.array(TableInput),
  outputs: z.array(TableOutput).min(1),
  rules: z.array(TableRule),
});
export type DecisionTable = z.infer<typeof DecisionTable>;

export const LiteralDecision = z.object({
  type: z.literal('literalExpression'),
  expression: z.string(),
});

export const Decision = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** The name the decision's result goes by for decisions that require it (its variable). */
  variable: z.string(),
  /** Decisions whose results this one reads, by id: evaluated first. */
  requires: z.array(z.string()).default([]),
  logic: z.discriminatedUnion('type', [DecisionTable, LiteralDecision]),
});
export type Decision = z.infer<typeof Decision>;

/** One DMN file's decisions. */
export const DecisionSet = z.object({
  definitionsId: z.string().optional(),
  name: z.string().optional(),
  decisions: z.array(Decision),
  /** The DMN XML as deployed, so the Designer can open the decisions of a version again. */
  xml: z.string().optional(),
});
export type DecisionSet = z.infer<typeof DecisionSet>;
