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

/**
 * What a typeRef says a value is: one value or a collection (absent: untyped, `Any`, or a type
 * Casemap does not know). DMN 1.3 §10.3.2.9.4 converts between them: a one-item list bound to
 * a single-valued type becomes its item, a single value bound to a collection a one-item list.
 */
export const Shape = z.enum(['value', 'collection']);
export type Shape = z.infer<typeof Shape>;

const Logic = z.discriminatedUnion('type', [DecisionTable, LiteralDecision]);

/** A business knowledge model: a function decisions invoke by its name, e.g. `is factor(value, f)`. */
export const KnowledgeModel = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** The name decisions invoke it by (its variable). */
  variable: z.string(),
  parameters: z.array(z.object({ name: z.string(), shape: Shape.optional() })),
  /** What its body's typeRef says it gives. */
  shape: Shape.optional(),
  logic: Logic,
});
export type KnowledgeModel = z.infer<typeof KnowledgeModel>;

export const Decision = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** The name the decision's result goes by for decisions that require it (its variable). */
  variable: z.string(),
  /** Decisions whose results this one reads, by id: evaluated first. */
  requires: z.array(z.string()).default([]),
  /** What the variable's typeRef says the result is; the result is converted to it. */
  shape: Shape.optional(),
  /**
   * The business knowledge models the decision requires, directly or through one another, carried
   * with it so it evaluates alone; each may invoke the others.
   */
  knowledge: z.array(KnowledgeModel).optional(),
  logic: Logic,
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
