// Compares the patch calls in the workflow source with the versioning log (patch-log.ts) and with
// the patch markers in the recorded histories; returns what disagrees, one sentence per problem.
import type { PatchLogEntry } from './patch-log.ts';

export interface PatchCall {
  file: string;
  kind: 'patched' | 'deprecatePatch';
  /** Undefined when the id is not a string literal (it must be: the log is checked by text). */
  id?: string;
}

/** The `patched(…)` and `deprecatePatch(…)` calls in one source file. */
export function findPatchCalls(file: string, source: string): PatchCall[] {
  return [...source.matchAll(/\b(patched|deprecatePatch)\(\s*(?:'([^']*)'|"([^"]*)"|([^)]*))\)/g)].map((match) => {
    const id = match[2] ?? match[3];
    return { file, kind: match[1] as PatchCall['kind'], ...(id === undefined ? {} : { id }) };
  });
}

/** The ids of the patch markers (`core_patch`) a recorded history holds. */
export function patchMarkers(history: unknown): string[] {
  type Marker = { markerName?: string; details?: Record<string, { payloads?: { data?: string }[] }> };
  const events = (history as { events?: { markerRecordedEventAttributes?: Marker }[] }).events ?? [];
  return events.flatMap(({ markerRecordedEventAttributes: marker }) =>
    marker?.markerName !== 'core_patch'
      ? []
      : Object.values(marker.details ?? {}).flatMap((detail) =>
          (detail.payloads ?? []).map((payload) => (JSON.parse(Buffer.from(payload.data ?? '', 'base64').toString('utf8')) as { id?: string }).id ?? ''),
        ),
  );
}

/** `corpus` maps a history's name (file name without `.json`) to the patch ids it carries. */
export function checkPatchLog(calls: PatchCall[], log: readonly PatchLogEntry[], corpus: Record<string, string[]>): string[] {
  const problems: string[] = [];
  const entries = new Map(log.map((entry) => [entry.id, entry]));
  for (const call of calls) {
    if (call.id === undefined) {
      problems.push(`${call.file}: ${call.kind}() is called with a computed id; write the id as a string literal.`);
      continue;
    }
    const entry = entries.get(call.id);
    const stage = call.kind === 'patched' ? 'patched' : 'deprecated';
    if (!entry) problems.push(`${call.file}: ${call.kind}('${call.id}') has no entry in tests/replay/patch-log.ts.`);
    else if (entry.stage !== stage) problems.push(`${call.file}: ${call.kind}('${call.id}') is logged at stage "${entry.stage}"; set it to "${stage}".`);
  }
  for (const entry of log) {
    const called = calls.filter((call) => call.id === entry.id);
    if (called.length === 0) problems.push(`Patch "${entry.id}" is in the log but no longer called; remove its entry (step 3 of docs/versioning.md).`);
    if (entry.recordedWith.length === 0) problems.push(`Patch "${entry.id}" names no history recorded with it.`);
    for (const name of entry.recordedWith) {
      if (!(name in corpus)) problems.push(`Patch "${entry.id}": history ${name} is not in the corpus.`);
      else if (!corpus[name]!.includes(entry.id)) problems.push(`Patch "${entry.id}": history ${name} does not carry its marker.`);
    }
    if (entry.stage === 'deprecated' && entry.recordedBefore.length > 0) problems.push(`Patch "${entry.id}" is deprecated, so its old branch is gone: remove ${entry.recordedBefore.join(', ')} from the corpus and the log.`);
    if (entry.stage === 'patched' && entry.recordedBefore.length === 0) problems.push(`Patch "${entry.id}" names no history from before it, so its old branch is never replayed.`);
    for (const name of entry.recordedBefore) {
      if (!(name in corpus)) problems.push(`Patch "${entry.id}": history ${name} is not in the corpus.`);
      else if (corpus[name]!.includes(entry.id)) problems.push(`Patch "${entry.id}": history ${name} carries its marker, so it is not from before it.`);
    }
  }
  return problems;
}
