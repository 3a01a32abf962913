import { describe, expect, it } from 'vitest';
import { isDefinitionId, suggestDefinitionId } from './new-diagram.ts';

describe('suggestDefinitionId', () => {
  it('drops the Process_ prefix and a file extension', () => {
    expect(suggestDefinitionId('Process_referral')).toBe('referral');
    expect(suggestDefinitionId('two-lane-referral.bpmn')).toBe('two-lane-referral');
  });

  it('always gives an id the API accepts', () => {
    for (const source of ['2026 removals (draft).bpmn', '___', 'Ünïcode prozess', '']) expect(isDefinitionId(suggestDefinitionId(source))).toBe(true);
  });
});
