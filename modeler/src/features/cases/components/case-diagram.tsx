// The case's diagram with done / active / waiting markers. Loaded lazily: bpmn-js is only fetched
// when a case page is opened.
import { useMemo } from 'react';
import MarkedDiagram from '../../../shared/diagram/marked-diagram.tsx';
import type { Progress } from '../lib/progress-markers.ts';

export default function CaseDiagram({ xml, progress }: { xml: string; progress: Map<string, Progress> }) {
  const markers = useMemo(() => new Map([...progress].map(([id, state]) => [id, `case-${state}`])), [progress]);
  return (
    // Not role="img" on the canvas: bpmn-js makes it focusable (keyboard panning), and an image may
    // not hold interactive content; the figure names the whole.
    <figure className="case-diagram" aria-label="Process diagram with the case's progress">
      <MarkedDiagram xml={xml} markers={markers} testId="case-diagram" />
      <figcaption className="legend">
        <span className="legend-item case-done">done</span>
        <span className="legend-item case-active">active (open task)</span>
        <span className="legend-item case-waiting">waiting (timer, message or service)</span>
      </figcaption>
    </figure>
  );
}
