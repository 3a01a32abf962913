// The report's assumptions, kept in the address (`?casesPerMonth=&days=`) so a view can be shared:
// how many cases a month to assume where the log is silent, and how much of the log to read.
import { useId, useState, type FormEvent } from 'react';
import { hrefFor, navigate } from '../../../shared/routing/hash-route.ts';
import type { ReportOptions } from '../api/get-duplication-report.ts';

interface Field {
  name: keyof ReportOptions;
  label: string;
  hint: string;
  min: number;
  max: number;
  integer: boolean;
}

const FIELDS: readonly Field[] = [
  { name: 'casesPerMonth', label: 'Cases a month (assumed)', hint: 'Used for steps the event log has no figures for; 100 when empty.', min: 0, max: 1_000_000, integer: false },
  { name: 'days', label: 'Event log window (days)', hint: 'Only the last days of the log count; the whole log when empty.', min: 1, max: 3650, integer: true },
];

function problemWith(field: Field, text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < field.min || value > field.max || (field.integer && !Number.isInteger(value)))
    return `${field.label} must be ${field.integer ? 'a whole number' : 'a number'} from ${field.min.toLocaleString('en-GB')} to ${field.max.toLocaleString('en-GB')}.`;
  return undefined;
}

/** The options the address asks for; anything that is not a number is left to the server's default. */
export function reportOptionsFrom(query: URLSearchParams): ReportOptions {
  const options: ReportOptions = {};
  for (const field of FIELDS) {
    const text = query.get(field.name);
    if (text !== null && text.trim() !== '' && Number.isFinite(Number(text))) options[field.name] = Number(text);
  }
  return options;
}

export function ReportOptionsForm({ options }: { options: ReportOptions }) {
  const id = useId();
  const [draft, setDraft] = useState<Record<keyof ReportOptions, string>>({ casesPerMonth: options.casesPerMonth?.toString() ?? '', days: options.days?.toString() ?? '' });
  const [submitted, setSubmitted] = useState(false);
  const problems = Object.fromEntries(FIELDS.map((field) => [field.name, problemWith(field, draft[field.name])])) as Record<keyof ReportOptions, string | undefined>;

  function apply(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(problems).some(Boolean)) return;
    navigate(hrefFor(['insights', 'duplication'], { casesPerMonth: draft.casesPerMonth.trim(), days: draft.days.trim() }));
  }

  return (
    <form className="filters report-options" onSubmit={apply} aria-label="Report assumptions" noValidate>
      {FIELDS.map((field) => {
        const problem = submitted ? problems[field.name] : undefined;
        return (
          <div key={field.name} className={problem ? 'form-row has-error' : 'form-row'}>
            <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
            <input
              id={`${id}-${field.name}`}
              type="number"
              inputMode="decimal"
              min={field.min}
              max={field.max}
              step={field.integer ? 1 : 'any'}
              value={draft[field.name]}
              aria-invalid={Boolean(problem)}
              aria-describedby={`${id}-${field.name}-note`}
              onChange={(event) => setDraft({ ...draft, [field.name]: event.target.value })}
            />
            <small id={`${id}-${field.name}-note`} className={problem ? 'field-error' : 'muted'}>
              {problem ?? field.hint}
            </small>
          </div>
        );
      })}
      <button type="submit">Apply</button>
    </form>
  );
}
