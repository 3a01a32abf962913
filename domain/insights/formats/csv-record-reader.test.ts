import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvRecordReader } from './csv-record-reader.ts';
import { parseCsv } from './csv.ts';

/** Records, lines and the error of `pieces` fed one at a time, as an upload arrives. */
function readPieces(pieces: readonly string[], delimiter = ',') {
  const reader = new CsvRecordReader(delimiter);
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let k = 0; k < pieces.length; k += 1) {
    reader.feed(pieces[k]!, k === pieces.length - 1);
    for (let step = reader.next(); step !== 'more' && step !== 'end'; step = reader.next()) {
      if (step === 'error') return { rows, lines, error: reader.error };
      rows.push([...reader.fields]);
      lines.push(reader.recordLine);
    }
  }
  return { rows, lines };
}

/** `text` cut at the given places. */
function cut(text: string, places: readonly number[]): string[] {
  const at = [...new Set(places.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [...at, text.length].map((end, k) => text.slice(k === 0 ? 0 : at[k - 1], end));
}

// Text made of the characters that give CSV its structure, so every cut lands somewhere that matters.
const csvText = fc.array(fc.constantFrom('a', 'bc', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '\ufeff'), { maxLength: 60 }).map((parts) => parts.join(''));

describe('CSV record reader', () => {
  it('reads the same records, lines and errors whatever pieces the text comes in', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(',', ';'), fc.array(fc.nat(80), { maxLength: 20 }), (text, delimiter, places) => {
        expect(readPieces(cut(text, places), delimiter)).toEqual(parseCsv(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes a CRLF split between two pieces as one line end', () => {
    expect(readPieces(['a,b\r', '\nc,d\r\n'])).toEqual({ rows: [['a', 'b'], ['c', 'd']], lines: [1, 2] });
  });

  it('tells a doubled quote from a closing one when a piece ends between them', () => {
    expect(readPieces(['x,"say "', '"hi""', '"\n'])).toEqual({ rows: [['x', 'say "hi"']], lines: [1] });
    expect(readPieces(['x,"done"', ',y\n'])).toEqual({ rows: [['x', 'done', 'y']], lines: [1] });
  });

  it('reads a quoted field spread over many pieces, counting its line breaks', () => {
    const note = 'line\n'.repeat(50);
    const pieces = cut(`a,"${note}"\nb,c\n`, Array.from({ length: 60 }, (_, k) => k * 5 + 3));
    expect(readPieces(pieces)).toEqual({ rows: [['a', note], ['b', 'c']], lines: [1, 52] });
  });

  it('names the line a never-closed quote opens on', () => {
    expect(readPieces(['a\n"open\n', 'more\n'])).toMatchObject({ error: { code: 'unterminated-quote', line: 2 } });
  });
});
