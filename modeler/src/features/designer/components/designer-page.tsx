// The Designer section (a lazily loaded chunk, as bpmn-js is large): the process list, a new
// diagram, a deployed version or a saved draft opened in the modeller, or two versions compared.
import type { Route } from '../../../shared/routing/hash-route.ts';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { useVersionBpmn } from '../../../shared/api/get-version-bpmn.ts';
import { useDraft } from '../api/get-draft.ts';
import { DiscoveredMap } from './discovered-map.tsx';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { NEW_DIAGRAM_XML } from '../lib/new-diagram.ts';
import { DesignerEditor } from './designer-editor.tsx';
import { LatestVersionRedirect } from './latest-version-redirect.tsx';
import { ProcessList } from './process-list.tsx';
import { VersionDiffPage } from './version-diff-page.tsx';

function DeployedVersion({ definitionId, version, element }: { definitionId: string; version: number; element?: string }) {
  const xml = useVersionBpmn(definitionId, version);
  if (xml.error) return <ErrorMessage error={xml.error} onRetry={xml.reload} />;
  if (!xml.data) return <Loading what={`${definitionId} version ${version}`} />;
  return <DesignerEditor key={`${definitionId}@${version}`} initial={{ xml: xml.data, definitionId, title: `${definitionId} (from version ${version})`, deployed: { version, element } }} />;
}

function SavedDraft({ definitionId }: { definitionId: string }) {
  const draft = useDraft(definitionId);
  if (draft.error) return <ErrorMessage error={draft.error} onRetry={draft.reload} />;
  if (!draft.data) return <Loading what={`the draft of ${definitionId}`} />;
  return <DesignerEditor key={`${definitionId}@draft`} initial={{ xml: draft.data.xml, definitionId, title: `${definitionId} (draft saved ${formatWhen(draft.data.updatedAt)})` }} />;
}

export default function DesignerPage({ route }: { route: Route }) {
  const [, first, second] = route.path;
  const element = route.query.get('element') ?? undefined;
  if (first === 'new') return <DesignerEditor key="new" initial={{ xml: NEW_DIAGRAM_XML, definitionId: 'new-process', title: 'New diagram' }} />;
  if (first === 'discovered' && second) return <DiscoveredMap logId={second} />;
  if (first && second === 'draft') return <SavedDraft definitionId={first} />;
  if (first && second === 'compare') return <VersionDiffPage definitionId={first} from={Number(route.query.get('from'))} to={Number(route.query.get('to'))} />;
  if (first && second === 'latest') return <LatestVersionRedirect definitionId={first} element={element} />;
  if (first && second && Number(second) > 0) return <DeployedVersion definitionId={first} version={Number(second)} element={element} />;
  return <ProcessList />;
}
