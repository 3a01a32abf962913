// A form field as written in the diagram, before it is checked: the shape every form reader
// (casework, Camunda 7, Camunda 8 embedded) hands to read-form.ts, kept apart so no reader imports another.
export type RawField = {
  name?: string;
  label?: string;
  type?: string;
  required: boolean;
  options: string[];
  pattern?: string;
  min?: string;
  max?: string;
};
