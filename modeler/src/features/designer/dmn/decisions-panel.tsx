// The Decisions panel beside the diagram: the DMN decision tables (and literal expressions) the
// process's business rule tasks call, edited with dmn-js and deployed with the diagram.
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type ChangeEvent, type Ref } from 'react';
import { ErrorMessage } from '../../../shared/components/status.tsx';
import { NEW_DECISIONS_XML } from './new-decisions.ts';
import { useDmnModeler } from './use-dmn-modeler.ts';
import { useVersionDecisions } from './get-version-decisions.ts';
import { decisionChoices, type DecisionChoice } from './decision-choices.ts';
import './decisions-panel.css';

/** What the editor asks of the panel at deploy: the DMN to send, or none. */
export interface DecisionsHandle {
  saveDmn(): Promise<string | undefined>;
}

const VIEW_LABEL = { drd: 'Requirements diagram', decisionTable: 'Table', literalExpression: 'Expression', boxedExpression: 'Knowledge model' } as const;

/** `onDecisionsChange` hears the decisions of the open file (none when there is none), for the properties panel. */
export function DecisionsPanel({ handle, deployed, onDecisionsChange }: { handle: Ref<DecisionsHandle>; deployed?: { definitionId: string; version: number }; onDecisionsChange?: (decisions: DecisionChoice[]) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<{ xml: string } | null>();
  const versionDecisions = useVersionDecisions(deployed?.definitionId ?? '', deployed?.version);
  // Until the designer imports or starts decisions, a deployed version shows the ones it was deployed with.
  const fromVersion = useMemo(() => (versionDecisions.data ? { xml: versionDecisions.data } : undefined), [versionDecisions.data]);
  const source = chosen === undefined ? fromVersion : (chosen ?? undefined);
  const { modeler, views, active, importError } = useDmnModeler(container, source);
  const decisions = useMemo(() => (source && modeler ? decisionChoices(views) : []), [source, modeler, views]);
  useEffect(() => onDecisionsChange?.(decisions), [decisions, onDecisionsChange]);

  useImperativeHandle(handle, () => ({
    async saveDmn() {
      if (!source) return undefined;
      if (!modeler) throw new Error('The decisions are still opening; try again in a moment.');
      const { xml } = await modeler.saveXML({ format: true });
      return xml;
    },
  }), [modeler, source]);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setChosen({ xml: await file.text() });
    event.target.value = '';
  }

  return (
    <section className="decisions-panel" aria-labelledby="decisions-heading">
      <div className="toolbar">
        <h2 id="decisions-heading">Decisions</h2>
        <label className="file-button" htmlFor="import-dmn">
          Import DMN file
        </label>
        <input id="import-dmn" className="file-input" type="file" accept=".dmn,.xml,application/xml,text/xml" onChange={importFile} />
        <button type="button" onClick={() => setChosen({ xml: NEW_DECISIONS_XML })}>
          New decision table
        </button>
        {source ? (
          <button type="button" onClick={() => setChosen(null)}>
            Remove decisions
          </button>
        ) : null}
      </div>
      {versionDecisions.error ? <ErrorMessage error={versionDecisions.error} onRetry={versionDecisions.reload} /> : null}
      {importError ? (
        <p className="status status-error" role="alert">
          {importError}
        </p>
      ) : null}
      {source ? (
        <nav aria-label="Decisions in this file" className="decision-views">
          {views.map((view) => (
            <button key={`${view.type}:${view.element.id}`} type="button" aria-pressed={view === active} onClick={() => void modeler?.open(view)}>
              {view.type === 'drd' ? VIEW_LABEL.drd : `${view.element.name ?? view.element.id} (${VIEW_LABEL[view.type].toLowerCase()})`}
            </button>
          ))}
        </nav>
      ) : (
        <p className="muted">No decisions yet. Business rule tasks call DMN decisions deployed with the process: import a DMN file or start a new decision table.</p>
      )}
      <div ref={container} className="dmn-canvas" data-testid="dmn-canvas" hidden={!source} />
    </section>
  );
}
