// Loading, empty and error states, the same everywhere.
import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return (
    <p className="status status-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status status-empty">{children}</p>;
}

/** `children`: more about the error under its message (e.g. each issue of a refused request). */
export function ErrorMessage({ error, onRetry, children }: { error: Error; onRetry?: () => void; children?: ReactNode }) {
  return (
    <div className="status status-error" role="alert">
      <p>{error.message}</p>
      {children}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** A short failure message beside the control that caused it (buttons in a toolbar). */
export function InlineError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <span className="form-error" role="alert">
      {message}
    </span>
  );
}
