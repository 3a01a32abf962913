// Guards run on the raw text before the BPMN parser sees it: no DOCTYPE, and caps on size,
// element count and nesting depth, so a hostile file costs a bounded amount of work.
import type { Diagnostic } from './diagnostics.ts';

export interface InputLimits {
  /** Largest accepted file, in UTF-8 bytes. */
  maxBytes: number;
  /** Most XML elements accepted (DI shapes and extension elements count too). */
  maxElements: number;
  /** Deepest accepted element nesting. */
  maxDepth: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxElements: 20_000,
  maxDepth: 64,
};

function utf8Length(text: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Skips to just past `terminator`, or to the end when it never comes. */
const skipPast = (xml: string, from: number, terminator: string) => {
  const at = xml.indexOf(terminator, from);
  return at < 0 ? xml.length : at + terminator.length;
};

/** Skips an element's tag up to its closing `>`, honouring quoted attribute values. */
function endOfTag(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const char = xml[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return i;
  }
  return xml.length;
}

/**
 * Returns the diagnostics that stop compilation (empty when the text may be parsed). A light
 * scan of the markup, not a parser: it only counts start tags and tracks depth.
 */
export function checkInputLimits(xml: string, limits: InputLimits): Diagnostic[] {
  const bytes = xml.length > limits.maxBytes ? xml.length : utf8Length(xml, limits.maxBytes);
  if (bytes > limits.maxBytes) {
    return [
      {
        code: 'too-large',
        severity: 'error',
        limit: limits.maxBytes,
        message: `The file is larger than ${megabytes(limits.maxBytes)}, the most Casemap accepts; split the process into smaller diagrams linked by call activities.`,
      },
    ];
  }
  let elements = 0;
  let depth = 0;
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length) {
    if (xml.startsWith('<!--', i)) i = skipPast(xml, i + 4, '-->');
    else if (xml.startsWith('<![CDATA[', i)) i = skipPast(xml, i + 9, ']]>');
    else if (xml.startsWith('<!', i)) {
      return [
        {
          code: 'doctype-rejected',
          severity: 'error',
          message: 'The file declares a DOCTYPE or entities, which Casemap never reads for safety; export the diagram again without a DOCTYPE.',
        },
      ];
    } else if (xml.startsWith('<?', i)) i = skipPast(xml, i + 2, '?>');
    else if (xml.startsWith('</', i)) {
      depth--;
      i = endOfTag(xml, i + 2) + 1;
    } else {
      const end = endOfTag(xml, i + 1);
      elements++;
      if (xml[end - 1] !== '/') depth++;
      if (elements > limits.maxElements) {
        return [
          {
            code: 'too-many-elements',
            severity: 'error',
            limit: limits.maxElements,
            message: `The file has more than ${limits.maxElements} XML elements, the most Casemap accepts; split the process into smaller diagrams linked by call activities.`,
          },
        ];
      }
      if (depth > limits.maxDepth) {
        return [
          {
            code: 'too-deep',
            severity: 'error',
            limit: limits.maxDepth,
            message: `The file nests elements more than ${limits.maxDepth} levels deep, the most Casemap accepts; flatten deeply nested sub-processes or lanes.`,
          },
        ];
      }
      i = end + 1;
    }
    i = xml.indexOf('<', i);
  }
  return [];
}
