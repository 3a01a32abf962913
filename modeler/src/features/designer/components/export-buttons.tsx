// Export the diagram as BPMN XML (to reopen or run elsewhere), or as an SVG or PNG picture.
import { useState } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import { downloadBlob, downloadText } from '../../../shared/files/download.ts';
import { svgToPng } from '../../../shared/files/svg-to-png.ts';
import { InlineError } from '../../../shared/components/status.tsx';

export function ExportButtons({ modeler, baseName, saveXml }: { modeler: Modeler | undefined; baseName: string; saveXml: () => Promise<string> }) {
  const [failure, setFailure] = useState<string>();
  const name = baseName || 'process';

  async function run(work: (modeler: Modeler) => Promise<void>) {
    if (!modeler) return;
    setFailure(undefined);
    try {
      await work(modeler);
    } catch (error) {
      setFailure(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <>
      <button type="button" disabled={!modeler} onClick={() => run(async () => downloadText(`${name}.bpmn`, await saveXml(), 'application/xml'))}>
        Export BPMN
      </button>
      <button type="button" disabled={!modeler} onClick={() => run(async (m) => downloadText(`${name}.svg`, (await m.saveSVG()).svg, 'image/svg+xml'))}>
        Export SVG
      </button>
      <button type="button" disabled={!modeler} onClick={() => run(async (m) => downloadBlob(`${name}.png`, await svgToPng((await m.saveSVG()).svg)))}>
        Export PNG
      </button>
      <InlineError message={failure} />
    </>
  );
}
