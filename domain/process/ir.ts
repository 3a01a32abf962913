// The compiled process (IR): the plain, JSON-serialisable graph that the engine runs, the
// checks read and the analyses map onto. Every type here comes from its zod schema.
import { z } from 'zod';
import { DecisionSet } from '../dmn/decision-ir.ts';

export const IR_SCHEMA_VERSION = 1;

/** What kind of BPMN element a node is; names follow the BPMN 2.0 element names. */
export const NodeKind = z.enum([
  'startEvent',
  'endEvent',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'task',
  'userTask',
  'serviceTask',
  'receiveTask',
  'sendTask',
  'manualTask',
  'scriptTask',
  'businessRuleTask',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'complexGateway',
  'subProcess',
  'adHocSubProcess',
  'transaction',
  'callActivity',
]);
export type NodeKind = z.infer<typeof NodeKind>;

/** A duration, date or cycle as written in the diagram (ISO 8601 or a FEEL expression). */
export const TimerSpec = z.object({
  type: z.enum(['duration', 'date', 'cycle']),
  /** The expression text, e.g. `PT72H`, `2026-01-01T09:00:00Z`, `R3/P1D` or `=ersDate - duration("P10D")`. */
  expression: z.string(),
  /** True when `expression` is FEEL (written with a leading `=`) and must be evaluated over case data. */
  feel: z.boolean(),
});
export type TimerSpec = z.infer<typeof TimerSpec>;

/** What makes an event fire (its BPMN event definition). `none` for plain events. */
export const Trigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('timer'), timer: TimerSpec }),
  z.object({
    type: z.literal('message'),
    messageName: z.string(),
    /** FEEL expression over case data whose value correlates an incoming message to this case. */
    correlationKey: z.string().optional(),
  }),
  z.object({ type: z.literal('error'), errorCode: z.string().optional(), errorName: z.string().optional() }),
  z.object({ type: z.literal('escalation'), escalationCode: z.string().optional(), escalationName: z.string().optional() }),
  z.object({ type: z.literal('signal'), signalName: z.string().optional() }),
  z.object({ type: z.literal('terminate') }),
  z.object({ type: z.literal('conditional'), condition: z.string().optional() }),
  z.object({ type: z.literal('link'), linkName: z.string().optional() }),
  z.object({
    type: z.literal('compensate'),
    /** Throw and end events: the one activity to undo (`activityRef`); absent, every completed activity in the scope. */
    activityRef: z.string().optional(),
    /** Throw events: false lets the path go on while the undo steps run (BPMN's `waitForCompletion`, default true). */
    waitForCompletion: z.boolean().optional(),
    /** Boundary events: the compensation activity joined to it by an association, which undoes the step it sits on. */
    handler: z.string().optional(),
  }),
  z.object({ type: z.literal('cancel') }),
  /** Several event definitions on one event (BPMN "multiple"); Casemap maps it but does not run it. */
  z.object({ type: z.literal('multiple'), triggers: z.array(z.string()) }),
]);
export type Trigger = z.infer<typeof Trigger>;

export const FormFieldType = z.enum(['string', 'text', 'number', 'boolean', 'date', 'enum']);
export type FormFieldType = z.infer<typeof FormFieldType>;

/** One field a caseworker fills in to complete a step. */
export const FormField = z.object({
  name: z.string(),
  label: z.string(),
  type: FormFieldType,
  required: z.boolean(),
  /** Allowed values for `enum` fields. */
  options: z.array(z.string()).default([]),
  /** Extra validation: a regular expression for text, bounds for numbers and dates (ISO). */
  pattern: z.string().optional(),
  min: z.union([z.number(), z.string()]).optional(),
  max: z.union([z.number(), z.string()]).optional(),
});
export type FormField = z.infer<typeof FormField>;

/** How long a step may take: an ISO 8601 duration or a FEEL expression giving a date or duration. */
export const Deadline = z.object({
  expression: z.string(),
  feel: z.boolean(),
  calendar: z.enum(['working-days', 'calendar-days']),
});
export type Deadline = z.infer<typeof Deadline>;

export const RetryPolicy = z.object({
  maximumAttempts: z.number().int().positive().optional(),
  initialInterval: z.string().optional(),
  backoffCoefficient: z.number().positive().optional(),
  maximumInterval: z.string().optional(),
  nonRetryableErrors: z.array(z.string()).default([]),
});
export type RetryPolicy = z.infer<typeof RetryPolicy>;

/** Who is responsible for a step: a team (by default the lane's) and optionally a role within it. */
export const Owner = z.object({
  team: z.string(),
  role: z.string().optional(),
  /** A named person, e.g. from `camunda:assignee`; may be a FEEL expression (leading `=`). */
  assignee: z.string().optional(),
  /** Where the team came from, so designers can see why a step belongs to a team. */
  source: z.enum(['casework', 'lane', 'camunda', 'zeebe']),
});
export type Owner = z.infer<typeof Owner>;

/**
 * A multi-instance step's data (Zeebe's `zeebe:loopCharacteristics`, or the same attributes as
 * `casework:loopCharacteristics`, plus BPMN's loopCardinality and completionCondition). Expressions
 * are FEEL without the leading `=`; `inputElement` and `outputCollection` are variable names.
 */
export const MultiInstance = z.object({
  /** The list to run over, one instance per item. */
  inputCollection: z.string().optional(),
  /** The variable each instance sees its item as. */
  inputElement: z.string().optional(),
  /** The variable the gathered outputs are stored in, in instance order. */
  outputCollection: z.string().optional(),
  /** What each instance contributes to the output collection. */
  outputElement: z.string().optional(),
  /** How many instances to run when there is no input collection. */
  cardinality: z.string().optional(),
  /** Checked after each instance completes; when true the open instances are cancelled and the step moves on. */
  completionCondition: z.string().optional(),
});
export type MultiInstance = z.infer<typeof MultiInstance>;

export const Node = z.object({
  id: z.string(),
  kind: NodeKind,
  name: z.string().optional(),
  /** The process (pool) this node belongs to. */
  processId: z.string(),
  /** The enclosing sub-process, if any; undefined for top-level nodes. */
  parentId: z.string().optional(),
  /** The innermost lane holding this node, if any. */
  laneId: z.string().optional(),
  trigger: Trigger.optional(),
  /**
   * Boundary events: the activity they sit on and whether they cancel it. Start events of event
   * sub-processes: `false` when drawn non-interrupting (`isInterrupting="false"`), else absent.
   */
  attachedTo: z.string().optional(),
  cancelActivity: z.boolean().optional(),
  /** Gateways and activities: the flow taken when no condition holds. */
  defaultFlow: z.string().optional(),
  /** Event-based / instantiating gateways and sub-processes triggered by events. */
  triggeredByEvent: z.boolean().optional(),
  owner: Owner.optional(),
  sla: Deadline.optional(),
  /** How long the receiving team has to accept the case when this step is reached by a handoff. */
  handoffSla: Deadline.optional(),
  followUp: z.string().optional(),
  form: z.array(FormField).default([]),
  /** Names of case data this step captures (beyond its form fields). */
  captures: z.array(z.string()).default([]),
  kpis: z.array(z.string()).default([]),
  service: z
    .object({ handler: z.string(), retry: RetryPolicy.optional() })
    .optional(),
  /** Call activities: the process they call (`calledElement`, `zeebe:calledElement processId`). */
  calledElement: z.string().optional(),
  /** FEEL script tasks: the expression (without `=`) evaluated over case data, and the field its value is stored in. */
  script: z.object({ expression: z.string(), resultVariable: z.string() }).optional(),
  /** Business rule tasks: the DMN decision evaluated over case data, and the field its result is stored in. */
  decision: z.object({ decisionId: z.string(), resultVariable: z.string() }).optional(),
  /** A compensation activity (`isForCompensation`): entered only to undo a completed step, never by a sequence flow. */
  isForCompensation: z.boolean().optional(),
  /** Multi-instance marker: the step runs once per item, all at once (parallel) or one after another. */
  multiInstance: z.enum(['parallel', 'sequential']).optional(),
  /** What a multi-instance step runs over and gathers (FEEL without `=`); see MultiInstance. */
  instances: MultiInstance.optional(),
  loop: z.boolean().optional(),
  documentation: z.string().optional(),
});
export type Node = z.infer<typeof Node>;

export const Flow = z.object({
  id: z.string(),
  name: z.string().optional(),
  processId: z.string(),
  source: z.string(),
  target: z.string(),
  /** FEEL condition (without the leading `=`); undefined for unconditional flows. */
  condition: z.string().optional(),
});
export type Flow = z.infer<typeof Flow>;

export const Lane = z.object({
  id: z.string(),
  name: z.string().optional(),
  processId: z.string(),
  parentLaneId: z.string().optional(),
  /** The team that owns the lane's steps: `casework:team`, else the lane name, else the lane id. */
  team: z.string(),
});
export type Lane = z.infer<typeof Lane>;

export const Process = z.object({
  id: z.string(),
  name: z.string().optional(),
  isExecutable: z.boolean(),
  /** The pool (participant) showing this process, when the diagram is a collaboration. */
  participantId: z.string().optional(),
  /** `casework:watchdog`: how long a case may go without progress before it is flagged. */
  watchdog: Deadline.optional(),
  /** `casework:starters`: the teams that may start a case (comma-separated); default: the start event's lane. */
  starters: z.array(z.string()).optional(),
});
export type Process = z.infer<typeof Process>;

/** Elements kept for mapping (data objects, annotations, groups, message flows…) but not run. */
export const Artifact = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string().optional(),
  processId: z.string().optional(),
  source: z.string().optional(),
  target: z.string().optional(),
});
export type Artifact = z.infer<typeof Artifact>;

export const ProcessIR = z.object({
  schemaVersion: z.literal(IR_SCHEMA_VERSION),
  /** Content hash (hex) of everything below, so a case pins the exact graph it started on. */
  hash: z.string(),
  definitionsId: z.string().optional(),
  name: z.string().optional(),
  /** The process a case of this definition runs: the first executable one, else the first. */
  mainProcessId: z.string().optional(),
  processes: z.array(Process),
  nodes: z.array(Node),
  flows: z.array(Flow),
  lanes: z.array(Lane),
  messages: z.array(z.object({ id: z.string(), name: z.string() })),
  errors: z.array(z.object({ id: z.string(), name: z.string().optional(), code: z.string().optional() })),
  escalations: z.array(z.object({ id: z.string(), name: z.string().optional(), code: z.string().optional() })),
  artifacts: z.array(Artifact),
  /** The DMN files deployed with the process, compiled, so a case pins the decisions it runs. */
  decisions: z.array(DecisionSet).optional(),
});
export type ProcessIR = z.infer<typeof ProcessIR>;
