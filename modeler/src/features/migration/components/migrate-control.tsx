// "Migrate N cases" and its confirm step (a modal dialog: Escape or Cancel backs out). Confirming
// starts the run with one Idempotency-Key per confirm step, so retrying after an error cannot start
// a second migration; once the server accepts it, the page follows the run's progress.
import { useEffect, useRef, useState } from 'react';
import type { MigrationPlan } from '../../../../../domain/contract/migration.ts';
import { newIdempotencyKey } from '../../../shared/api/idempotency-key.ts';
import { hrefFor, navigate } from '../../../shared/routing/hash-route.ts';
import { useStartMigration } from '../api/start-migration.ts';
import { ProblemMessage } from './problem-message.tsx';

const casesText = (count: number) => `${count} case${count === 1 ? '' : 's'}`;

function ConfirmDialog({ definitionId, plan, count, onClose }: { definitionId: string; plan: MigrationPlan; count: number; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const start = useStartMigration(definitionId);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  function confirm() {
    start.mutate(
      { plan, idempotencyKey },
      { onSuccess: (progress) => navigate(hrefFor(['designer', definitionId, 'migrate'], { from: String(plan.fromVersion), to: String(plan.toVersion), migration: progress.migrationId })) },
    );
  }

  return (
    <dialog ref={dialog} className="migration-confirm" aria-labelledby="migration-confirm-heading" onCancel={(event) => {
        // Escape closes the dialog through React's state, so it can open again; not while starting.
        event.preventDefault();
        if (!start.isPending) onClose();
      }}
    >
      <h2 id="migration-confirm-heading">
        Migrate {casesText(count)} from version {plan.fromVersion} to version {plan.toVersion}?
      </h2>
      <p>Each case moves as the preview shows, or stays as it is if it can no longer migrate when its turn comes. Caseworkers keep their claimed tasks where the preview says they are kept.</p>
      {start.error ? <ProblemMessage error={start.error} /> : null}
      <div className="actions">
        <button type="button" className="migration-go" onClick={confirm} disabled={start.isPending}>
          {start.isPending ? 'Starting…' : start.error ? 'Try again' : `Confirm: migrate ${casesText(count)}`}
        </button>
        <button type="button" onClick={onClose} disabled={start.isPending}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

export function MigrateControl({ definitionId, plan, count }: { definitionId: string; plan: MigrationPlan; count: number }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className="migration-go" disabled={count === 0} onClick={() => setConfirming(true)}>
        Migrate {casesText(count)}
      </button>
      {count === 0 ? <span className="muted"> No case can migrate under this mapping.</span> : null}
      {confirming ? <ConfirmDialog definitionId={definitionId} plan={plan} count={count} onClose={() => setConfirming(false)} /> : null}
    </>
  );
}
