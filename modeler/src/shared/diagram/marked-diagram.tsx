// A diagram in a read-only bpmn-js viewer with some elements marked (a CSS class per element):
// a case's progress, or what changed between two versions. Pan with the mouse, zoom with the wheel;
// `focus` scrolls an element into view. Import it lazily: bpmn-js is large.
import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { caseworkModdleDescriptor } from '../../../../domain/process/moddle.ts';

interface Canvas {
  zoom(level: string): void;
  addMarker(element: unknown, marker: string): void;
  scrollToElement(element: unknown): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

export interface MarkedDiagramProps {
  xml: string;
  /** Element id → the CSS class it gets; ids not in the diagram are ignored. */
  markers: ReadonlyMap<string, string>;
  focus?: string;
  testId?: string;
}

export default function MarkedDiagram({ xml, markers, focus, testId }: MarkedDiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<NavigatedViewer>();
  const [error, setError] = useState<string>();
  // Compared by content, so a parent re-rendering with an equal map does not re-import.
  const markerKey = JSON.stringify([...markers]);

  useEffect(() => {
    if (!container.current) return;
    const instance = new NavigatedViewer({ container: container.current, moddleExtensions: { casework: caseworkModdleDescriptor } });
    let current = true;
    instance
      .importXML(xml)
      .then(() => {
        if (!current) return;
        const canvas = instance.get<Canvas>('canvas');
        const registry = instance.get<ElementRegistry>('elementRegistry');
        canvas.zoom('fit-viewport');
        for (const [id, marker] of JSON.parse(markerKey) as [string, string][]) if (registry.get(id)) canvas.addMarker(id, marker);
        setViewer(instance);
      })
      .catch((failure: unknown) => current && setError(`The diagram could not be shown: ${failure instanceof Error ? failure.message : String(failure)}`));
    return () => {
      current = false;
      setViewer(undefined);
      instance.destroy();
    };
  }, [xml, markerKey]);

  useEffect(() => {
    const element = viewer && focus ? viewer.get<ElementRegistry>('elementRegistry').get(focus) : undefined;
    if (element) viewer!.get<Canvas>('canvas').scrollToElement(element);
  }, [viewer, focus]);

  return (
    <>
      {error ? (
        <p className="status status-error" role="alert">
          {error}
        </p>
      ) : null}
      <div ref={container} className="diagram-canvas" data-testid={testId} />
    </>
  );
}
