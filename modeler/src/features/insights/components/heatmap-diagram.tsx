// The process diagram in a read-only bpmn-js viewer with heat per step for the chosen measure. The
// same figures are listed as text for screen readers (and are in the Steps table).
import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { caseworkModdleDescriptor } from '../../../../../domain/process/moddle.ts';
import heatmapModule from '../bpmn/heatmap-overlays/index.ts';
import type HeatmapOverlays from '../bpmn/heatmap-overlays/heatmap-overlays.ts';
import { HEAT_LEVELS, type HeatCell } from '../lib/heatmap.ts';

export function HeatmapDiagram({ xml, cells, caption, testId = 'heatmap-diagram' }: { xml: string; cells: readonly HeatCell[]; caption: string; testId?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!container.current) return;
    const created = new NavigatedViewer({ container: container.current, additionalModules: [heatmapModule], moddleExtensions: { casework: caseworkModdleDescriptor } });
    viewer.current = created;
    let current = true;
    setReady(false);
    created
      .importXML(xml)
      .then(() => {
        if (!current) return;
        created.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
        setReady(true);
      })
      .catch((failure: unknown) => current && setError(`The diagram could not be shown: ${failure instanceof Error ? failure.message : String(failure)}`));
    return () => {
      current = false;
      viewer.current = null;
      created.destroy();
    };
  }, [xml]);

  useEffect(() => {
    if (ready) viewer.current?.get<HeatmapOverlays>('heatmapOverlays').show(cells);
  }, [ready, cells]);

  return (
    <figure className="case-diagram insights-diagram" aria-label={caption}>
      {error ? (
        <p className="status status-error" role="alert">
          {error}
        </p>
      ) : null}
      <div ref={container} className="diagram-canvas" data-testid={testId} data-heat-ready={ready ? 'yes' : 'no'} />
      <figcaption className="legend">
        <span>{caption}:</span>
        <span className="heat-scale" aria-hidden="true">
          low
          {Array.from({ length: HEAT_LEVELS }, (_, i) => (
            <span key={i} className={`heat-swatch heat-swatch-${i + 1}`} />
          ))}
          high
        </span>
        {cells.length === 0 ? <span className="muted">nothing measured yet for this view</span> : null}
      </figcaption>
      <ul className="visually-hidden">
        {cells.map((cell) => (
          <li key={cell.nodeId}>{cell.description}</li>
        ))}
      </ul>
    </figure>
  );
}
