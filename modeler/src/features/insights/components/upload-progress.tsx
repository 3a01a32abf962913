// How far a log upload is: a progress bar while the browser sends the file, a note while the server reads and keeps it, then what it kept.
import type { ImportedLogSummary } from '../../../../../domain/insights/imported-log.ts';
import type { UploadProgress } from '../api/upload-log.ts';

export type UploadPhase = 'sending' | 'reading' | 'done' | 'failed';

export const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;

export function UploadProgressView({ phase, progress, fileName, kept }: { phase: UploadPhase; progress: UploadProgress; fileName: string; kept: ImportedLogSummary | undefined }) {
  const total = Math.max(progress.total, 1);
  const sent = phase === 'sending' ? Math.min(progress.sent, total) : total;
  let note: string;
  if (phase === 'sending') note = `Sending ${fileName}: ${Math.floor((sent / total) * 100)} % of ${megabytes(progress.total)}.`;
  else if (phase === 'reading') note = `Sent ${fileName}; the server is reading and keeping it (a large log takes a minute or two).`;
  else if (phase === 'done' && kept) {
    note = `Kept “${kept.name}”: ${kept.cases.toLocaleString()} cases, ${kept.events.toLocaleString()} events${kept.ocel ? `, one case per ${kept.ocel.objectType} (an object-centric log; choose another object type in the list below)` : ''}.`;
  } else note = `${fileName} was not kept.`;
  return (
    <div className="upload-progress" data-phase={phase}>
      <progress aria-label="Upload progress" value={sent} max={total} />
      <span role="status">{note}</span>
    </div>
  );
}
