// `#/designer/<id>/latest?element=<step>`: links from elsewhere (duplication marks, the duplication
// report) name a process, not a version; this opens its latest deployed version in its place.
import { useEffect } from 'react';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { useDefinitions } from '../api/get-definitions.ts';

export function LatestVersionRedirect({ definitionId, element }: { definitionId: string; element: string | undefined }) {
  const definitions = useDefinitions();
  const latest = definitions.data?.items.find((definition) => definition.id === definitionId)?.latestVersion;

  useEffect(() => {
    // Replacing the address keeps Back going to the page the link was on.
    if (latest) window.location.replace(hrefFor(['designer', definitionId, String(latest)], { element }));
  }, [definitionId, element, latest]);

  if (definitions.error) return <ErrorMessage error={definitions.error} onRetry={definitions.reload} />;
  if (definitions.data && !latest)
    return (
      <p className="status status-error" role="alert">
        Process {definitionId} has no deployed version. <a href={hrefFor(['designer'])}>See the deployed processes</a>
      </p>
    );
  return <Loading what={`the latest version of ${definitionId}`} />;
}
