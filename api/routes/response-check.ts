// Checks a route's success body against the response schema it declares, so the OpenAPI document
// (built from the same schemas) describes what the API really sends. On when CASEMAP_CHECK_RESPONSES
// is set (the integration tests set it): a body that does not match is answered with a 500 naming the
// field at fault, logged, and recorded for tests to assert on. Off in production, where the cost of a
// second serialisation buys nothing a test has not already caught.
import type { z } from 'zod';
import { Problem } from '../problems/problem.ts';

export interface ResponseViolation {
  route: string;
  issues: { path: string; message: string }[];
}

/** Every mismatch found since the process started (tests assert it stays empty). */
export const responseViolations: ResponseViolation[] = [];
/** Routes (`get /cases/:caseId`) whose real success body was checked, for coverage assertions. */
export const checkedRoutes = new Set<string>();

export function responseChecksOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CASEMAP_CHECK_RESPONSES !== undefined && env.CASEMAP_CHECK_RESPONSES !== '' && env.CASEMAP_CHECK_RESPONSES !== 'false';
}

/** Throws a Problem (500) when `body`, as it goes on the wire, does not match `schema`. */
export function checkResponse(route: string, schema: z.ZodType, body: unknown): void {
  // Checked as JSON, since that is what a client parses: dates become strings, undefined fields vanish.
  const wire: unknown = JSON.parse(JSON.stringify(body));
  const result = schema.safeParse(wire);
  checkedRoutes.add(route);
  if (result.success) return;
  const issues = result.error.issues.slice(0, 5).map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
  responseViolations.push({ route, issues });
  throw new Problem('internal-error', `The answer of ${route} does not match its declared response schema: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}.`);
}
