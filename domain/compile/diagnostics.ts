// Compiler diagnostics: one readonly discriminated union keyed by a stable `code`; the list of
// codes is derived from the union, so a new diagnostic is added in exactly one place.
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

const base = {
  severity: Severity,
  /** The id of the element at fault, when there is one. */
  elementId: z.string().optional(),
  /** A sentence a process designer understands: the element (name and id) and what is accepted. */
  message: z.string(),
};

const variant = <C extends string, S extends z.ZodRawShape>(code: C, extra: S) =>
  z.object({ code: z.literal(code), ...base, ...extra }).readonly();

const limit = { limit: z.number(), actual: z.number().optional() };

export const Diagnostic = z.discriminatedUnion('code', [
  /** The file declares a DOCTYPE (entities, external references); never parsed. */
  variant('doctype-rejected', {}),
  /** Input limits, checked before parsing. */
  variant('too-large', limit),
  variant('too-many-elements', limit),
  variant('too-deep', limit),
  /** Not well-formed XML, or not a BPMN 2.0 definitions document. */
  variant('xml-unparsable', {}),
  /** Any other complaint the BPMN parser made while reading the file. */
  variant('xml-warning', {}),
  /** An element in the BPMN namespace that BPMN 2.0 does not define; left out of the IR. */
  variant('unknown-element', { elementType: z.string() }),
  variant('duplicate-id', {}),
  variant('missing-id', { elementType: z.string() }),
  /** A reference (sourceRef, attachedToRef, messageRef…) to an element the diagram does not contain. */
  variant('missing-reference', { property: z.string(), reference: z.string() }),
  /** Valid BPMN that Casemap maps but cannot run (error in an executable process, else info). */
  variant('not-executable-element', { elementType: z.string() }),
  variant('no-process', {}),
  variant('invalid-timer', {}),
  variant('invalid-feel', { expression: z.string() }),
  variant('juel-expression', { expression: z.string() }),
  variant('unsupported-expression-language', { language: z.string() }),
  /** A casework:sla, casework:handoffSla, due date or casework:watchdog Casemap cannot read. */
  variant('invalid-sla', { attribute: z.string() }),
  variant('invalid-calendar', { value: z.string() }),
  variant('invalid-form-field', { field: z.string().optional() }),
  variant('invalid-retry', {}),
  /** A user task whose form lives outside the diagram (Camunda 8 linked form). */
  variant('external-form', {}),
  variant('missing-message', {}),
  /** Compensation Casemap cannot wire up: a boundary with no undo step, an undo step nothing triggers, an activityRef out of scope. */
  variant('invalid-compensation', {}),
  /** A multi-instance marker Casemap cannot run as written (no input collection or cardinality, a bad expression or name, too many instances). */
  variant('invalid-multi-instance', { attribute: z.string().optional() }),
  /** A fault in Casemap itself while compiling; never the designer's fault. */
  variant('compiler-failure', {}),
]);
export type Diagnostic = z.infer<typeof Diagnostic>;
export type DiagnosticCode = Diagnostic['code'];

/** Every diagnostic code, read off the union. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = Diagnostic.options.map(
  (option) => option.def.innerType.shape.code.value,
);

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');
