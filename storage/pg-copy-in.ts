// COPY … FROM STDIN on a node-postgres client: one statement streams a batch of rows as text, several times faster than INSERTs of the same rows.
// pg-copy-streams does this as a Node stream; it is not a dependency, and a batch already built as one buffer needs only the few protocol steps below.
import type pg from 'pg';

/** The parts of node-postgres's connection a submittable query drives (pg/lib/connection.js). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** A query node-postgres runs in its queue like any other, answering the server's CopyInResponse with the data. */
class CopyFromStdin {
  private failure: Error | undefined;
  readonly done: Promise<void>;
  private settle!: { resolve: () => void; reject: (error: Error) => void };

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    if (this.data.length > 0) connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }

  handleCommandComplete(): void {}

  handleError(error: Error): void {
    // The client forgets this query at once on an error; the ReadyForQuery that follows is not ours.
    this.failure = error;
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    if (!this.failure) this.settle.resolve();
  }
}

/** Runs `COPY <table> (<columns>) FROM STDIN` with `data` in PostgreSQL's text format on `client`. */
export function copyFromStdin(client: pg.PoolClient, text: string, data: Buffer): Promise<void> {
  const copy = new CopyFromStdin(text, data);
  client.query(copy as unknown as pg.QueryConfig);
  return copy.done;
}

/** A text value in COPY's text format: backslash, tab, line feed and carriage return escaped (NUL never reaches here: imports refuse it). */
export function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

/** One row of COPY's text format: values separated by tabs, ended by a line feed. */
export function copyTextRow(values: readonly (string | number | null | undefined)[]): string {
  let line = copyValue(values[0]);
  for (let k = 1; k < values.length; k += 1) line += `\t${copyValue(values[k])}`;
  return `${line}\n`;
}

/**
 * COPY data built a row at a time: the rows' strings are garbage as soon as they are encoded, rather
 * than kept (with the text they were cut from) until a whole batch is joined. Rows are gathered into
 * pieces of about 64 KB and each piece encoded once, since every encoding call has its own cost.
 */
export class CopyTextBuffer {
  private bytes: Buffer;
  private used = 0;
  private piece = '';

  /** `expectedBytes`: room for a batch of the usual size, so the buffer seldom grows. */
  constructor(expectedBytes = 1 << 20) {
    this.bytes = Buffer.allocUnsafe(expectedBytes);
  }

  /** Appends one row's text (from `copyValue`s, tab-separated, ending in a line feed). */
  append(line: string): void {
    this.piece += line;
    if (this.piece.length >= 65_536) this.encodePiece();
  }

  /** The data so far (a view of the buffer, valid until the next append). */
  data(): Buffer {
    this.encodePiece();
    return this.bytes.subarray(0, this.used);
  }

  private encodePiece(): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const room = this.piece.length * 3;
    if (this.used + room > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + room));
      this.bytes.copy(larger, 0, 0, this.used);
      this.bytes = larger;
    }
    this.used += this.bytes.write(this.piece, this.used);
    this.piece = '';
  }
}
