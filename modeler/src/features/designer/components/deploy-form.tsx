// Deploys the diagram as a new version with a note. Blocked while the live checks find errors;
// the server checks again and its refusals are shown in the problems list.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/problem.ts';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { useDeployDefinition, type DeployResult } from '../api/deploy-definition.ts';
import { isDefinitionId } from '../lib/new-diagram.ts';
import type { Problem } from './problems-list.tsx';

/** The process id is the editor's (drafts are saved under it too); this form edits it. */
export function DeployForm({ definitionId, onDefinitionIdChange, errors, linting, saveXml, saveDmn, onServerProblems }: { definitionId: string; onDefinitionIdChange: (id: string) => void; errors: number; linting: boolean; saveXml: () => Promise<string>; saveDmn?: () => Promise<string | undefined>; onServerProblems: (problems: Problem[]) => void }) {
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DeployResult>();
  const [failure, setFailure] = useState<string>();
  const deployDefinition = useDeployDefinition();
  const idValid = isDefinitionId(definitionId);
  const blocked = errors > 0 || linting || !idValid || busy;

  async function deploy(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    setBusy(true);
    setFailure(undefined);
    setResult(undefined);
    onServerProblems([]);
    try {
      const xml = await saveXml();
      // The decisions beside the diagram are deployed with it, as one version.
      const dmn = await saveDmn?.();
      setResult(await deployDefinition.mutateAsync({ id: definitionId, name: name.trim() || undefined, xml, note: note.trim() || undefined, ...(dmn ? { dmn: [{ xml: dmn }] } : {}) }));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      if (error instanceof ApiError) onServerProblems(error.issues.map((issue) => ({ elementId: issue.elementId ?? undefined, message: issue.message, severity: 'error', source: 'server' })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="deploy-form" onSubmit={deploy} aria-labelledby="deploy-heading">
      <h2 id="deploy-heading">Deploy</h2>
      <div className="prop-row">
        <label htmlFor="deploy-id">Process id</label>
        <input id="deploy-id" value={definitionId} aria-invalid={!idValid} aria-describedby="deploy-id-hint" onChange={(e) => onDefinitionIdChange(e.target.value)} />
        <small id="deploy-id-hint" className={idValid ? 'muted' : 'field-error'}>
          Letters, digits, - and _, starting with a letter. Deploying under an existing id adds a version.
        </small>
      </div>
      <div className="prop-row">
        <label htmlFor="deploy-name">Name (optional)</label>
        <input id="deploy-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="prop-row">
        <label htmlFor="deploy-note">Version note</label>
        <textarea id="deploy-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" disabled={blocked} aria-describedby="deploy-state">
        {busy ? 'Deploying…' : 'Deploy'}
      </button>
      <p id="deploy-state" className="muted">
        {errors > 0 ? `Fix the ${errors} error${errors === 1 ? '' : 's'} in the problems list to deploy.` : linting ? 'Checking the diagram…' : 'Ready to deploy.'}
      </p>
      {result ? (
        <p className="status status-ok" role="status">
          Deployed {result.definitionId} version {result.version}
          {result.created ? '' : ' (unchanged: same as an existing version)'}. <a href={hrefFor(['designer', result.definitionId, String(result.version)])}>Open it</a> · <a href={hrefFor(['cases'], { definitionId: result.definitionId })}>Its cases</a>
        </p>
      ) : null}
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
