// A refused request in full: the problem's detail and each issue with the field or element it names
// (a plan's mapping at fault, a version that does not exist), so the designer knows what to change.
import { ApiError } from '../../../shared/api/problem.ts';
import { ErrorMessage } from '../../../shared/components/status.tsx';

export function ProblemMessage({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <ErrorMessage error={error} onRetry={onRetry}>
      {issues.length > 0 ? (
        <ul>
          {issues.map((issue, index) => (
            <li key={index}>
              {issue.elementId ? <code>{issue.elementId}</code> : issue.field ? <code>{issue.field}</code> : null}
              {issue.elementId || issue.field ? ': ' : null}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </ErrorMessage>
  );
}
