// The step's form, built from its field list: labels, required marks, and the server's message
// for each field shown beside it.
import { useState, type FormEvent } from 'react';
import { issuesByField } from '../../../shared/api/problem.ts';
import type { FormFieldSchema, Task } from '../api/get-tasks.ts';
import { useCompleteTask } from '../api/complete-task.ts';
import type { TaskActionResult } from '../api/next-steps.ts';
import { initialValues, toFormData, type RawValues } from '../lib/form-values.ts';

function FieldControl({ field, id, value, onChange, error }: { field: FormFieldSchema; id: string; value: string | boolean; onChange: (value: string | boolean) => void; error?: string }) {
  const common = { id, name: field.name, 'aria-required': field.required ? true : undefined, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  switch (field.type) {
    case 'boolean':
      return <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'text':
      return <textarea {...common} rows={3} value={String(value)} onChange={(e) => onChange(e.target.value)} />;
    case 'enum':
      return (
        <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case 'number':
      return <input {...common} type="text" inputMode="decimal" value={String(value)} onChange={(e) => onChange(e.target.value)} />;
    case 'date':
      return <input {...common} type="date" value={String(value)} onChange={(e) => onChange(e.target.value)} />;
    default:
      return <input {...common} type="text" value={String(value)} onChange={(e) => onChange(e.target.value)} />;
  }
}

export function TaskForm({ task, onCompleted }: { task: Task; onCompleted: (result: TaskActionResult) => void }) {
  const fields = task.form ?? [];
  const [values, setValues] = useState<RawValues>(() => initialValues(fields));
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const completeTask = useCompleteTask();
  const fieldErrors = issuesByField(failure);
  const idFor = (name: string) => `task-${task.id.replace(/[^A-Za-z0-9_-]/g, '_')}-${name}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      onCompleted(await completeTask.mutateAsync({ taskId: task.id, data: toFormData(fields, values) }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="task-form" onSubmit={submit} noValidate aria-label={`Complete ${task.name}`}>
      {fields.length === 0 ? <p>This step has no form: complete it when the work is done.</p> : null}
      {fields.map((field) => {
        const id = idFor(field.name);
        const error = fieldErrors[field.name];
        return (
          <div key={field.name} className={`form-row${error ? ' has-error' : ''}`}>
            <label htmlFor={id}>
              {field.label || field.name}
              {field.required ? (
                <span className="required" aria-hidden="true">
                  {' '}*
                </span>
              ) : null}
              {field.required ? <span className="visually-hidden"> (required)</span> : null}
            </label>
            <FieldControl field={field} id={id} value={values[field.name] ?? ''} onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))} error={error} />
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {failure instanceof Error ? (
        <p className="form-error" role="alert">
          {failure.message}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? 'Completing…' : 'Complete task'}
      </button>
    </form>
  );
}
