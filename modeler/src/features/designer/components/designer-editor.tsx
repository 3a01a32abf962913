// The modeller: canvas, casework properties, live problems, import/export, drafts, token
// simulation and deploy.
import { useRef, useState, type ChangeEvent } from 'react';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { useModeler } from '../hooks/use-modeler.ts';
import { useTokenSimulation } from '../hooks/use-token-simulation.ts';
import { useDuplicationOverlays } from '../hooks/use-duplication-overlays.ts';
import type CaseworkLint from '../bpmn/casework-lint/casework-lint.ts';
import type JuelQuickFix from '../bpmn/juel-quick-fix/juel-quick-fix.ts';
import type { Canvas, CommandStack, Selection } from '../bpmn/services.ts';
import { suggestDefinitionId } from '../lib/new-diagram.ts';
import { PropertiesPanel } from './properties-panel.tsx';
import { ProblemsList, toProblems, type Problem } from './problems-list.tsx';
import { DeployForm } from './deploy-form.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { SaveDraftButton } from './save-draft-button.tsx';
import { DecisionsPanel, type DecisionsHandle } from '../dmn/decisions-panel.tsx';
import type { DecisionChoice } from '../dmn/decision-choices.ts';

export interface EditorDocument {
  xml: string;
  definitionId: string;
  title: string;
  /** Set when a deployed version is open: its duplicated steps are marked, `element` is selected. */
  deployed?: { version: number; element?: string };
}

export function DesignerEditor({ initial }: { initial: EditorDocument }) {
  const container = useRef<HTMLDivElement>(null);
  const [source, setSource] = useState<{ xml: string }>(() => ({ xml: initial.xml }));
  const [definitionId, setDefinitionId] = useState(initial.definitionId);
  const [title, setTitle] = useState(initial.title);
  // A new import starts the deploy form afresh (its note and last result belong to the old diagram).
  const [imports, setImports] = useState(0);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const state = useModeler(container, source);
  const decisions = useRef<DecisionsHandle>(null);
  // The decisions open beside the diagram, offered to business rule tasks in the properties panel.
  const [decisionChoices, setDecisionChoices] = useState<DecisionChoice[]>([]);
  const { modeler } = state;
  const simulation = useTokenSimulation(modeler);
  const duplicationFailure = useDuplicationOverlays(modeler, initial.deployed && source.xml === initial.xml ? initial.definitionId : undefined, initial.deployed?.element);
  // No quick-fixes while simulating: the edit would change the diagram under the tokens.
  const lintProblems = toProblems(state.findings, modeler && !simulation.active ? modeler.get<JuelQuickFix>('juelQuickFix') : undefined);
  const errors = lintProblems.filter((problem) => problem.severity === 'error').length;

  async function saveXml(): Promise<string> {
    if (!modeler) throw new Error('The modeller is not ready yet.');
    const { xml } = await modeler.saveXML({ format: true });
    return xml ?? '';
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const xml = await file.text();
    setSource({ xml });
    setDefinitionId(suggestDefinitionId(file.name));
    setTitle(file.name);
    setServerProblems([]);
    setImports((n) => n + 1);
    event.target.value = '';
  }

  function select(elementId: string) {
    if (!modeler) return;
    const element = modeler.get<CaseworkLint>('caseworkLint').elementFor(elementId);
    if (!element) return;
    modeler.get<Selection>('selection').select(element);
    modeler.get<Canvas>('canvas').scrollToElement(element);
  }

  const commandStack = () => modeler?.get<CommandStack>('commandStack');
  const diagramName = () => (modeler ? modeler.get<Canvas>('canvas').getRootElement().businessObject.name : undefined);

  return (
    <section className="designer-editor" aria-label={`Designer: ${title}`}>
      <div className="toolbar">
        <h1 className="editor-title">{title}</h1>
        <label className="file-button" htmlFor="import-bpmn">
          Import BPMN file
        </label>
        <input id="import-bpmn" className="file-input" type="file" accept=".bpmn,.xml,application/xml,text/xml" onChange={importFile} />
        <ExportButtons modeler={modeler} baseName={definitionId} saveXml={saveXml} />
        <button type="button" disabled={!state.canUndo || simulation.active} onClick={() => commandStack()?.undo()} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" disabled={!state.canRedo || simulation.active} onClick={() => commandStack()?.redo()} aria-keyshortcuts="Control+Y">
          Redo
        </button>
        <button type="button" disabled={!modeler} aria-pressed={simulation.active} onClick={simulation.toggle} aria-keyshortcuts="T">
          Token simulation
        </button>
        <SaveDraftButton definitionId={definitionId} diagramName={diagramName} saveXml={saveXml} disabled={!modeler} />
      </div>
      {simulation.active ? (
        <p className="status simulation-hint" role="status">
          Simulating: choose the play button on a start event to send a token; modelling is paused until you switch simulation off.
        </p>
      ) : null}
      {duplicationFailure ? <p className="status status-error" role="alert">{duplicationFailure}</p> : null}
      {state.importError ? (
        <p className="status status-error" role="alert">
          {state.importError}
        </p>
      ) : null}
      <div className="editor-main">
        <div ref={container} className="modeler-canvas" data-testid="modeler-canvas" />
        {/* The simulation blocks edits on the canvas only; the panel's would change the diagram under the tokens. */}
        {modeler && simulation.active ? (
          <aside className="properties-panel" aria-label="Properties">
            <h2>Properties</h2>
            <p className="muted">Switch token simulation off to edit properties.</p>
          </aside>
        ) : modeler ? (
          <PropertiesPanel modeler={modeler} selected={state.selected} revision={state.revision} decisions={decisionChoices} />
        ) : null}
      </div>
      <DecisionsPanel handle={decisions} onDecisionsChange={setDecisionChoices} deployed={initial.deployed ? { definitionId: initial.definitionId, version: initial.deployed.version } : undefined} />
      <div className="editor-bottom">
        <ProblemsList problems={[...serverProblems, ...lintProblems]} linting={state.linting} onSelect={select} />
        <DeployForm key={imports} definitionId={definitionId} onDefinitionIdChange={setDefinitionId} errors={errors} linting={state.linting} saveXml={saveXml} saveDmn={() => decisions.current?.saveDmn() ?? Promise.resolve(undefined)} onServerProblems={setServerProblems} />
      </div>
    </section>
  );
}
