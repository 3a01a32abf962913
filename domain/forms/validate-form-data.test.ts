import { describe, expect, it } from 'vitest';
import { FormField } from '../process/ir.ts';
import { validateFormData } from './validate-form-data.ts';

const fields = [
  FormField.parse({ name: 'decision', label: 'Decision', type: 'enum', required: true, options: ['deport', 'do-not-deport'] }),
  FormField.parse({ name: 'sentenceMonths', label: 'Sentence (months)', type: 'number', required: false, min: 0, max: 600 }),
  FormField.parse({ name: 'ersDate', label: 'ERS date', type: 'date', required: false }),
  FormField.parse({ name: 'cid', label: 'CID reference', type: 'string', required: false, pattern: '^CID-[0-9]+$' }),
];

describe('validateFormData', () => {
  it.each([
    ['accepts a complete valid submission', { decision: 'deport', sentenceMonths: 18, ersDate: '2027-01-04', cid: 'CID-42' }, []],
    ['accepts leaving optional fields out', { decision: 'do-not-deport' }, []],
    ['refuses a missing required field', {}, ['decision']],
    ['refuses a value outside the options', { decision: 'maybe' }, ['decision']],
    ['refuses a number given as text', { decision: 'deport', sentenceMonths: '18' }, ['sentenceMonths']],
    ['refuses a number above its maximum', { decision: 'deport', sentenceMonths: 601 }, ['sentenceMonths']],
    ['refuses a malformed date', { decision: 'deport', ersDate: '04/01/2027' }, ['ersDate']],
    ['refuses text that does not match the pattern', { decision: 'deport', cid: 'X1' }, ['cid']],
    ['refuses a field the step does not have', { decision: 'deport', isAdmin: true }, ['isAdmin']],
  ])('%s', (_name, data, badFields) => {
    // when
    const result = validateFormData(fields, data);
    // then
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual(badFields);
  });

  it('refuses a long value that would make a backtracking pattern run for ever, naming the field', () => {
    // given a pattern that a native RegExp takes 2^n steps to fail on n letters
    const letters = [FormField.parse({ name: 'letters', label: 'Letters', type: 'string', required: true, pattern: '^(a+)+$' })];
    // when
    const result = validateFormData(letters, { letters: `${'a'.repeat(5000)}!` });
    // then
    expect(result).toEqual({ ok: false, issues: [{ field: 'letters', message: 'Letters is not in the expected format' }] });
    expect(validateFormData(letters, { letters: 'a'.repeat(5000) }).ok).toBe(true);
  });

  it('refuses data that is not an object', () => {
    expect(validateFormData(fields, ['deport']).ok).toBe(false);
  });
});
