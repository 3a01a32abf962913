// Conformance of a kept log on the diagram: the log replayed with tokens on the process's deployed version, each step marked by how far the log strays from it there, with the figures in words beside it.
import { useMemo } from 'react';
import { useVersionBpmn } from '../../../shared/api/get-version-bpmn.ts';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { useLogReplay } from '../api/get-log-replay.ts';
import { formatRate } from '../lib/format-figures.ts';
import { replayCells } from '../lib/replay-cells.ts';
import { HeatmapDiagram } from './heatmap-diagram.tsx';

export function ReplayPanel({ logId, logName, definitionId, processName }: { logId: string; logName: string; definitionId: string; processName: string }) {
  const replay = useLogReplay(logId, definitionId);
  const cells = useMemo(() => (replay.data ? replayCells(replay.data) : []), [replay.data]);
  if (replay.error) return <ErrorMessage error={replay.error} onRetry={replay.reload} />;
  if (!replay.data) return <Loading what={`the replay of ${logName}`} />;
  const { fitness, cases, fittingCases, notInModel, version } = replay.data;
  return (
    <div className="replay-panel" data-testid="log-replay">
      <h3>
        “{logName}” on {processName} version {version}
      </h3>
      <p role="status">
        Fitness {formatRate(fitness)} (token replay): {fittingCases} of {cases} cases follow the diagram throughout.
        {notInModel.length > 0 ? ` Steps not in the diagram: ${notInModel.map((step) => `${step.activity} (${step.occurrences}× in ${step.cases} cases)`).join('; ')}.` : ' Every step in the log is in the diagram.'}
      </p>
      <ReplayDiagram definitionId={definitionId} version={version} cells={cells} caption={`Deviation from version ${version}, per step: fit share, forced (the diagram did not allow it), skipped (the diagram waited for it)`} />
    </div>
  );
}

function ReplayDiagram({ definitionId, version, cells, caption }: { definitionId: string; version: number; cells: ReturnType<typeof replayCells>; caption: string }) {
  const xml = useVersionBpmn(definitionId, version);
  if (xml.error) return <ErrorMessage error={xml.error} onRetry={xml.reload} />;
  if (!xml.data) return <Loading what="the diagram" />;
  return <HeatmapDiagram xml={xml.data} cells={cells} caption={caption} testId="replay-diagram" />;
}
