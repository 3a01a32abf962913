// When a deployed process is open in the Designer: marks the steps whose work is also done
// elsewhere (GET /api/duplication/definitions/:id), and selects the step a link asked for with
// `?element=<id>`. Returns a message when the marks could not be loaded, for the editor to show.
import { useEffect } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { useDefinitionDuplication } from '../api/get-duplication-overlays.ts';
import DuplicationOverlays, { type LinkToStep } from '../bpmn/duplication-overlays/duplication-overlays.ts';
import type { Canvas, DiagramElement, ElementRegistry, EventBus, Selection } from '../bpmn/services.ts';

interface Injector {
  instantiate<T>(type: new (...args: never[]) => T): T;
}
interface Viewbox {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface ZoomingCanvas extends Canvas {
  zoom(level: number): number;
  viewbox(): Viewbox & { scale: number };
  viewbox(box: Viewbox): void;
}
type Shape = DiagramElement & { x: number; y: number; width: number; height: number };

/** Where a link to a step goes: the latest deployed version of its process, with the step selected. */
export const designerHrefForStep: LinkToStep = (step) => hrefFor(['designer', step.definitionId, 'latest'], { element: step.nodeId });

// The marks are added to a modeller only when a deployed process is open, so the module is
// instantiated through the modeller's injector here rather than listed among its modules.
const marksByModeler = new WeakMap<Modeler, DuplicationOverlays>();
function marksFor(modeler: Modeler): DuplicationOverlays {
  let marks = marksByModeler.get(modeler);
  if (!marks) {
    marks = modeler.get<Injector>('injector').instantiate(DuplicationOverlays);
    marksByModeler.set(modeler, marks);
  }
  return marks;
}

function focusStep(modeler: Modeler, elementId: string): void {
  const shape = modeler.get<ElementRegistry>('elementRegistry').get(elementId) as Shape | undefined;
  if (!shape) return;
  const canvas = modeler.get<ZoomingCanvas>('canvas');
  // A whole end-to-end process fitted to the window is too small to read: show the step at full
  // size, in the middle of the canvas (clear of the palette at its left edge).
  if (canvas.viewbox().scale < 1) canvas.zoom(1);
  const { width, height } = canvas.viewbox();
  canvas.viewbox({ x: shape.x + shape.width / 2 - width / 2, y: shape.y + shape.height / 2 - height / 2, width, height });
  modeler.get<Selection>('selection').select(shape);
}

/** `definitionId` only while a deployed version is what the canvas shows; `elementId` from the link. */
export function useDuplicationOverlays(modeler: Modeler | undefined, definitionId: string | undefined, elementId: string | undefined): string | undefined {
  const overlays = useDefinitionDuplication(definitionId);
  const found = overlays.data;

  useEffect(() => {
    if (!modeler) return;
    // Only this process's answer is drawn (while another's is still on hand, nothing new is).
    if (!definitionId) marksFor(modeler).show({}, designerHrefForStep);
    else if (found?.definitionId === definitionId) marksFor(modeler).show(found.elements, designerHrefForStep);
  }, [modeler, definitionId, found]);

  useEffect(() => {
    if (!modeler || !elementId) return;
    const eventBus = modeler.get<EventBus>('eventBus');
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The editor fits the diagram to the window once the import has finished (after `import.done`),
    // so the step is focused on the next turn, after that zoom.
    const focusSoon = () => {
      eventBus.off('import.done', focusSoon);
      timer = setTimeout(() => focusStep(modeler, elementId), 0);
    };
    if (modeler.get<ElementRegistry>('elementRegistry').get(elementId)) focusSoon();
    else eventBus.on('import.done', focusSoon);
    return () => {
      eventBus.off('import.done', focusSoon);
      clearTimeout(timer);
    };
  }, [modeler, elementId]);

  return definitionId && overlays.error ? `Duplicated work could not be marked on this diagram: ${overlays.error.message}` : undefined;
}
