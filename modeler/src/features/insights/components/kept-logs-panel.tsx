// Logs from other systems kept for analysis: upload a file of any size (XES, CSV or OCEL 2.0, gzipped
// or not) and watch it go, see the kept logs, choose the object type an OCEL log is analysed by, open
// a discovered process map of one in the Designer (for those who may use it; other analysts download
// the map as BPMN for a designer), see where one strays from the selected process on its diagram,
// look into an OCEL log's objects, or delete one.
import { useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, InlineError, Loading } from '../../../shared/components/status.tsx';
import { downloadText } from '../../../shared/files/download.ts';
import { hrefFor } from '../../../shared/routing/hash-route.ts';
import { useSession } from '../../../shared/session/session-context.ts';
import { hasRole } from '../../../shared/session/user.ts';
import { formatWhen } from '../../../shared/time/deadline.ts';
import { useDeleteKeptLog } from '../api/delete-kept-log.ts';
import { getDiscoveredMap } from '../api/get-discovered-bpmn.ts';
import { useKeptLogs } from '../api/get-kept-logs.ts';
import { useSetLogObjectType } from '../api/set-log-object-type.ts';
import { useUploadLog, type UploadProgress } from '../api/upload-log.ts';
import { ObjectsPanel } from './objects-panel.tsx';
import { ReplayPanel } from './replay-panel.tsx';
import { megabytes, UploadProgressView, type UploadPhase } from './upload-progress.tsx';

export function KeptLogsPanel({ definitionId, processName }: { definitionId: string; processName: string }) {
  const logs = useKeptLogs();
  const upload = useUploadLog();
  const remove = useDeleteKeptLog();
  const objectType = useSetLogObjectType();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<UploadProgress>();
  const [replayed, setReplayed] = useState<{ id: string; name: string }>();
  const [objectsOf, setObjectsOf] = useState<string>();
  const [name, setName] = useState('');
  const [downloadError, setDownloadError] = useState<string>();
  const { user } = useSession();
  const designs = hasRole(user, 'designer', 'admin');

  const download = (logId: string, logName: string) => {
    setDownloadError(undefined);
    getDiscoveredMap(logId).then(
      (map) => downloadText(`${logName.replace(/[^\w.-]+/g, '-')}-discovered.bpmn`, map.bpmn, 'application/xml'),
      (error: Error) => setDownloadError(error.message),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setProgress({ sent: 0, total: file.size });
    upload.mutate({ file, name: name.trim() || file.name, onProgress: setProgress }, { onSuccess: () => setName('') });
  };

  const objectsOfLog = logs.data?.logs.find((log) => log.id === objectsOf && log.ocel);

  let phase: UploadPhase | undefined;
  if (progress && upload.isPending) phase = progress.sent < progress.total ? 'sending' : 'reading';
  else if (progress && upload.isSuccess) phase = 'done';
  else if (progress && upload.isError) phase = 'failed';

  return (
    <div className="kept-logs">
      <form onSubmit={submit} aria-label="Keep an event log" className="import-form">
        <label>
          Log file (XES, CSV or OCEL 2.0; gzipped or not)
          <input type="file" accept=".xes,.xml,.csv,.gz,.jsonocel,.json,.xmlocel" onChange={(event) => (upload.reset(), setProgress(undefined), setFile(event.target.files?.[0]))} />
        </label>
        <label>
          Name
          <input type="text" value={name} maxLength={200} placeholder={file?.name ?? 'e.g. legacy returns 2025'} onChange={(event) => setName(event.target.value)} />
        </label>
        {file ? <p className="muted">{file.name}, {megabytes(file.size)}: read on the server as it arrives; a CSV needs the columns case_id, activity and timestamp; an OCEL log is analysed one object type at a time.</p> : null}
        <button type="submit" disabled={!file || upload.isPending}>
          {upload.isPending ? 'Importing…' : 'Import and keep'}
        </button>
        {phase && progress ? <UploadProgressView phase={phase} progress={progress} fileName={file?.name ?? ''} kept={upload.data} /> : null}
        <InlineError message={upload.error?.message} />
      </form>
      {logs.error ? <ErrorMessage error={logs.error} onRetry={logs.reload} /> : null}
      {!logs.data && !logs.error ? <Loading what="the kept logs" /> : null}
      {logs.data && logs.data.logs.length === 0 ? <Empty>No logs kept yet.</Empty> : null}
      {logs.data && logs.data.logs.length > 0 ? (
        <table className="figure-table" aria-label="Kept logs">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Cases</th>
              <th scope="col">Events</th>
              <th scope="col">Period</th>
              <th scope="col">Imported</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {logs.data.logs.map((log) => (
              <tr key={log.id}>
                <th scope="row">
                  {log.name}
                  {log.ocel ? (
                    <label className="object-type">
                      {' '}one case per{' '}
                      <select aria-label={`Object type of ${log.name}`} value={log.ocel.objectType} disabled={objectType.isPending} onChange={(event) => objectType.mutate({ logId: log.id, objectType: event.target.value })}>
                        {log.ocel.objectTypes.filter((type) => type.events > 0).map((type) => (
                          <option key={type.name} value={type.name}>
                            {type.name} ({type.objects.toLocaleString()} objects)
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : null}
                </th>
                <td>{log.cases.toLocaleString()}</td>
                <td>{log.events.toLocaleString()}</td>
                <td>{log.firstAt && log.lastAt ? `${log.firstAt.slice(0, 10)} – ${log.lastAt.slice(0, 10)}` : '—'}</td>
                <td>{formatWhen(log.importedAt)}</td>
                <td>
                  {designs ? (
                    <a href={hrefFor(['designer', 'discovered', log.id])}>Discover process map</a>
                  ) : (
                    <button type="button" className="link-button" onClick={() => download(log.id, log.name)}>
                      Download discovered process map (BPMN)
                    </button>
                  )}{' '}
                  <button type="button" className="link-button" aria-pressed={replayed?.id === log.id} onClick={() => setReplayed({ id: log.id, name: log.name })}>
                    Check against {processName} on its diagram
                  </button>{' '}
                  {log.ocel ? (
                    <>
                      <button type="button" className="link-button" aria-pressed={objectsOf === log.id} onClick={() => setObjectsOf(objectsOf === log.id ? undefined : log.id)}>
                        Objects<span className="visually-hidden"> of {log.name}</span>
                      </button>{' '}
                    </>
                  ) : null}
                  <button type="button" className="link-button" disabled={remove.isPending} onClick={() => window.confirm(`Delete the kept log "${log.name}"?`) && remove.mutate(log.id)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <InlineError message={remove.error?.message ?? objectType.error?.message ?? downloadError} />
      {objectsOfLog ? <ObjectsPanel key={objectsOfLog.id} logId={objectsOfLog.id} logName={objectsOfLog.name} objectTypes={objectsOfLog.ocel!.objectTypes.map((type) => type.name)} /> : null}
      {replayed && logs.data?.logs.some((log) => log.id === replayed.id) ? <ReplayPanel key={`${replayed.id}/${definitionId}`} logId={replayed.id} logName={replayed.name} definitionId={definitionId} processName={processName} /> : null}
    </div>
  );
}
