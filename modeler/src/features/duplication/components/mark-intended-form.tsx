// "Mark as intended": keeps a duplication on purpose, with the reason the analyst or designer
// gives; the server stops ranking it. Refusals are shown beside the form.
import { useId, useState, type FormEvent } from 'react';
import { IntendedMark } from '../../../../../domain/duplication/types.ts';
import { issuesByField } from '../../../shared/api/problem.ts';
import { ErrorMessage } from '../../../shared/components/status.tsx';
import { useMarkIntended } from '../api/mark-intended.ts';

const REASON_LIMIT = IntendedMark.shape.reason.maxLength ?? 2000;

export function MarkIntendedForm({ clusterKey, title, onMarked }: { clusterKey: string; title: string; onMarked: (reason: string) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [reasonError, setReasonError] = useState<string>();
  const [failure, setFailure] = useState<Error>();
  const markIntended = useMarkIntended();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const given = reason.trim();
    if (!given) {
      setReasonError('Say why this duplication is intended, so others know it was kept on purpose.');
      return;
    }
    setBusy(true);
    setReasonError(undefined);
    setFailure(undefined);
    try {
      await markIntended.mutateAsync({ clusterKey, reason: given });
      onMarked(given);
    } catch (error) {
      const byField = issuesByField(error);
      if (byField.reason) setReasonError(byField.reason);
      else setFailure(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <button type="button" aria-expanded={false} aria-controls={`${id}-form`} onClick={() => setOpen(true)}>
        Mark as intended…
      </button>
    );
  return (
    <form id={`${id}-form`} className="intended-form" onSubmit={submit} aria-label={`Mark as intended: ${title}`} noValidate>
      <div className={reasonError ? 'form-row has-error' : 'form-row'}>
        <label htmlFor={`${id}-reason`}>
          Why is this duplication intended? <span className="required">(required)</span>
        </label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={REASON_LIMIT}
          value={reason}
          required
          aria-invalid={Boolean(reasonError)}
          aria-describedby={reasonError ? `${id}-reason-error` : `${id}-reason-hint`}
          onChange={(event) => setReason(event.target.value)}
        />
        {reasonError ? (
          <p id={`${id}-reason-error`} className="field-error">
            {reasonError}
          </p>
        ) : (
          <small id={`${id}-reason-hint`} className="muted">
            It leaves the ranking and is listed under "Marked as intended" with this reason.
          </small>
        )}
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Marking…' : 'Mark as intended'}
        </button>
        <button type="button" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {failure ? <ErrorMessage error={failure} /> : null}
    </form>
  );
}
