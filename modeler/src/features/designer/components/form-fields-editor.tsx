// Edits the form of a user task: the fields a caseworker fills in when completing the step.
import type { FieldDraft } from '../bpmn/casework-properties/casework-properties.ts';
import { FIELD_TYPES } from '../bpmn/casework-properties/casework-properties.ts';
import { TextProperty } from './property-inputs.tsx';

const blankField = (index: number): FieldDraft => ({ name: `field${index}`, label: '', type: 'string', required: false, options: '', pattern: '', min: '', max: '' });

export function FormFieldsEditor({ elementId, fields, onChange }: { elementId: string; fields: readonly FieldDraft[]; onChange: (fields: FieldDraft[]) => void }) {
  const update = (index: number, patch: Partial<FieldDraft>) => onChange(fields.map((field, i) => (i === index ? { ...field, ...patch } : field)));
  return (
    <fieldset className="form-fields">
      <legend>Form fields</legend>
      {fields.length === 0 ? <p className="muted">No fields: the caseworker just completes the step.</p> : null}
      {fields.map((field, index) => {
        const base = `field-${elementId}-${index}`;
        return (
          <div key={index} className="field-editor" role="group" aria-label={`Field ${index + 1}: ${field.label || field.name}`}>
            <TextProperty id={`${base}-name`} label="Name (data key)" value={field.name} onCommit={(name) => update(index, { name })} />
            <TextProperty id={`${base}-label`} label="Label" value={field.label} onCommit={(label) => update(index, { label })} />
            <div className="prop-row">
              <label htmlFor={`${base}-type`}>Type</label>
              <select id={`${base}-type`} value={field.type} onChange={(e) => update(index, { type: e.target.value })}>
                {FIELD_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            </div>
            <label className="inline">
              <input type="checkbox" checked={field.required} onChange={(e) => update(index, { required: e.target.checked })} /> Required
            </label>
            {field.type === 'enum' ? <TextProperty id={`${base}-options`} label="Options (comma-separated)" value={field.options} onCommit={(options) => update(index, { options })} /> : null}
            {field.type === 'string' || field.type === 'text' ? <TextProperty id={`${base}-pattern`} label="Pattern (regular expression)" value={field.pattern} onCommit={(pattern) => update(index, { pattern })} /> : null}
            {field.type === 'number' || field.type === 'date' ? (
              <>
                <TextProperty id={`${base}-min`} label="Minimum" value={field.min} onCommit={(min) => update(index, { min })} />
                <TextProperty id={`${base}-max`} label="Maximum" value={field.max} onCommit={(max) => update(index, { max })} />
              </>
            ) : null}
            <button type="button" onClick={() => onChange(fields.filter((_, i) => i !== index))}>
              Remove field {field.label || field.name}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...fields, blankField(fields.length + 1)])}>
        Add field
      </button>
    </fieldset>
  );
}
