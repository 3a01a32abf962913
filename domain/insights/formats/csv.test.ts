import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, writeCsv } from './csv.ts';

describe('RFC 4180 CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = '\ufeffcase,activity,note\r\nc1,"Refer, then wait","He said ""no""\nthen left"\r\nc2,Decide,\n';
    expect(parseCsv(text).rows).toEqual([
      ['case', 'activity', 'note'],
      ['c1', 'Refer, then wait', 'He said "no"\nthen left'],
      ['c2', 'Decide', ''],
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n').error).toMatchObject({ code: 'unterminated-quote', line: 2 });
    expect(parseCsv('a\n"x"y\n').error).toMatchObject({ code: 'text-after-quote', line: 2 });
  });

  it('reads back whatever it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 10 }), (rows) => {
        expect(parseCsv(writeCsv(rows)).rows).toEqual(rows);
      }),
    );
  });
});
