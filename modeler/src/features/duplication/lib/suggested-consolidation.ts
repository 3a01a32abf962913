// What a designer could do about one duplication cluster, in a sentence: the report's suggestion.
// The report lists the steps beside it, so it names the teams and data; which occurrence to keep is
// left to the designer.
import type { Cluster, Finding } from '../../../../../domain/duplication/types.ts';

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The form fields a repeated-capture cluster is about, as the diagrams name them. */
function capturedFields(cluster: Cluster, findings: readonly Finding[]): string[] {
  const keys = new Set(cluster.findings);
  return [...new Set(findings.filter((finding) => keys.has(finding.key)).flatMap((finding) => finding.fields))].sort();
}

/** `findings` is the report's list, where the cluster's findings are looked up by key. */
export function suggestedConsolidation(cluster: Cluster, findings: readonly Finding[]): string {
  const teams = [...new Set(cluster.steps.map((step) => step.team).filter((team): team is string => Boolean(team)))];
  switch (cluster.detector) {
    case 'similar-steps':
      return teams.length > 1
        ? `Have one team do this once and let the others use its result from the case record: it is now done by ${listed(teams)}.`
        : `Keep one of these ${cluster.steps.length} steps and remove the others, or merge them into one step.`;
    case 'repeated-fragments':
      return `Draw these steps once as a shared process and call it (a call activity) from each place it now appears: ${listed([...new Set(cluster.steps.map((step) => step.process))])}.`;
    case 'repeated-data-capture': {
      const fields = capturedFields(cluster, findings);
      return `Ask for ${fields.length > 0 ? listed(fields) : 'this data'} once, at the earliest of these steps, and show it pre-filled at the later ones for checking instead of keying it in again.`;
    }
  }
}
