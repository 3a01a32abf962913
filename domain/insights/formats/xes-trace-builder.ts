// What one XES trace means to Casemap: its concept:name and its events with a name and a time, built from the trace's tags whichever tokenizer read them (xes-trace-scanner.ts or saxen).
import { parseInstant } from '../iso-instant.ts';
import type { ImportProblem, LogRow } from './log-rows.ts';

const attributeTags = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);
const local = (name: string) => name.slice(name.indexOf(':') + 1);

export class XesTraceBuilder {
  private readonly events: Omit<LogRow, 'caseId'>[] = [];
  private readonly stack: string[] = [];
  private traceName: string | undefined;
  private event: Partial<LogRow> | undefined;
  private ordinal = 0;
  problem: ImportProblem | undefined;

  constructor(
    private readonly trace: number,
    private readonly startLine: number,
  ) {}

  where(): string {
    return `Trace ${this.trace} (from line ${this.startLine})${this.ordinal > 0 ? `, event ${this.ordinal}` : ''}`;
  }

  /** Refuses the trace with the first problem met; later ones are consequences. */
  refuse(message: string): void {
    this.problem ??= { code: 'invalid-xes', line: this.startLine, trace: this.trace, ...(this.ordinal > 0 ? { event: this.ordinal } : {}), message: `${this.where()}: ${message}` };
  }

  /** Whether the tag about to open is an attribute Casemap reads, so the tokenizer must hand over its key and value. */
  wantsAttribute(rawName: string): boolean {
    const parent = this.stack[this.stack.length - 1];
    return attributeTags.has(local(rawName)) && (parent === 'event' || parent === 'trace');
  }

  /** An opening tag; `key` and `value` (decoded) only when `wantsAttribute` said so. */
  open(rawName: string, selfClosing: boolean, key?: string, value?: string): void {
    const name = local(rawName);
    const parent = this.stack[this.stack.length - 1];
    if (name === 'event' && parent === 'trace') {
      this.ordinal += 1;
      this.event = {};
    } else if (key !== undefined && value !== undefined) {
      if (parent === 'trace' && key === 'concept:name') this.traceName = value;
      else if (parent === 'event' && this.event) {
        const event = this.event;
        if (key === 'concept:name') event.activity = value;
        else if (key === 'time:timestamp') {
          event.at = parseInstant(value);
          if (Number.isNaN(event.at)) this.problem ??= { code: 'invalid-timestamp', line: this.startLine, trace: this.trace, event: this.ordinal, message: `${this.where()}: time:timestamp "${value}" is not a date-time; XES uses ISO 8601 such as 2026-01-05T09:30:00.000+01:00.` };
        } else if (key === 'lifecycle:transition') event.lifecycle = value;
        else if (key === 'org:resource') event.resource = value;
        else if (key === 'org:group') event.team = value;
      }
    }
    if (!selfClosing) this.stack.push(name);
  }

  close(rawName: string, selfClosing: boolean): void {
    const name = local(rawName);
    if (!selfClosing) this.stack.pop();
    if (name === 'event' && this.event && this.stack[this.stack.length - 1] === 'trace') {
      // An event without a name or a time cannot be placed in a flow; XES allows it, so it is left out, as PM4Py's dataframe conversion does.
      if (this.event.activity !== undefined && this.event.at !== undefined) this.events.push(this.event as Omit<LogRow, 'caseId'>);
      this.event = undefined;
    }
  }

  /** The trace's rows, or the problem that refuses it. */
  finish(): { ok: true; rows: LogRow[] } | { ok: false; problem: ImportProblem } {
    if (!this.problem && this.stack.length > 0) this.problem = { code: 'invalid-xes', line: this.startLine, trace: this.trace, message: `${this.where()}: <${this.stack[this.stack.length - 1]}> is never closed.` };
    if (this.problem) return { ok: false, problem: this.problem };
    const caseId = this.traceName ?? `trace-${this.trace}`;
    const rows: LogRow[] = new Array(this.events.length);
    for (let k = 0; k < rows.length; k += 1) {
      const row = this.events[k] as LogRow;
      row.caseId = caseId;
      rows[k] = row;
    }
    return { ok: true, rows };
  }
}
