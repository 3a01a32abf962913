import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CopyTextBuffer, copyTextRow, copyValue } from './pg-copy-in.ts';

describe("COPY's text format", () => {
  it('escapes backslash, tab and line ends, and writes NULL for an absent value', () => {
    expect(copyTextRow(['a\\b', 'tab\there', 'line\nend\r', null, undefined, 7])).toBe('a\\\\b\ttab\\there\tline\\nend\\r\t\\N\t\\N\t7\n');
    expect(copyValue('plain')).toBe('plain');
  });

  it('holds the UTF-8 of the rows appended, however many and however long they are', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40_000 }), { maxLength: 12 }), fc.nat(64), (rows, room) => {
        const buffer = new CopyTextBuffer(room);
        for (const row of rows) buffer.append(row);
        expect(buffer.data().equals(Buffer.from(rows.join('')))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
