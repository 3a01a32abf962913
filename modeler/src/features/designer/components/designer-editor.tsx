// The modeller: canvas, casework properties, live problems, import/export and deploy.
import { useRef, useState, type ChangeEvent } from 'react';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { downloadText } from '../../../shared/files/download.ts';
import { useModeler } from '../hooks/use-modeler.ts';
import type CaseworkLint from '../bpmn/casework-lint/casework-lint.ts';
import type { Canvas, CommandStack, Selection } from '../bpmn/services.ts';
import { suggestDefinitionId } from '../lib/new-diagram.ts';
import { PropertiesPanel } from './properties-panel.tsx';
import { ProblemsList, toProblems, type Problem } from './problems-list.tsx';
import { DeployForm } from './deploy-form.tsx';

export interface EditorDocument {
  xml: string;
  definitionId: string;
  title: string;
}

export function DesignerEditor({ initial }: { initial: EditorDocument }) {
  const container = useRef<HTMLDivElement>(null);
  const [source, setSource] = useState<{ xml: string }>(() => ({ xml: initial.xml }));
  const [definitionId, setDefinitionId] = useState(initial.definitionId);
  const [title, setTitle] = useState(initial.title);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const state = useModeler(container, source);
  const { modeler } = state;
  const lintProblems = toProblems(state.findings);
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

  return (
    <section className="designer-editor" aria-label={`Designer: ${title}`}>
      <div className="toolbar">
        <h1 className="editor-title">{title}</h1>
        <label className="file-button" htmlFor="import-bpmn">
          Import BPMN file
        </label>
        <input id="import-bpmn" className="file-input" type="file" accept=".bpmn,.xml,application/xml,text/xml" onChange={importFile} />
        <button type="button" disabled={!modeler} onClick={async () => downloadText(`${definitionId || 'process'}.bpmn`, await saveXml(), 'application/xml')}>
          Export BPMN
        </button>
        <button
          type="button"
          disabled={!modeler}
          onClick={async () => {
            const { svg } = await modeler!.saveSVG();
            downloadText(`${definitionId || 'process'}.svg`, svg, 'image/svg+xml');
          }}
        >
          Export SVG
        </button>
        <button type="button" disabled={!state.canUndo} onClick={() => commandStack()?.undo()} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" disabled={!state.canRedo} onClick={() => commandStack()?.redo()} aria-keyshortcuts="Control+Y">
          Redo
        </button>
      </div>
      {state.importError ? (
        <p className="status status-error" role="alert">
          {state.importError}
        </p>
      ) : null}
      <div className="editor-main">
        <div ref={container} className="modeler-canvas" data-testid="modeler-canvas" />
        {modeler ? <PropertiesPanel modeler={modeler} selected={state.selected} revision={state.revision} /> : null}
      </div>
      <div className="editor-bottom">
        <ProblemsList problems={[...serverProblems, ...lintProblems]} linting={state.linting} onSelect={select} />
        <DeployForm key={definitionId} initialId={definitionId} errors={errors} linting={state.linting} saveXml={saveXml} onServerProblems={setServerProblems} />
      </div>
    </section>
  );
}
