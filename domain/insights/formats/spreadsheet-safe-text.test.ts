import { describe, expect, it } from 'vitest';
import { spreadsheetSafeText } from './spreadsheet-safe-text.ts';

describe('spreadsheetSafeText', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('quotes %j, which would start a formula, as text', (text, safe) => {
    expect(spreadsheetSafeText(text)).toBe(safe);
  });

  it('leaves ordinary text, dates and empty cells as they are', () => {
    for (const text of ['Assess referral', '2026-03-01T09:00:00.000Z', 'a=b', '', 'case-1']) expect(spreadsheetSafeText(text)).toBe(text);
  });
});
