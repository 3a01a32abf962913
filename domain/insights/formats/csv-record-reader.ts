// Reads RFC 4180 CSV records one at a time from text that may arrive in pieces, each character looked at once.

export interface CsvError {
  code: 'unterminated-quote' | 'text-after-quote';
  line: number;
  message: string;
}

/** What `next` found: a record (in `fields`), the need for more text, the end of the text, or an error (in `error`). */
export type CsvReadStep = 'record' | 'more' | 'end' | 'error';

const found = (at: number, none: number): number => (at < 0 ? none : at);

const QUOTE = 34;
const LF = 10;
const CR = 13;

// Where the reader stands: before a field, inside an unquoted or a quoted one, or just after a field
// (where a delimiter, a record's end or the end of the text must follow).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_FIELD = 3;
type At = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof AFTER_FIELD;

/**
 * Feed text with `feed` and take records with `next` until it answers `more` (feed the next piece)
 * or `end` (after the last piece, fed with `last`). CRLF, LF or CR end a record; quoted fields may
 * hold delimiters, doubled quotes and line breaks. A record cut by the end of a piece carries on in
 * the next one from where it stopped: the field read so far is kept, never the piece, so no text is
 * joined to the next piece and no character is read twice, however many pieces a field spans.
 *
 * `fields` is reused for every record, so a caller that keeps a record copies it. Lines are the
 * file's, counted from 1: each record's end and each line feed inside a quoted field ends one.
 */
export class CsvRecordReader {
  /** The fields of the record `next` just read. */
  readonly fields: string[] = [];
  /** The line the record `next` just read starts on. */
  recordLine = 1;
  error: CsvError | undefined;
  private readonly delimiter: number;
  private readonly delimiterText: string;
  /** Where the next delimiter, line feed and carriage return are in the piece (its length if none), once searched for. */
  private nextDelimiter = -1;
  private nextLineFeed = -1;
  private nextReturn = -1;
  private text = '';
  private i = 0;
  private last = false;
  private started = false;
  private at: At = FIELD_START;
  /** Whether the next field starts a record. */
  private recordStart = true;
  private line = 1;
  /** The field being read, as far as the pieces before this one held it (doubled quotes made single). */
  private partial = '';
  private quoteLine = 1;
  /** The last piece ended on a quote inside a quoted field: the next character says whether it closed the field or was doubled. */
  private quoteEnded = false;
  /** A record ended with CR at the end of a piece: a line feed starting the next piece belongs to it (CRLF). */
  private lineFeedOwed = false;

  constructor(delimiter = ',') {
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter.charAt(0);
  }

  /** Adds `text` after what is still unread; `last` when no more will come. */
  feed(text: string, last = false): void {
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.lineFeedOwed && text.length > 0) {
      this.lineFeedOwed = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    // `next` reads a piece to its end before asking for more; text fed before that is kept in order.
    this.text = this.i < this.text.length ? this.text.slice(this.i) + text : text;
    this.i = 0;
    this.last = last;
    this.nextDelimiter = this.nextLineFeed = this.nextReturn = -1;
  }

  next(): CsvReadStep {
    if (this.error) return 'error';
    const text = this.text;
    const n = text.length;
    const d = this.delimiter;
    const fields = this.fields;
    let i = this.i;
    let at = this.at;
    for (;;) {
      if (at === FIELD_START) {
        if (this.recordStart) {
          if (i >= n) return this.pause(i, at, this.last ? 'end' : 'more');
          this.recordStart = false;
          fields.length = 0;
          this.recordLine = this.line;
        }
        // Whether the field is quoted is its first character's to say.
        if (i >= n && !this.last) return this.pause(i, at, 'more');
        if (i < n && text.charCodeAt(i) === QUOTE) {
          at = QUOTED;
          this.quoteLine = this.line;
          i += 1;
        } else at = UNQUOTED;
      } else if (at === UNQUOTED) {
        // The field ends at the nearest delimiter or line end; each is searched for natively and its
        // place kept until passed, so every character is still searched once per kind.
        if (this.nextDelimiter < i) this.nextDelimiter = found(text.indexOf(this.delimiterText, i), n);
        if (this.nextLineFeed < i) this.nextLineFeed = found(text.indexOf('\n', i), n);
        if (this.nextReturn < i) this.nextReturn = found(text.indexOf('\r', i), n);
        const j = Math.min(this.nextDelimiter, this.nextLineFeed, this.nextReturn);
        if (j >= n && !this.last) {
          this.partial += text.slice(i, n);
          return this.pause(n, at, 'more');
        }
        fields.push(this.partial === '' ? text.slice(i, j) : this.partial + text.slice(i, j));
        this.partial = '';
        i = j;
        at = AFTER_FIELD;
      } else if (at === QUOTED) {
        if (this.quoteEnded) {
          // The quote that ended the last piece: doubled if a quote follows, else the field's end.
          if (i >= n && !this.last) return this.pause(i, at, 'more');
          this.quoteEnded = false;
          if (i < n && text.charCodeAt(i) === QUOTE) {
            this.partial += '"';
            i += 1;
          } else at = this.endQuoted();
          continue;
        }
        const q = text.indexOf('"', i);
        if (q < 0) {
          if (this.last) return this.fail({ code: 'unterminated-quote', line: this.quoteLine, message: `Line ${this.quoteLine}: a quoted field is never closed; close it with ".` });
          this.takeQuoted(text, i, n);
          return this.pause(n, at, 'more');
        }
        this.takeQuoted(text, i, q);
        if (q === n - 1 && !this.last) {
          this.quoteEnded = true;
          return this.pause(n, at, 'more');
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          this.partial += '"';
          i = q + 2;
        } else {
          i = q + 1;
          at = this.endQuoted();
        }
      } else {
        if (i >= n && !this.last) return this.pause(i, at, 'more');
        const c = i < n ? text.charCodeAt(i) : -1;
        if (c === d) {
          i += 1;
          at = FIELD_START;
          continue;
        }
        // Only a quoted field can be followed by anything else: an unquoted one runs to the next delimiter or line end.
        if (c !== LF && c !== CR && c !== -1) return this.fail({ code: 'text-after-quote', line: this.line, message: `Line ${this.line}: text follows a closing quote; double a quote inside a quoted field ("").` });
        this.recordStart = true;
        // Text ending in one empty field is no record, as a trailing line break adds no empty row.
        if (c === -1 && fields.length === 1 && fields[0] === '') return this.pause(i, FIELD_START, 'end');
        if (c === CR) {
          if (i + 1 < n) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
          else {
            i += 1;
            this.lineFeedOwed = !this.last;
          }
        } else if (c === LF) i += 1;
        this.line += 1;
        return this.pause(i, FIELD_START, 'record');
      }
    }
  }

  private pause(i: number, at: At, step: CsvReadStep): CsvReadStep {
    this.i = i;
    this.at = at;
    return step;
  }

  /** Adds `text[from, to)` of a quoted field, counting the line feeds in it. */
  private takeQuoted(text: string, from: number, to: number): void {
    if (to <= from) return;
    const chunk = text.slice(from, to);
    for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) this.line += 1;
    this.partial += chunk;
  }

  private endQuoted(): At {
    this.fields.push(this.partial);
    this.partial = '';
    return AFTER_FIELD;
  }

  private fail(error: CsvError): CsvReadStep {
    this.error = error;
    return 'error';
  }
}
