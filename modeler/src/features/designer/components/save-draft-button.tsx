// Saves the diagram as the process's draft on the server (not checked, not deployed), so work in
// progress survives closing the browser; the process list reopens it.
import { useState } from 'react';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { InlineError } from '../../../shared/components/status.tsx';
import { saveDraft } from '../api/save-draft.ts';
import { isDefinitionId } from '../lib/new-diagram.ts';

export function SaveDraftButton({ definitionId, diagramName, saveXml, disabled }: { definitionId: string; diagramName: () => string | undefined; saveXml: () => Promise<string>; disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ definitionId: string; at: string }>();
  const [failure, setFailure] = useState<string>();
  const idValid = isDefinitionId(definitionId);

  async function save() {
    setBusy(true);
    setFailure(undefined);
    try {
      const draft = await saveDraft(definitionId, { name: diagramName()?.trim() || definitionId, xml: await saveXml() });
      setSaved({ definitionId: draft.definitionId, at: draft.updatedAt });
    } catch (error) {
      setFailure(`The draft was not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" disabled={disabled || busy || !idValid} onClick={save} title={idValid ? `Save as the draft of ${definitionId}` : 'Give the process a valid id (under Deploy) to save a draft'}>
        {busy ? 'Saving…' : 'Save draft'}
      </button>
      {saved ? (
        <span className="status-ok" role="status">
          Draft of {saved.definitionId} saved {formatWhen(saved.at)} · <a href={hrefFor(['designer', saved.definitionId, 'draft'])}>Reopen</a>
        </span>
      ) : null}
      <InlineError message={failure} />
    </>
  );
}
