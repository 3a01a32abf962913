// Reads an OCEL 2.0 JSON log piece by piece as it arrives: a small scanner walks the top-level object and hands each element of `objects` and `events` to JSON.parse on its own, so memory holds one element, not the file.
import { eventItem, eventTime, isRecord, readAttributes, readRelations, requiredText, type OcelEventItem, type OcelItem, type OcelObjectItem, type OcelProblem, type OcelStep } from './ocel-items.ts';

/** Any one element, and any other top-level member (objectTypes, eventTypes), is small in a real log. */
const MAX_VALUE_CHARS = 16 * 1024 * 1024;

type Mode = 'root' | 'first-key' | 'key' | 'colon' | 'value' | 'member-end' | 'first-item' | 'item' | 'item-end' | 'done';

/** The value being cut out: where it starts in the buffer and enough state to find its end across pieces. */
interface Capture {
  kind: 'key' | 'member' | 'item';
  start: number;
  line: number;
  depth: number;
  inString: boolean;
  escape: boolean;
  scalar: boolean;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export function readOcelObject(value: unknown, path: string, line?: number): OcelObjectItem | OcelProblem {
  if (!isRecord(value)) return { code: 'invalid-ocel', path, message: `${path}: each object is a JSON object with an id and a type.` };
  const id = requiredText(value.id, `${path}.id`, 'the id of the object', line);
  if (typeof id !== 'string') return id;
  const type = requiredText(value.type, `${path}.type`, 'the type of the object', line);
  if (typeof type !== 'string') return type;
  const attributes = readAttributes(value.attributes, `${path}.attributes`, true, line);
  if (!Array.isArray(attributes)) return attributes;
  const relationships = readRelations(value.relationships, `${path}.relationships`, 'objectId', line);
  if (!Array.isArray(relationships)) return relationships;
  return { kind: 'object', id, type, path, ...(line === undefined ? {} : { line }), attributes, relationships };
}

export function readOcelEvent(value: unknown, path: string, line?: number): OcelEventItem | OcelProblem {
  if (!isRecord(value)) return { code: 'invalid-ocel', path, message: `${path}: each event is a JSON object with an id, a type and a time.` };
  const id = requiredText(value.id, `${path}.id`, 'the id of the event', line);
  if (typeof id !== 'string') return id;
  const activity = requiredText(value.type, `${path}.type`, 'the type of the event (its activity)', line);
  if (typeof activity !== 'string') return activity;
  const at = eventTime(value.time, `${path}.time`, line);
  if (typeof at !== 'number') return at;
  const attributes = readAttributes(value.attributes, `${path}.attributes`, false, line);
  if (!Array.isArray(attributes)) return attributes;
  // A null list of relationships has always been read as none.
  const relationships = readRelations(value.relationships ?? undefined, `${path}.relationships`, 'objectId', line);
  if (!Array.isArray(relationships)) return relationships;
  return eventItem(id, activity, at, relationships, attributes, line);
}

/** Feed text with `push` as it arrives and finish with `end`; each step gives the objects and events completed so far. */
export class OcelJsonStreamReader {
  private buffer = '';
  private pos = 0;
  private line = 1;
  private mode: Mode = 'root';
  private capture: Capture | undefined;
  private key = '';
  private section: 'objects' | 'events' | undefined;
  private index = 0;
  private readonly seen = new Set<string>();
  private started = false;
  private failed = false;

  push(text: string): OcelStep {
    if (this.failed) return { ok: true, items: [] };
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buffer += text;
    const items: OcelItem[] = [];
    const problem = this.scan(items);
    if (problem) return this.fail(problem);
    const keep = this.capture ? this.capture.start : this.pos;
    this.buffer = this.buffer.slice(keep);
    this.pos -= keep;
    if (this.capture) {
      this.capture.start = 0;
      if (this.buffer.length > MAX_VALUE_CHARS) return this.fail({ code: 'invalid-ocel', path: this.where(), line: this.capture.line, message: `${this.where()} (from line ${this.capture.line}) is larger than 16 MB: is the file OCEL 2.0 JSON?` });
    }
    return { ok: true, items };
  }

  end(): OcelStep {
    if (this.failed) return { ok: true, items: [] };
    if (this.mode !== 'done') {
      const inside = this.capture || this.section ? ` inside ${this.where()}` : '';
      return this.fail({ code: 'invalid-ocel', line: this.line, ...(inside ? { path: this.where() } : {}), message: `The file ends at line ${this.line}${inside} before its closing brace: it may be cut short (was the upload complete?).` });
    }
    for (const required of ['objects', 'events']) {
      if (!this.seen.has(required)) return this.fail({ code: 'invalid-ocel', path: required, message: `${required}: missing. An OCEL 2.0 JSON log is an object with objectTypes, eventTypes, objects and events.` });
    }
    return { ok: true, items: [] };
  }

  private fail(problem: OcelProblem): OcelStep {
    this.failed = true;
    return { ok: false, problem };
  }

  /** The path of what is being read, for a problem. */
  private where(): string {
    if (this.section) return `${this.section}[${this.index}]`;
    return this.key || 'the top-level object';
  }

  private scan(items: OcelItem[]): OcelProblem | undefined {
    const b = this.buffer;
    for (let i = this.pos; i < b.length; i += 1) {
      const c = b.charCodeAt(i);
      if (c === 10) this.line += 1;
      const cap = this.capture;
      if (cap) {
        let end = -1;
        if (cap.inString) {
          if (cap.escape) cap.escape = false;
          else if (c === 92) cap.escape = true;
          else if (c === 34) {
            cap.inString = false;
            if (cap.depth === 0) end = i + 1;
          }
        } else if (cap.scalar) {
          if (c === 44 || c === 125 || c === 93 || isSpace(c)) {
            end = i;
            // The delimiter belongs to what follows: read it again outside the capture.
            if (c === 10) this.line -= 1;
            i -= 1;
          }
        } else if (c === 34) cap.inString = true;
        else if (c === 123 || c === 91) cap.depth += 1;
        else if (c === 125 || c === 93) {
          cap.depth -= 1;
          if (cap.depth === 0) end = i + 1;
        }
        if (end >= 0) {
          this.capture = undefined;
          const problem = this.captured(cap, b.slice(cap.start, end), items);
          if (problem) return problem;
        }
        continue;
      }
      if (isSpace(c)) continue;
      const problem = this.token(c, i);
      if (problem) return problem;
    }
    this.pos = b.length;
    return undefined;
  }

  private begin(kind: Capture['kind'], c: number, i: number): void {
    this.capture = { kind, start: i, line: this.line, depth: c === 123 || c === 91 ? 1 : 0, inString: c === 34, escape: false, scalar: c !== 34 && c !== 123 && c !== 91 };
  }

  /** One structural character outside any captured value. */
  private token(c: number, i: number): OcelProblem | undefined {
    const unexpected = (expected: string): OcelProblem => ({
      code: 'invalid-ocel',
      line: this.line,
      ...(this.mode === 'root' ? {} : { path: this.where() }),
      message: `Line ${this.line}${this.mode === 'root' ? '' : `, at ${this.where()}`}: expected ${expected}, found "${String.fromCharCode(c)}". ${this.mode === 'root' ? 'Is the file OCEL 2.0 JSON?' : 'The file is not well-formed JSON.'}`,
    });
    switch (this.mode) {
      case 'root':
        if (c !== 123) return unexpected('an object "{" (OCEL 2.0 JSON starts with one)');
        this.mode = 'first-key';
        return undefined;
      case 'first-key':
      case 'key':
        if (c === 125 && this.mode === 'first-key') this.mode = 'done';
        else if (c === 34) this.begin('key', c, i);
        else return unexpected('a key in double quotes');
        return undefined;
      case 'colon':
        if (c !== 58) return unexpected('":"');
        this.mode = 'value';
        return undefined;
      case 'value':
        if (this.key === 'objects' || this.key === 'events') {
          if (c !== 91) return unexpected(`a list "[" of ${this.key}`);
          if (this.seen.has(this.key)) return { code: 'invalid-ocel', path: this.key, line: this.line, message: `${this.key} (line ${this.line}): given a second time; an OCEL 2.0 log has one list of ${this.key}.` };
          this.seen.add(this.key);
          this.section = this.key;
          this.index = 0;
          this.mode = 'first-item';
        } else this.begin('member', c, i);
        return undefined;
      case 'member-end':
        if (c === 44) this.mode = 'key';
        else if (c === 125) this.mode = 'done';
        else return unexpected('"," or "}"');
        return undefined;
      case 'first-item':
      case 'item':
        if (c === 93 && this.mode === 'first-item') {
          this.section = undefined;
          this.mode = 'member-end';
        } else if (c === 123) this.begin('item', c, i);
        else return { code: 'invalid-ocel', path: this.where(), line: this.line, message: `${this.where()} (line ${this.line}): each of the ${this.section} is a JSON object {…}.` };
        return undefined;
      case 'item-end':
        if (c === 44) {
          this.index += 1;
          this.mode = 'item';
        } else if (c === 93) {
          this.section = undefined;
          this.mode = 'member-end';
        } else return unexpected('"," or "]"');
        return undefined;
      case 'done':
        return unexpected('nothing after the closing "}"');
    }
  }

  private captured(cap: Capture, text: string, items: OcelItem[]): OcelProblem | undefined {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { code: 'invalid-ocel', path: this.where(), line: cap.line, message: `${this.where()} (from line ${cap.line}): not well-formed JSON (${(error as Error).message}).` };
    }
    if (cap.kind === 'key') {
      this.key = value as string;
      this.mode = 'colon';
      return undefined;
    }
    if (cap.kind === 'member') {
      this.mode = 'member-end';
      return undefined;
    }
    const path = this.where();
    const item = this.section === 'objects' ? readOcelObject(value, path, cap.line) : readOcelEvent(value, path, cap.line);
    if (!('kind' in item)) return item;
    items.push(item);
    this.mode = 'item-end';
    return undefined;
  }
}
