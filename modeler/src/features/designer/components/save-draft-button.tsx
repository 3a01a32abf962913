// Saves the diagram as the process's draft on the server (not checked, not deployed), so work in
// progress survives closing the browser; the process list reopens it. Ctrl+S (⌘S) saves too, as in
// every desktop modeller, instead of the browser's "save page".
import { useEffect, useRef, useState } from 'react';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { InlineError } from '../../../shared/components/status.tsx';
import { useSaveDraft } from '../api/save-draft.ts';
import { isDefinitionId } from '../lib/new-diagram.ts';

export function SaveDraftButton({ definitionId, diagramName, saveXml, disabled }: { definitionId: string; diagramName: () => string | undefined; saveXml: () => Promise<string>; disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ definitionId: string; at: string }>();
  const [failure, setFailure] = useState<string>();
  const saveDraft = useSaveDraft();
  const idValid = isDefinitionId(definitionId);

  async function save() {
    setBusy(true);
    setFailure(undefined);
    try {
      const draft = await saveDraft.mutateAsync({ definitionId, name: diagramName()?.trim() || definitionId, xml: await saveXml() });
      setSaved({ definitionId: draft.definitionId, at: draft.updatedAt });
    } catch (error) {
      setFailure(`The draft was not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const canSave = !disabled && !busy && idValid;
  const shortcut = useRef<() => void>(() => {});
  shortcut.current = () => {
    if (canSave) void save();
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      shortcut.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button type="button" disabled={!canSave} onClick={save} aria-keyshortcuts="Control+S Meta+S" title={idValid ? `Save as the draft of ${definitionId} (Ctrl+S)` : 'Give the process a valid id (under Deploy) to save a draft'}>
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
