// The Designer section (a lazily loaded chunk, as bpmn-js is large): the process list, a new
// diagram, or a deployed version opened in the modeller.
import type { Route } from '../../../shared/routing/hash-route.ts';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { useResource } from '../../../shared/hooks/use-resource.ts';
import { getVersionBpmn } from '../api/get-version-bpmn.ts';
import { NEW_DIAGRAM_XML } from '../lib/new-diagram.ts';
import { DesignerEditor } from './designer-editor.tsx';
import { ProcessList } from './process-list.tsx';

function DeployedVersion({ definitionId, version }: { definitionId: string; version: number }) {
  const xml = useResource(() => getVersionBpmn(definitionId, version), [definitionId, version]);
  if (xml.error) return <ErrorMessage error={xml.error} onRetry={xml.reload} />;
  if (!xml.data) return <Loading what={`${definitionId} version ${version}`} />;
  return <DesignerEditor key={`${definitionId}@${version}`} initial={{ xml: xml.data, definitionId, title: `${definitionId} (from version ${version})` }} />;
}

export default function DesignerPage({ route }: { route: Route }) {
  const [, first, second] = route.path;
  if (first === 'new') return <DesignerEditor key="new" initial={{ xml: NEW_DIAGRAM_XML, definitionId: 'new-process', title: 'New diagram' }} />;
  if (first && second && Number(second) > 0) return <DeployedVersion definitionId={first} version={Number(second)} />;
  return <ProcessList />;
}
