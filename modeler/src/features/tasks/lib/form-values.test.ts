import { describe, expect, it } from 'vitest';
import { initialValues, toFormData } from './form-values.ts';

const fields = [
  { name: 'prisonNumber', label: 'Prison number', type: 'string' as const, required: true },
  { name: 'sentenceMonths', label: 'Sentence (months)', type: 'number' as const, required: true },
  { name: 'note', type: 'text' as const, required: false },
  { name: 'urgent', type: 'boolean' as const },
  { name: 'decision', type: 'enum' as const, options: ['deport', 'do-not-deport'] },
];

describe('toFormData', () => {
  it('converts numbers and booleans and leaves out empty optional fields', () => {
    // given
    const raw = { ...initialValues(fields), prisonNumber: ' A1234BC ', sentenceMonths: '18', decision: 'deport' };
    // when
    const data = toFormData(fields, raw);
    // then
    expect(data).toEqual({ prisonNumber: 'A1234BC', sentenceMonths: 18, urgent: false, decision: 'deport' });
  });

  it('sends a number that does not convert as typed, so the server can name the field', () => {
    expect(toFormData(fields, { sentenceMonths: 'eighteen' })).toMatchObject({ sentenceMonths: 'eighteen' });
  });

  it('sends an empty required text field so the server says it is required', () => {
    expect(toFormData(fields, initialValues(fields))).toEqual({ prisonNumber: '', urgent: false });
  });
});
