// Parses a request part with its zod schema, turning failures into a 400 naming each field.
import type { z } from 'zod';
import { fromZod } from './problems/problem-handler.ts';
import { Problem, type ProblemIssue } from './problems/problem.ts';

export function parse<Schema extends z.ZodType>(schema: Schema, value: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<Schema> {
  refuseNulCharacters(value, where);
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw fromZod(result.error, where);
  return result.data;
}

/**
 * PostgreSQL cannot store a NUL character in text or jsonb, so one anywhere in a request part
 * (a username, a path id, a query value, a key or value of case data) would fail its query with a
 * 500. No field of Casemap has a use for it: refuse it here, naming each field that holds one.
 * Walks without recursion so deeply nested JSON cannot overflow the stack.
 */
function refuseNulCharacters(value: unknown, where: string): void {
  const issues: ProblemIssue[] = [];
  const pending: [unknown, string][] = [[value, where]];
  while (pending.length > 0 && issues.length < 20) {
    const [item, field] = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) issues.push({ field, message: 'must not contain a NUL character (\\u0000)', code: 'nul-character' });
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes('\u0000')) issues.push({ field: `${field}.${key.split('\u0000').join('\\u0000')}`, message: 'names a field with a NUL character (\\u0000)', code: 'nul-character' });
        else pending.push([child, `${field}.${key}`]);
      }
    }
  }
  if (issues.length > 0) throw new Problem('invalid-request', `The request ${where} is not valid: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`, issues);
}
