// A process map discovered from a kept log, opened in the modeller as an unsaved diagram: the as-is
// process to edit into the to-be one, then save as a draft and deploy (designers).
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { useDiscoveredMap } from '../api/get-discovered-map.ts';
import { DesignerEditor } from './designer-editor.tsx';

export function DiscoveredMap({ logId }: { logId: string }) {
  const map = useDiscoveredMap(logId);
  if (map.error) return <ErrorMessage error={map.error} onRetry={map.reload} />;
  if (!map.data) return <Loading what="the discovered process map" />;
  const title = `Discovered from a kept log (${map.data.casesMined.toLocaleString()} of ${map.data.cases.toLocaleString()} cases; not saved)`;
  return <DesignerEditor key={`discovered@${logId}`} initial={{ xml: map.data.bpmn, definitionId: 'discovered-process', title }} />;
}
