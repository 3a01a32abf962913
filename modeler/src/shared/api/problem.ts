// The API's RFC 9457 problem body, and the error the app throws when a request is refused.
import { ProblemBody, type ProblemIssue } from '../../../../domain/contract/refusal.ts';

export type { ProblemIssue };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ProblemIssue[];

  constructor(status: number, code: string, detail: string, issues: readonly ProblemIssue[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** Reads a failed response as a problem; anything else becomes a plain message with the status. */
export async function problemFrom(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const parsed = ProblemBody.safeParse(JSON.parse(text));
    if (parsed.success) return new ApiError(response.status, parsed.data.code, parsed.data.detail, parsed.data.issues);
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(response.status, 'http-error', `The server answered ${response.status} ${response.statusText}.`);
}

/** The issues of a refusal keyed by form field, for showing each message beside its control. */
export function issuesByField(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const issue of error.issues) {
    if (!issue.field) continue;
    // Request-validation issues are prefixed with where they were found (`body.data.x`).
    const field = issue.field.replace(/^body\.(data\.)?/, '');
    byField[field] = byField[field] ? `${byField[field]}; ${issue.message}` : issue.message;
  }
  return byField;
}
