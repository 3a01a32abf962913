// Reads the DMN TCK's test case files (…-test-01.xml) into inputs and expected results, for the
// TCK runner. Test support only: the runner reads the files, saxen (moddle-xml's tokenizer) the XML.
import { date, dateAndTime, duration, time } from 'feelin';
import { Parser } from 'saxen';

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const parser = new Parser();
  parser.on('openTag', (name, attrs, _decode, selfClosing) => {
    const node: XmlNode = { name: name.replace(/^.*:/, ''), attrs: attrs(), children: [], text: '' };
    stack[stack.length - 1]?.children.push(node);
    if (!selfClosing) stack.push(node);
  });
  parser.on('closeTag', () => void stack.pop());
  parser.on('text', (text, decode) => {
    const top = stack[stack.length - 1];
    if (top) top.text += decode(text);
  });
  parser.on('cdata', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.parse(xml);
  return root;
}

const child = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);

/** A TCK value as FEEL input: typed scalars, contexts (components) and lists. */
function readValue(node: XmlNode, asInput: boolean): unknown {
  const value = child(node, 'value');
  if (value) {
    if (value.attrs['xsi:nil'] === 'true') return null;
    const type = (value.attrs['xsi:type'] ?? '').replace(/^.*:/, '');
    const text = value.text;
    if (type === 'decimal' || type === 'double' || type === 'integer' || type === 'int' || type === 'long') return Number(text);
    if (type === 'boolean') return text.trim() === 'true';
    if (asInput && type === 'date') return date(text.trim());
    if (asInput && type === 'dateTime') return dateAndTime(text.trim());
    if (asInput && type === 'time') return time(text.trim());
    if (asInput && type === 'duration') return duration(text.trim());
    return text;
  }
  const list = child(node, 'list');
  if (list) return list.children.filter((c) => c.name === 'item').map((item) => readValue(item, asInput));
  const components = node.children.filter((c) => c.name === 'component');
  if (components.length > 0) return Object.fromEntries(components.map((c) => [c.attrs.name ?? '', readValue(c, asInput)]));
  return null;
}

export interface TckResult {
  /** The decision's name, as the TCK names it. */
  name: string;
  expected: unknown;
  /** The TCK expects an error (or null) rather than a value. */
  errorResult: boolean;
}

export interface TckCase {
  id: string;
  description?: string;
  inputs: Record<string, unknown>;
  results: TckResult[];
}

export function readTckCases(xml: string): TckCase[] {
  const root = parseXml(xml);
  const testCases = child(root, 'testCases');
  if (!testCases) throw new Error('This is not a TCK test case file.');
  return testCases.children
    .filter((c) => c.name === 'testCase')
    .map((testCase) => ({
      id: testCase.attrs.id ?? '',
      ...(child(testCase, 'description') ? { description: child(testCase, 'description')?.text.trim() } : {}),
      inputs: Object.fromEntries(testCase.children.filter((c) => c.name === 'inputNode').map((input) => [input.attrs.name ?? '', readValue(input, true)])),
      results: testCase.children
        .filter((c) => c.name === 'resultNode')
        .map((result) => ({
          name: result.attrs.name ?? '',
          expected: readValue(child(result, 'expected') ?? result, false),
          errorResult: result.attrs.errorResult === 'true',
        })),
    }));
}
