// The case's diagram in a read-only bpmn-js viewer, with done / active / waiting markers. Loaded
// lazily: bpmn-js is only fetched when a case page is opened.
import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { caseworkModdleDescriptor } from '../../../../../domain/process/moddle.ts';
import type { Progress } from '../lib/progress-markers.ts';

interface Canvas {
  zoom(level: string): void;
  addMarker(id: string, marker: string): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

export default function CaseDiagram({ xml, progress }: { xml: string; progress: Map<string, Progress> }) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  const progressKey = JSON.stringify([...progress]);

  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current, moddleExtensions: { casework: caseworkModdleDescriptor } });
    let current = true;
    viewer
      .importXML(xml)
      .then(() => {
        if (!current) return;
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        canvas.zoom('fit-viewport');
        for (const [id, state] of JSON.parse(progressKey) as [string, Progress][]) if (registry.get(id)) canvas.addMarker(id, `case-${state}`);
      })
      .catch((failure: unknown) => current && setError(`The diagram could not be shown: ${failure instanceof Error ? failure.message : String(failure)}`));
    return () => {
      current = false;
      viewer.destroy();
    };
  }, [xml, progressKey]);

  return (
    <figure className="case-diagram">
      {error ? (
        <p className="status status-error" role="alert">
          {error}
        </p>
      ) : null}
      <div ref={container} className="diagram-canvas" data-testid="case-diagram" aria-label="Process diagram with the case's progress" role="img" />
      <figcaption className="legend">
        <span className="legend-item case-done">done</span>
        <span className="legend-item case-active">active (open task)</span>
        <span className="legend-item case-waiting">waiting (timer, message or service)</span>
      </figcaption>
    </figure>
  );
}
