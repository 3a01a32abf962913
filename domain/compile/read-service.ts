// The handler a service-like step runs (casework:handler, zeebe:taskDefinition type, or the
// Camunda 7 topic/delegate/class) and its retry policy (casework:retry, or zeebe retries).
import type { RetryPolicy } from '../process/ir.ts';
import type { CompileContext } from './compile-context.ts';
import { describe, quoted, sentence } from './describe-element.ts';
import { isIsoDuration } from '../time/iso8601.ts';
import { type Element, commaList, extension, raw, text } from './moddle-access.ts';

/** `${mailer}` or `#{mailer}` → `mailer`; anything more complex stays as written. */
const beanName = (expression: string): string => /^[$#]\{\s*([\w.]+)\s*\}$/.exec(expression)?.[1] ?? expression;

function handlerOf(node: Element): string | undefined {
  const casework = text(node, 'casework:handler');
  if (casework) return casework;
  const definition = extension(node, 'zeebe:TaskDefinition');
  const zeebe = definition && text(definition, 'type');
  if (zeebe) return zeebe;
  const topic = text(node, 'camunda:topic');
  if (topic) return topic;
  const delegate = text(node, 'camunda:delegateExpression') ?? text(node, 'camunda:expression');
  if (delegate) return beanName(delegate);
  return text(node, 'camunda:class');
}

function readRetry(node: Element, ctx: CompileContext): RetryPolicy | undefined {
  const invalid = (why: string) =>
    ctx.report({
      code: 'invalid-retry',
      severity: 'warning',
      elementId: node.id,
      message: `${sentence(describe(node))} ${why} The default retry policy is used instead.`,
    });
  const casework = extension(node, 'casework:Retry');
  if (casework) {
    const maximumAttempts = raw(casework, 'maximumAttempts');
    const backoffCoefficient = raw(casework, 'backoffCoefficient');
    const policy: RetryPolicy = { nonRetryableErrors: commaList(text(casework, 'nonRetryableErrors')) };
    if (typeof maximumAttempts === 'number' && Number.isInteger(maximumAttempts) && maximumAttempts > 0) policy.maximumAttempts = maximumAttempts;
    else if (maximumAttempts !== undefined) invalid('has a maximum number of attempts that is not a whole number above zero.');
    if (typeof backoffCoefficient === 'number' && backoffCoefficient > 0) policy.backoffCoefficient = backoffCoefficient;
    else if (backoffCoefficient !== undefined) invalid('has a backoff coefficient that is not a number above zero.');
    for (const key of ['initialInterval', 'maximumInterval'] as const) {
      const interval = text(casework, key);
      if (interval && isIsoDuration(interval)) policy[key] = interval;
      else if (interval) invalid(`has the retry ${key} ${quoted(interval)}; write an ISO 8601 duration such as PT30S.`);
    }
    return policy;
  }
  const definition = extension(node, 'zeebe:TaskDefinition');
  const retries = definition && text(definition, 'retries');
  if (retries === undefined) return undefined;
  const attempts = Number(retries);
  if (Number.isInteger(attempts) && attempts > 0) return { maximumAttempts: attempts, nonRetryableErrors: [] };
  invalid(`has ${quoted(retries)} retries; write a whole number above zero.`);
  return undefined;
}

export function readService(node: Element, ctx: CompileContext): { handler: string; retry?: RetryPolicy } | undefined {
  const handler = handlerOf(node);
  const retry = readRetry(node, ctx);
  if (!handler) return undefined;
  return { handler, ...(retry ? { retry } : {}) };
}
