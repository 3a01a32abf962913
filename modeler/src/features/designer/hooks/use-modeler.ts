// Owns one bpmn-js Modeler for the editor: creates it with Casemap's modules, imports the diagram,
// and reports the selection, every change and the lint findings to React.
import { useEffect, useRef, useState } from 'react';
import Modeler from 'bpmn-js/lib/Modeler';
import tokenSimulationModule from 'bpmn-js-token-simulation';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import { caseworkModdleDescriptor, zeebeModdleDescriptor } from '../../../../../domain/process/moddle.ts';
import type { LintFinding } from '../../../../../domain/checks/lint-bpmn.ts';
import caseworkPropertiesModule from '../bpmn/casework-properties/index.ts';
import calledDecisionModule from '../bpmn/called-decision/index.ts';
import multiInstanceModule from '../bpmn/multi-instance/index.ts';
import caseworkLintModule from '../bpmn/casework-lint/index.ts';
import juelQuickFixModule from '../bpmn/juel-quick-fix/index.ts';
import { LINT_DONE, LINT_PENDING } from '../bpmn/casework-lint/casework-lint.ts';
import type { CommandStack, DiagramElement, EventBus } from '../bpmn/services.ts';

export interface ModelerState {
  modeler: Modeler | undefined;
  selected: DiagramElement | undefined;
  /** Bumped on every change to the diagram, so views reading the model re-render (undo included). */
  revision: number;
  findings: LintFinding[];
  linting: boolean;
  canUndo: boolean;
  canRedo: boolean;
  importError: string | undefined;
}

/** `source` is compared by identity: opening the same text again (a re-import) imports it again. */
export function useModeler(container: React.RefObject<HTMLDivElement | null>, source: { xml: string } | undefined): ModelerState {
  const [modeler, setModeler] = useState<Modeler>();
  const [selected, setSelected] = useState<DiagramElement>();
  const [revision, setRevision] = useState(0);
  const [findings, setFindings] = useState<LintFinding[]>([]);
  const [linting, setLinting] = useState(true);
  const [undoRedo, setUndoRedo] = useState({ canUndo: false, canRedo: false });
  const [importError, setImportError] = useState<string>();
  const imported = useRef<{ xml: string } | undefined>(undefined);

  useEffect(() => {
    if (!container.current) return;
    const instance = new Modeler({
      container: container.current,
      keyboard: { bind: true },
      additionalModules: [caseworkPropertiesModule, calledDecisionModule, multiInstanceModule, caseworkLintModule, juelQuickFixModule, tokenSimulationModule],
      // zeebe: so a business rule task's called decision is a typed element the properties panel can create
      moddleExtensions: { casework: caseworkModdleDescriptor, zeebe: zeebeModdleDescriptor },
    });
    const eventBus = instance.get<EventBus>('eventBus');
    const commandStack = instance.get<CommandStack>('commandStack');
    eventBus.on('selection.changed', (event) => {
      const selection = (event.newSelection as DiagramElement[] | undefined) ?? [];
      setSelected(selection.length === 1 ? selection[0] : undefined);
    });
    eventBus.on(['elements.changed', 'import.done'], () => setRevision((n) => n + 1));
    eventBus.on('commandStack.changed', () => setUndoRedo({ canUndo: commandStack.canUndo(), canRedo: commandStack.canRedo() }));
    eventBus.on(LINT_PENDING, () => setLinting(true));
    eventBus.on(LINT_DONE, (event) => {
      setFindings(event.findings as LintFinding[]);
      setLinting(false);
    });
    setModeler(instance);
    imported.current = undefined;
    return () => {
      instance.destroy();
      setModeler(undefined);
    };
  }, [container]);

  useEffect(() => {
    if (!modeler || source === undefined || imported.current === source) return;
    imported.current = source;
    setImportError(undefined);
    setSelected(undefined);
    modeler
      .importXML(source.xml)
      .then(() => {
        modeler.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
        // A fresh diagram starts with nothing to undo.
        modeler.get<{ clear(): void }>('commandStack').clear();
      })
      .catch((error: unknown) => setImportError(`This file could not be opened as a BPMN diagram: ${error instanceof Error ? error.message : String(error)}`));
  }, [modeler, source]);

  return { modeler, selected, revision, findings, linting, ...undoRedo, importError };
}
