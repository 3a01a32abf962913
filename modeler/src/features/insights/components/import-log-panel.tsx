// Analyse a log from another system: upload CSV (with a column mapping) or XES, optionally check
// it against the selected process, and see its figures and which steps happen off the model.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../../shared/components/status.tsx';
import { useImportLog, type ImportedLog } from '../api/import-log.ts';
import { csvHeader, guessDelimiter, guessMapping, mappingRoles, requiredRoles, roleLabels, type Delimiter, type MappingRole } from '../lib/csv-columns.ts';
import { elementsTable, variantsTable } from '../lib/figure-tables.ts';
import { formatRate } from '../lib/format-figures.ts';
import { FigureTableView } from './figure-table.tsx';

const delimiters: { value: Delimiter; label: string }[] = [
  { value: ',', label: 'Comma' },
  { value: ';', label: 'Semicolon' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Bar (|)' },
];

interface LoadedFile {
  name: string;
  content: string;
  format: 'csv' | 'xes';
}

export function ImportLogPanel({ definitionId, processName, time }: { definitionId: string | undefined; processName: string; time: 'calendar' | 'working' }) {
  const [file, setFile] = useState<LoadedFile>();
  const [delimiter, setDelimiter] = useState<Delimiter>(',');
  const [mapping, setMapping] = useState<Record<MappingRole, string>>(guessMapping([]));
  const [checkModel, setCheckModel] = useState(true);
  const importLog = useImportLog();

  const header = file?.format === 'csv' ? csvHeader(file.content, delimiter) : { columns: [] };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    importLog.reset();
    if (!chosen) return setFile(undefined);
    const content = await chosen.text();
    const format = /\.(xes|xml)$/i.test(chosen.name) || content.trimStart().startsWith('<') ? 'xes' : 'csv';
    setFile({ name: chosen.name, content, format });
    if (format === 'csv') {
      const guessed = guessDelimiter(content);
      setDelimiter(guessed);
      setMapping(guessMapping(csvHeader(content, guessed).columns));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const csvMapping = { caseId: mapping.caseId, activity: mapping.activity, timestamp: mapping.timestamp, delimiter, ...(mapping.lifecycle ? { lifecycle: mapping.lifecycle } : {}), ...(mapping.resource ? { resource: mapping.resource } : {}), ...(mapping.team ? { team: mapping.team } : {}) };
    importLog.mutate({ format: file.format, content: file.content, time, ...(file.format === 'csv' ? { mapping: csvMapping } : {}), ...(checkModel && definitionId ? { definitionId } : {}) });
  };

  const missing = file?.format === 'csv' ? requiredRoles.filter((role) => !mapping[role]) : [];
  return (
    <div className="import-panel">
      <form onSubmit={submit} aria-label="Import an event log" className="import-form">
        <label htmlFor="import-file">Event log file (CSV or XES)</label>
        <input id="import-file" type="file" accept=".csv,.txt,.xes,.xml,text/csv,application/xml" onChange={choose} />
        {file?.format === 'csv' ? (
          <fieldset className="mapping">
            <legend>Columns of {file.name}</legend>
            {header.error ? (
              <p className="form-error" role="alert">
                {header.error}
              </p>
            ) : null}
            <label htmlFor="import-delimiter">Delimiter</label>
            <select id="import-delimiter" value={delimiter} onChange={(e) => setDelimiter(e.target.value as Delimiter)}>
              {delimiters.map((d) => (
                <option key={d.label} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
            {mappingRoles.map((role) => (
              <div key={role} className="mapping-row">
                <label htmlFor={`import-${role}`}>
                  {roleLabels[role]}
                  {requiredRoles.includes(role) ? <span className="required"> (required)</span> : null}
                </label>
                <select id={`import-${role}`} value={mapping[role]} onChange={(e) => setMapping({ ...mapping, [role]: e.target.value })}>
                  <option value="">{requiredRoles.includes(role) ? 'Choose a column' : 'None'}</option>
                  {header.columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
        ) : null}
        {file?.format === 'xes' ? <p className="muted">{file.name} is read as XES (IEEE 1849).</p> : null}
        <label className="inline">
          <input type="checkbox" checked={checkModel} disabled={!definitionId} onChange={(e) => setCheckModel(e.target.checked)} /> Check the log against {processName}
        </label>
        {missing.length > 0 ? <p className="form-error">Choose the {missing.map((role) => roleLabels[role].toLowerCase()).join(', ')}.</p> : null}
        <button type="submit" disabled={!file || missing.length > 0 || importLog.isPending}>
          Import and analyse
        </button>
      </form>
      {importLog.isPending ? <Loading what="the imported log" /> : null}
      {importLog.error ? <ErrorMessage error={importLog.error} /> : null}
      {importLog.data ? <ImportedLogResult result={importLog.data} processName={processName} /> : null}
    </div>
  );
}

function ImportedLogResult({ result, processName }: { result: ImportedLog; processName: string }) {
  const { imported, conformance, report } = result;
  return (
    <div className="import-result" role="status" aria-live="polite" data-testid="import-result">
      <p>
        Imported {imported.cases} cases and {imported.events} events{imported.skippedRows > 0 ? `; ${imported.skippedRows} rows skipped` : ''}.
      </p>
      {conformance ? (
        <>
          <p>
            {conformance.conformingCases} of {conformance.cases} cases ({formatRate(conformance.cases ? conformance.conformingCases / conformance.cases : null)}) follow {processName} throughout.
          </p>
          {conformance.offModel.length > 0 ? (
            <p>
              Steps not in the diagram: {conformance.offModel.map((step) => `${step.activity} (${step.occurrences}× in ${step.cases} cases)`).join('; ')}.
            </p>
          ) : (
            <p>Every step in the log is in the diagram.</p>
          )}
          {conformance.disallowedPairs.length > 0 ? (
            <p>
              Orders the diagram does not allow: {conformance.disallowedPairs.map((pair) => `${pair.fromName} → ${pair.toName} (${pair.count}×)`).join('; ')}.
            </p>
          ) : null}
        </>
      ) : null}
      <FigureTableView table={{ ...elementsTable(report), id: 'imported-elements', title: 'Steps in the imported log' }} filePrefix="imported" empty="No step completed in the imported log." />
      <FigureTableView table={{ ...variantsTable(report), id: 'imported-variants', title: 'Variants in the imported log' }} filePrefix="imported" empty="No variant in the imported log." />
    </div>
  );
}
