// Marks the steps of a deployed process whose work is also done elsewhere: a marker on the shape
// and an overlay listing "Also done in: <process> / <step>", each a link that opens that step in
// the Designer. Redrawn after every change so a deleted step's marks come back with undo.
import type { ElementDuplication } from '../../api/get-duplication-overlays.ts';
import type { Canvas, DiagramElement, ElementRegistry, EventBus, Overlays } from '../services.ts';
import './duplication-overlays.css';

const OVERLAY_TYPE = 'casework-duplication';
export const DUPLICATED_MARKER = 'duplicated-step';
/** A step whose every duplication was marked intended: still shown, but quietly. */
export const INTENDED_MARKER = 'duplicated-step-intended';

/** diagram-js services beyond the shared typings: markers, and overlays that keep a readable size. */
interface MarkerCanvas extends Canvas {
  addMarker(element: DiagramElement, marker: string): void;
  removeMarker(element: DiagramElement, marker: string): void;
}
interface ScalingOverlays extends Overlays {
  add(element: DiagramElement, type: string, overlay: { position: Record<string, number>; html: HTMLElement; scale?: { min?: number; max?: number } }): string;
}

const WHAT_IS_REPEATED: Record<ElementDuplication['detector'], string> = {
  'similar-steps': 'The same step',
  'repeated-fragments': 'The same run of steps',
  'repeated-data-capture': 'The same data asked for again',
};

export type LinkToStep = (step: ElementDuplication['alsoIn'][number]) => string;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function clusterEntry(duplication: ElementDuplication, linkTo: LinkToStep): HTMLElement {
  const entry = element('section', 'duplication-entry');
  const hours = `${duplication.estimatedHoursPerMonth.toFixed(1)} h/month avoidable`;
  entry.append(element('p', 'duplication-what', `${WHAT_IS_REPEATED[duplication.detector]} · ${hours} · similarity ${Math.round(duplication.score * 100)}%`));
  if (duplication.intended) entry.append(element('p', 'duplication-intended-reason', `Marked intended: ${duplication.intended.reason}`));
  entry.append(element('p', 'duplication-also', 'Also done in:'));
  const list = element('ul', '');
  for (const step of duplication.alsoIn) {
    const link = element('a', '', `${step.process} / ${step.name}`);
    link.href = linkTo(step);
    const item = element('li', '');
    item.append(link);
    list.append(item);
  }
  entry.append(list);
  return entry;
}

const allIntended = (duplications: ElementDuplication[]) => duplications.every((duplication) => duplication.intended);

function overlayFor(shape: DiagramElement, duplications: ElementDuplication[], linkTo: LinkToStep): HTMLElement {
  const details = element('details', allIntended(duplications) ? 'duplication-overlay is-intended' : 'duplication-overlay');
  details.setAttribute('data-element-id', shape.id);
  const places = new Set(duplications.flatMap((duplication) => duplication.alsoIn.map((step) => `${step.definitionId}/${step.nodeId}`))).size;
  const label = `Also done in ${places} other place${places === 1 ? '' : 's'}`;
  const summary = element('summary', '', `Also done in ${places}`);
  summary.title = duplications.map((duplication) => duplication.text).join('\n');
  summary.setAttribute('aria-label', `${label}: ${shape.businessObject.name ?? shape.id}`);
  const popup = element('div', 'duplication-popup');
  for (const duplication of duplications) popup.append(clusterEntry(duplication, linkTo));
  details.append(summary, popup);
  return details;
}

export default class DuplicationOverlays {
  static $inject = ['eventBus', 'overlays', 'elementRegistry', 'canvas'];
  private elements: Record<string, ElementDuplication[]> = {};
  private linkTo: LinkToStep = () => '#';
  private marked: DiagramElement[] = [];
  private readonly overlays: ScalingOverlays;
  private readonly elementRegistry: ElementRegistry;
  private readonly canvas: MarkerCanvas;

  constructor(eventBus: EventBus, overlays: ScalingOverlays, elementRegistry: ElementRegistry, canvas: MarkerCanvas) {
    this.overlays = overlays;
    this.elementRegistry = elementRegistry;
    this.canvas = canvas;
    eventBus.on(['import.done', 'commandStack.changed'], () => this.draw());
  }

  /** Shows these findings (keyed by element id) from now on; an empty record clears the marks. */
  show(elements: Record<string, ElementDuplication[]>, linkTo: LinkToStep): void {
    this.elements = elements;
    this.linkTo = linkTo;
    this.draw();
  }

  private draw(): void {
    this.overlays.remove({ type: OVERLAY_TYPE });
    for (const shape of this.marked) {
      this.canvas.removeMarker(shape, DUPLICATED_MARKER);
      this.canvas.removeMarker(shape, INTENDED_MARKER);
    }
    this.marked = [];
    for (const [elementId, duplications] of Object.entries(this.elements)) {
      const shape = this.elementRegistry.get(elementId);
      if (!shape || duplications.length === 0) continue;
      this.canvas.addMarker(shape, allIntended(duplications) ? INTENDED_MARKER : DUPLICATED_MARKER);
      this.marked.push(shape);
      this.overlays.add(shape, OVERLAY_TYPE, { position: { bottom: 4, left: -6 }, html: overlayFor(shape, duplications, this.linkTo), scale: { min: 1, max: 1.2 } });
    }
  }
}
