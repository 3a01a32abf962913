// A diagram in a read-only bpmn-js viewer with some elements marked (a CSS class per element):
// a case's progress, or what changed between two versions. Pan with the mouse, zoom with the wheel;
// `focus` scrolls an element into view; `selected` also outlines it and `badges` puts a short text
// beside elements (a count), both without importing the diagram again; `onElementClick` hears which
// element was clicked. Import it lazily: bpmn-js is large.
import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { caseworkModdleDescriptor } from '../../../../domain/process/moddle.ts';

interface Canvas {
  zoom(level: string): void;
  addMarker(element: unknown, marker: string): void;
  removeMarker(element: unknown, marker: string): void;
  scrollToElement(element: unknown): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}
interface EventBus {
  on(event: string, listener: (event: { element: { id: string } }) => void): void;
  off(event: string, listener: (event: { element: { id: string } }) => void): void;
}
interface Overlays {
  add(element: unknown, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}

export interface MarkedDiagramProps {
  xml: string;
  /** Element id → the CSS class it gets; ids not in the diagram are ignored. */
  markers: ReadonlyMap<string, string>;
  focus?: string;
  /** The element the reader chose elsewhere on the page (a row of a table): outlined and scrolled to. */
  selected?: string;
  /** Element id → a short text shown in a badge at its top right, and its tooltip (the page must say the same in words elsewhere). */
  badges?: ReadonlyMap<string, { text: string; label: string }>;
  onElementClick?: (elementId: string) => void;
  testId?: string;
}

const SELECTED_MARKER = 'diagram-selected';
const BADGE_OVERLAY = 'diagram-badge';

export default function MarkedDiagram({ xml, markers, focus, selected, badges, onElementClick, testId }: MarkedDiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<NavigatedViewer>();
  const [error, setError] = useState<string>();
  // Compared by content, so a parent re-rendering with an equal map does not re-import.
  const markerKey = JSON.stringify([...markers]);
  const badgeKey = JSON.stringify([...(badges ?? [])]);
  // The latest callback, so a parent passing a new function each render does not re-subscribe.
  const clicked = useRef(onElementClick);
  useEffect(() => {
    clicked.current = onElementClick;
  }, [onElementClick]);

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

  useEffect(() => {
    if (!viewer || !selected) return;
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const canvas = viewer.get<Canvas>('canvas');
    if (!registry.get(selected)) return;
    canvas.addMarker(selected, SELECTED_MARKER);
    canvas.scrollToElement(registry.get(selected));
    // A destroyed viewer (a new diagram) has emptied its registry: nothing is left to unmark.
    return () => void (registry.get(selected) && canvas.removeMarker(selected, SELECTED_MARKER));
  }, [viewer, selected]);

  useEffect(() => {
    if (!viewer) return;
    const registry = viewer.get<ElementRegistry>('elementRegistry');
    const overlays = viewer.get<Overlays>('overlays');
    for (const [id, { text, label }] of JSON.parse(badgeKey) as [string, { text: string; label: string }][]) {
      if (!registry.get(id)) continue;
      const badge = document.createElement('span');
      badge.className = 'diagram-badge';
      badge.dataset.elementId = id;
      badge.textContent = text;
      badge.title = label;
      overlays.add(id, BADGE_OVERLAY, { position: { top: -12, right: 12 }, html: badge });
    }
    return () => overlays.remove({ type: BADGE_OVERLAY });
  }, [viewer, badgeKey]);

  useEffect(() => {
    if (!viewer) return;
    const bus = viewer.get<EventBus>('eventBus');
    const listener = (event: { element: { id: string } }) => clicked.current?.(event.element.id);
    bus.on('element.click', listener);
    return () => bus.off('element.click', listener);
  }, [viewer]);

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
