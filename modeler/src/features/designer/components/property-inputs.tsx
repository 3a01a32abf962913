// Text and choice inputs that commit to the diagram when the user leaves the field (or presses
// Enter), so one edit is one undoable command, and that follow the model on undo/redo.
import { useEffect, useState } from 'react';

export function TextProperty({ id, label, value, onCommit, hint, placeholder }: { id: string; label: string; value: string; onCommit: (value: string) => void; hint?: string; placeholder?: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <div className="prop-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft}
        placeholder={placeholder}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(value);
        }}
      />
      {hint ? (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

export function ChoiceProperty({ id, label, value, options, onCommit }: { id: string; label: string; value: string; options: readonly { value: string; label: string }[]; onCommit: (value: string) => void }) {
  return (
    <div className="prop-row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onCommit(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
