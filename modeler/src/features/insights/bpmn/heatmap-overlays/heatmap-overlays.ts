// bpmn-js service: colours each measured step by its heat level (a marker on the shape) and puts
// its figure beside it (an overlay), for the measure the analyst picked. `show` replaces what is
// drawn, so switching measures never leaves stale heat behind.
import type { HeatCell } from '../../lib/heatmap.ts';
import './heatmap-overlays.css';

const OVERLAY_TYPE = 'insights-heat';
export const heatMarker = (level: number): string => `heat-level-${level}`;

interface Shape {
  id: string;
}
interface Canvas {
  addMarker(element: Shape, marker: string): void;
  removeMarker(element: Shape, marker: string): void;
}
interface ElementRegistry {
  get(id: string): Shape | undefined;
}
interface Overlays {
  add(element: Shape, type: string, overlay: { position: Record<string, number>; html: HTMLElement; scale?: { min?: number; max?: number } }): string;
  remove(filter: { type: string }): void;
}

export default class HeatmapOverlays {
  static $inject = ['overlays', 'elementRegistry', 'canvas'];
  private marked: { shape: Shape; marker: string }[] = [];
  private readonly overlays: Overlays;
  private readonly elementRegistry: ElementRegistry;
  private readonly canvas: Canvas;

  constructor(overlays: Overlays, elementRegistry: ElementRegistry, canvas: Canvas) {
    this.overlays = overlays;
    this.elementRegistry = elementRegistry;
    this.canvas = canvas;
  }

  show(cells: readonly HeatCell[]): void {
    this.overlays.remove({ type: OVERLAY_TYPE });
    for (const { shape, marker } of this.marked) this.canvas.removeMarker(shape, marker);
    this.marked = [];
    for (const cell of cells) {
      const shape = this.elementRegistry.get(cell.nodeId);
      if (!shape) continue;
      const marker = heatMarker(cell.level);
      this.canvas.addMarker(shape, marker);
      this.marked.push({ shape, marker });
      const badge = document.createElement('span');
      badge.className = `heat-badge heat-badge-${cell.level}`;
      badge.dataset.elementId = cell.nodeId;
      badge.textContent = cell.text;
      badge.title = cell.description;
      // Shrinks a little with the zoom (not below 70 %), so a fitted large diagram keeps its names readable.
      this.overlays.add(shape, OVERLAY_TYPE, { position: { top: -14, right: 10 }, html: badge, scale: { min: 0.7, max: 1.2 } });
    }
  }
}
