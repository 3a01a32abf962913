// A tokenizer for the one form nearly every XES trace takes (tags, attributes in quotes, white space between), several times faster than a general XML parser on large logs; it declines anything else, so saxen reads it with the same meaning and names what is broken.
import type { XesTraceBuilder } from './xes-trace-builder.ts';

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;

/** Characters that make a value something other than plain text: an entity, or markup saxen reads its own way. */
const plain = (value: string) => value.indexOf('&') < 0 && value.indexOf('<') < 0 && value.indexOf('>') < 0;

/**
 * Feeds `builder` the tags of one `<trace>…</trace>` and returns true, or returns false as soon as
 * the text leaves the usual form: a comment, CDATA, processing instruction, entity, text between
 * tags, an attribute without quotes or white space before it, a repeated key or value, a mismatched
 * or unclosed tag. The builder is then half-fed; the caller starts again with a fresh one.
 */
export function scanCanonicalTrace(xml: string, builder: XesTraceBuilder): boolean {
  const n = xml.length;
  const open: string[] = [];
  let rootClosed = false;
  let i = 0;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c !== 60 /* < */) {
      if (!isSpace(c)) return false;
      i += 1;
      continue;
    }
    if (rootClosed) return false;
    let j = i + 1;
    const closing = xml.charCodeAt(j) === 47; /* / */
    if (closing) j += 1;
    if (!isNameStart(xml.charCodeAt(j))) return false;
    const nameStart = j;
    for (j += 1; j < n && isNameChar(xml.charCodeAt(j)); j += 1);
    const name = xml.slice(nameStart, j);
    if (closing) {
      while (j < n && isSpace(xml.charCodeAt(j))) j += 1;
      if (xml.charCodeAt(j) !== 62 /* > */ || open.pop() !== name) return false;
      builder.close(name, false);
      rootClosed = open.length === 0;
      i = j + 1;
      continue;
    }
    const wanted = builder.wantsAttribute(name);
    let key: string | undefined;
    let value: string | undefined;
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && isSpace(xml.charCodeAt(j))) j += 1;
      const d = xml.charCodeAt(j);
      if (d === 62) {
        j += 1;
        break;
      }
      if (d === 47) {
        if (xml.charCodeAt(j + 1) !== 62) return false;
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === before || !isNameStart(d)) return false;
      const attributeStart = j;
      for (j += 1; j < n && isNameChar(xml.charCodeAt(j)); j += 1);
      const quote = xml.charCodeAt(j + 1);
      if (xml.charCodeAt(j) !== 61 /* = */ || (quote !== 34 && quote !== 39)) return false;
      const end = xml.indexOf(quote === 34 ? '"' : "'", j + 2);
      if (end < 0) return false;
      if (wanted) {
        const attribute = xml.slice(attributeStart, j);
        if (attribute === 'key' || attribute === 'value') {
          const text = xml.slice(j + 2, end);
          if (!plain(text)) return false;
          if (attribute === 'key') {
            if (key !== undefined) return false;
            key = text;
          } else {
            if (value !== undefined) return false;
            value = text;
          }
        }
      } else if (!plain(xml.slice(j + 2, end))) return false;
      j = end + 1;
    }
    if (wanted) builder.open(name, selfClosing, key ?? '', value ?? '');
    else builder.open(name, selfClosing);
    if (selfClosing) {
      builder.close(name, true);
      rootClosed = open.length === 0;
    } else open.push(name);
    i = j;
  }
  return open.length === 0 && rootClosed;
}
