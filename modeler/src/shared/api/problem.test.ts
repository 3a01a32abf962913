import { describe, expect, it } from 'vitest';
import { ApiError, issuesByField } from './problem.ts';

describe('issuesByField', () => {
  it('keys the server’s form issues by field, joining several for one field', () => {
    const error = new ApiError(422, 'invalid-form-data', 'The form has 2 problems', [
      { field: 'sentenceMonths', message: 'Sentence (months) must be a number' },
      { field: 'body.data.prisonNumber', message: 'Prison number is required' },
      { field: 'sentenceMonths', message: 'must be at least 0' },
      { elementId: 'Task_refer', message: 'not a field issue' },
    ]);
    expect(issuesByField(error)).toEqual({ sentenceMonths: 'Sentence (months) must be a number; must be at least 0', prisonNumber: 'Prison number is required' });
  });

  it('has nothing to show for other errors', () => {
    expect(issuesByField(new Error('boom'))).toEqual({});
  });
});
