// The one vocabulary of refusals: the codes the case workflow refuses a task action with (carried
// as the `type` of a non-retryable ApplicationFailure, with typed details) and every problem code
// the API answers with. The API maps a code to an HTTP status; nobody reads a reason out of a message.
import { z } from 'zod';
import { TASK_REFUSAL_CODES } from './task-refusal-code.ts';

/** Why the case workflow refused a task action (an Update validator threw it; history is untouched). */
export const TaskRefusalCode = z.enum(TASK_REFUSAL_CODES);
export type TaskRefusalCode = z.infer<typeof TaskRefusalCode>;
export { TaskRefusal } from './task-refusal-code.ts';

/** One thing at fault: a body field (dotted path) or a BPMN element id, in words for the person who sent it. */
export const ProblemIssue = z.object({
  field: z.string().optional(),
  elementId: z.string().optional(),
  message: z.string(),
  code: z.string().optional(),
});
export type ProblemIssue = z.infer<typeof ProblemIssue>;

/**
 * The details a refusal carries as the ApplicationFailure's first detail: the fields at fault
 * (a form that does not validate), else none.
 */
export const RefusalDetails = z.object({ issues: z.array(ProblemIssue).default([]) });
export type RefusalDetails = z.infer<typeof RefusalDetails>;

/** Every problem code the API answers with; a task refusal keeps its code end to end. */
export const ProblemCode = z.enum([
  'invalid-request',
  'invalid-bpmn',
  'bpmn-check-failed',
  'unauthenticated',
  'forbidden',
  'csrf-token-missing',
  'not-found',
  'method-not-allowed',
  'conflict',
  'message-id-reused',
  'cannot-simulate',
  ...TaskRefusalCode.options,
  'payload-too-large',
  'unsupported-media-type',
  'too-many-requests',
  'temporal-unavailable',
  'database-unavailable',
  'identity-provider-unavailable',
  'internal-error',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** An RFC 9457 problem+json body as the API sends it (the modeller reads `code` and `issues`). */
export const ProblemBody = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: ProblemCode,
    detail: z.string(),
    instance: z.string().optional(),
    issues: z.array(ProblemIssue).default([]),
  })
  .loose();
export type ProblemBody = z.infer<typeof ProblemBody>;
