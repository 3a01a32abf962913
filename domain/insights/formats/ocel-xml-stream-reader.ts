// Reads an OCEL 2.0 XML log piece by piece as it arrives: each <object> and <event> is cut out once complete and parsed with saxen on its own; the rest of the file (log, object-types, event-types) is kept as a small skeleton of tags and checked at the end.
import { Parser } from 'saxen';
import { eventItem, eventTime, readAttributes, readRelations, requiredText, type OcelItem, type OcelProblem, type OcelStep } from './ocel-items.ts';

const elementOpen = /<(object|event)(?=[\s/>])/g;
const sectionTag = /<(\/?)(?:[\w.-]+:)?(objects|events)\s*>/g;
/** The skeleton (everything outside objects and events, white space dropped) is small in any real log. */
const MAX_SKELETON_CHARS = 16 * 1024 * 1024;

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) n += 1;
  return n;
}

/** The index of the `>` ending the start tag opened at `from` (quotes may hold `>`), or -1 while it is incomplete. */
function startTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

export class OcelXmlStreamReader {
  private pending = '';
  /** The file line the pending text starts on. */
  private line = 1;
  private skeleton = '';
  private section: 'objects' | 'events' | undefined;
  private readonly counts = { object: 0, event: 0 };
  private failed = false;

  push(text: string): OcelStep {
    if (this.failed) return { ok: true, items: [] };
    this.pending += text;
    const items: OcelItem[] = [];
    let cursor = 0;
    for (;;) {
      elementOpen.lastIndex = cursor;
      const open = elementOpen.exec(this.pending);
      if (!open) {
        // Keep a tag that may still be arriving (`<obj` …) for the next piece.
        const lt = this.pending.lastIndexOf('<');
        const cut = lt >= cursor && this.pending.indexOf('>', lt) < 0 ? lt : this.pending.length;
        const problem = this.addSkeleton(cursor, cut);
        if (problem) return this.fail(problem);
        cursor = cut;
        break;
      }
      const name = open[1] as 'object' | 'event';
      const tagEnd = startTagEnd(this.pending, open.index);
      if (tagEnd < 0) break;
      let end: number;
      if (this.pending.charCodeAt(tagEnd - 1) === 47) end = tagEnd + 1;
      else {
        const close = new RegExp(`</(?:[\\w.-]+:)?${name}\\s*>`, 'g');
        close.lastIndex = tagEnd;
        const found = close.exec(this.pending);
        if (!found) break;
        end = found.index + found[0].length;
      }
      const before = this.addSkeleton(cursor, open.index);
      if (before) return this.fail(before);
      const line = this.line;
      const item = this.readElement(name, this.pending.slice(open.index, end), line);
      if (!('kind' in item)) return this.fail(item);
      items.push(item);
      this.line += countLines(this.pending, open.index, end);
      cursor = end;
    }
    this.pending = this.pending.slice(cursor);
    if (this.pending.length > MAX_SKELETON_CHARS) return this.fail({ code: 'invalid-ocel', line: this.line, message: `Line ${this.line}: an element larger than 16 MB, or no <object> or <event> in 16 MB: is the file OCEL 2.0 XML?` });
    return { ok: true, items };
  }

  end(): OcelStep {
    if (this.failed) return { ok: true, items: [] };
    const rest = this.pending.search(elementOpen);
    if (rest >= 0) {
      const name = /<event/.test(this.pending.slice(rest, rest + 6)) ? 'event' : 'object';
      const path = `${name}s[${this.counts[name]}]`;
      const line = this.line + countLines(this.pending, 0, rest);
      return this.fail({ code: 'invalid-ocel', path, line, message: `${path} (line ${line}) is never closed: the file may be cut short (was the upload complete?).` });
    }
    const problem = this.addSkeleton(0, this.pending.length);
    if (problem) return this.fail(problem);
    let failure: string | undefined;
    const stack: string[] = [];
    let root: string | undefined;
    const parser = new Parser();
    parser.on('question', () => undefined);
    parser.on('attention', () => (failure ??= 'a DOCTYPE, entity or CDATA section is not accepted.'));
    parser.on('error', (error) => (failure ??= `not well-formed XML (${error.message}).`));
    parser.on('openTag', (rawName, _attrs, _decode, selfClosing) => {
      root ??= local(rawName);
      if (!selfClosing) stack.push(rawName);
    });
    parser.on('closeTag', (_rawName, _decode, selfClosing) => {
      if (!selfClosing) stack.pop();
    });
    parser.parse(this.skeleton);
    if (!failure && stack.length > 0) failure = `<${stack[stack.length - 1]}> is never closed: the file may be cut short (was the upload complete?).`;
    if (!failure && root !== 'log') failure = 'an OCEL 2.0 XML log is one <log> element holding <object-types>, <event-types>, <objects> and <events>: is it OCEL 2.0 XML?';
    if (failure) return this.fail({ code: 'invalid-ocel', message: `The OCEL file outside its objects and events: ${failure}` });
    return { ok: true, items: [] };
  }

  private fail(problem: OcelProblem): OcelStep {
    this.failed = true;
    return { ok: false, problem };
  }

  /** Adds pending[from, to) (text between elements) to the skeleton, following which section it opens or closes. */
  private addSkeleton(from: number, to: number): OcelProblem | undefined {
    if (to <= from) return undefined;
    const part = this.pending.slice(from, to);
    const doctype = part.search(/<!DOCTYPE|<!ENTITY/i);
    if (doctype >= 0) return { code: 'invalid-ocel', line: this.line + countLines(part, 0, doctype), message: 'The OCEL file declares a DOCTYPE or entities, which Casemap does not accept.' };
    sectionTag.lastIndex = 0;
    for (let tag = sectionTag.exec(part); tag; tag = sectionTag.exec(part)) this.section = tag[1] ? undefined : (tag[2] as 'objects' | 'events');
    this.line += countLines(part, 0, part.length);
    if (part.trim() !== '') this.skeleton += part.trim();
    if (this.skeleton.length > MAX_SKELETON_CHARS) return { code: 'invalid-ocel', line: this.line, message: 'More than 16 MB outside <object> and <event> elements: is the file OCEL 2.0 XML?' };
    return undefined;
  }

  /** One `<object>` or `<event>` element: its id, type (and time), attributes and the objects it relates to. */
  private readElement(name: 'object' | 'event', xml: string, line: number): OcelItem | OcelProblem {
    const index = this.counts[name];
    this.counts[name] += 1;
    const path = `${name}s[${index}]`;
    if (this.section !== `${name}s`) return { code: 'invalid-ocel', path, line, message: `${path} (line ${line}): an <${name}> stands outside <${name}s>.` };
    const stack: string[] = [];
    let head: Record<string, string> | undefined;
    // As the JSON form has them, so both are checked by the same code: { name, time, value } and { object-id, qualifier }.
    const attributes: Record<string, string>[] = [];
    const relations: Record<string, string>[] = [];
    let text: string | undefined;
    let failure: string | undefined;
    const parser = new Parser();
    parser.on('question', () => undefined);
    parser.on('attention', () => (failure ??= 'a DOCTYPE, entity or CDATA section is not accepted'));
    parser.on('error', (error) => (failure ??= `not well-formed XML (${error.message})`));
    parser.on('text', (value, decode) => {
      if (text !== undefined) text += decode(value);
    });
    parser.on('openTag', (rawName, attrs, decode, selfClosing) => {
      const tag = local(rawName);
      const decoded = () => Object.fromEntries(Object.entries(attrs()).map(([k, v]) => [k, decode(v)]));
      const section = stack.length === 2 ? local(stack[1]!) : undefined;
      if (stack.length === 0) head = decoded();
      else if (section === 'objects' && tag === 'relationship') relations.push(decoded());
      else if (section === 'attributes' && tag === 'attribute') {
        attributes.push({ ...decoded(), value: '' });
        text = selfClosing ? undefined : '';
      }
      if (!selfClosing) stack.push(rawName);
    });
    parser.on('closeTag', (_rawName, _decode, selfClosing) => {
      if (selfClosing) return;
      stack.pop();
      if (stack.length === 2 && text !== undefined) {
        attributes[attributes.length - 1]!.value = text;
        text = undefined;
      }
    });
    parser.parse(xml);
    if (failure || !head) return { code: 'invalid-ocel', path, line, message: `${path} (line ${line}): ${failure ?? 'not an element'}.` };
    const id = requiredText(head.id, `${path}.id`, `the id of the ${name}`, line);
    if (typeof id !== 'string') return id;
    const type = requiredText(head.type, `${path}.type`, name === 'event' ? 'the type of the event (its activity)' : 'the type of the object', line);
    if (typeof type !== 'string') return type;
    const relationships = readRelations(relations, `${path}.relationships`, 'object-id', line);
    if (!Array.isArray(relationships)) return relationships;
    if (name === 'object') {
      const values = readAttributes(attributes, `${path}.attributes`, true, line);
      if (!Array.isArray(values)) return values;
      return { kind: 'object', id, type, path, line, attributes: values, relationships };
    }
    const at = eventTime(head.time, `${path}.time`, line);
    if (typeof at !== 'number') return at;
    const values = readAttributes(attributes, `${path}.attributes`, false, line);
    if (!Array.isArray(values)) return values;
    return eventItem(id, type, at, relationships, values, line);
  }
}
