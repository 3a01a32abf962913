// Which problem+json statuses each operation can answer, derived from its access rule and its
// schemas, so the OpenAPI document declares them one by one instead of a catch-all `default`
// (which let any status pass a conformance check).
import { ruleOf } from '../access/access-rules.ts';
import type { RouteSpec } from '../routes/route.ts';

/** What each problem status means, for the document's shared response components. */
export const problemStatuses = {
  400: { name: 'BadRequest', says: 'The request is not valid; each issue names the field at fault (`body.x`, `query.y`, `params.z`).' },
  401: { name: 'Unauthenticated', says: 'No valid session, bearer token or API key.' },
  403: { name: 'Forbidden', says: 'Signed in, but the access rule does not allow this caller (role, API key scope, the process starters, or a missing CSRF token on a cookie session).' },
  404: { name: 'NotFound', says: 'The named object does not exist, or the caller may not see it (the two are not told apart).' },
  409: { name: 'Conflict', says: 'The object is not in a state that allows this (a task already claimed or closed, an Idempotency-Key or message id reused with a different request).' },
  413: { name: 'PayloadTooLarge', says: 'The request body is larger than the API accepts.' },
  415: { name: 'UnsupportedMediaType', says: 'The body is not JSON, or its charset or content encoding cannot be read.' },
  422: { name: 'Unprocessable', says: 'Well formed, but the content cannot be used: a BPMN diagram that does not pass its checks, or data that does not fit the form.' },
  429: { name: 'TooManyRequests', says: 'Too many attempts; try again after Retry-After seconds.' },
  502: { name: 'BadGateway', says: 'The identity provider could not be reached or answered unexpectedly.' },
  503: { name: 'Unavailable', says: 'The case database or Temporal is not reachable right now; try again after Retry-After seconds.' },
} as const;
export type ProblemStatus = keyof typeof problemStatuses;

/**
 * Statuses a route answers beyond what its rule and schemas imply, because its handler decides
 * them itself: sign-in refuses a wrong password (401) and counts attempts (429); the OpenID
 * Connect routes refuse a bad callback and depend on the provider.
 */
const handlerStatuses: Record<string, ProblemStatus[]> = {
  'post /auth/login': [401, 429, 503],
  'get /auth/oidc/login': [404, 502, 503],
  'get /auth/oidc/callback': [401, 403, 404, 409, 502, 503],
};

export function problemStatusesOf(spec: RouteSpec): ProblemStatus[] {
  const caller = ruleOf(spec.rule).caller;
  const statuses = new Set<ProblemStatus>(handlerStatuses[`${spec.method} ${spec.path}`] ?? []);
  // The route table refuses a body on a route that takes none, and any part that fails its schema.
  statuses.add(400);
  if (caller.kind !== 'public') {
    statuses.add(401);
    statuses.add(403);
    // Reading or writing storage or Temporal.
    statuses.add(503);
  }
  // A path id, or an id named in the query or body, can name something absent or hidden.
  const namesObjects = spec.params !== undefined || spec.query !== undefined || spec.body !== undefined || ruleOf(spec.rule).objects !== 'none';
  if (caller.kind !== 'public' && namesObjects) statuses.add(404);
  if (spec.method !== 'get') {
    // Any request body is read (size, media type, charset, encoding) before the route is chosen.
    statuses.add(413);
    statuses.add(415);
    if (caller.kind !== 'public') statuses.add(409);
  }
  // A body's content is checked past its shape: BPMN checks, form data against the step's form.
  if (spec.body !== undefined && caller.kind !== 'public') statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}
