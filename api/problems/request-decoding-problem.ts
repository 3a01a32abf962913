// Requests that cannot be read at all (a body that does not decode, a path that does not
// percent-decode, text PostgreSQL cannot hold) are the client's fault: each maps to a precise 4xx
// naming what is wrong, never a 500.
import { Problem } from './problem.ts';

interface HttpLikeError {
  status?: unknown;
  expose?: unknown;
  type?: unknown;
  code?: unknown;
  message?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
}

const bodyIssue = (message: string) => [{ field: 'body', message }];

/**
 * Errors of express's body parsers (typed by `type`, see body-parser's read.js and raw-body),
 * of zlib while inflating a gzip/deflate/br body (body-parser passes those on with status 400),
 * and of the router percent-decoding a path parameter. Anything else: undefined.
 */
export function fromRequestDecoding(error: unknown): Problem | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const e = error as HttpLikeError;
  const message = typeof e.message === 'string' ? e.message : '';
  switch (e.type) {
    case 'entity.too.large':
      return new Problem('payload-too-large', `The request body is larger than the ${String(e.limit)} bytes allowed.`, bodyIssue('too large'));
    case 'entity.parse.failed':
      return new Problem('invalid-request', `The request body is not valid JSON (an object or an array): ${message}`, bodyIssue('not valid JSON'));
    case 'charset.unsupported':
      return new Problem('unsupported-media-type', `The request body's charset "${String(e.charset)}" is not supported; send JSON as UTF-8 (Content-Type: application/json or application/json; charset=utf-8).`, [
        { field: 'header.content-type', message: 'unsupported charset' },
      ]);
    case 'encoding.unsupported':
      return new Problem('unsupported-media-type', `The request body's Content-Encoding "${String(e.encoding)}" is not supported; send it uncompressed, or as gzip, deflate or br.`, [
        { field: 'header.content-encoding', message: 'unsupported content encoding' },
      ]);
    case 'request.aborted':
      return new Problem('invalid-request', 'The request body ended before all of it arrived.', bodyIssue('incomplete'));
    case 'request.size.invalid':
      return new Problem('invalid-request', 'The request body is not as long as its Content-Length header says.', [{ field: 'header.content-length', message: 'does not match the body' }]);
    case 'parameters.too.many':
    case 'querystring.parse.rangeError':
      return new Problem('invalid-request', 'The request body has too many parameters.', bodyIssue('too many parameters'));
    case 'entity.verify.failed':
      return new Problem('invalid-request', `The request body was refused: ${message}`, bodyIssue('refused'));
  }
  // zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR) and brotli's (ERR__ERROR_FORMAT_…, ERR_BROTLI_…).
  if (typeof e.code === 'string' && /^(Z_|ERR__|ERR_BROTLI)/.test(e.code)) {
    return new Problem('invalid-request', `The request body does not decompress as its Content-Encoding says (${e.code}); send it uncompressed or correctly compressed.`, [
      { field: 'header.content-encoding', message: 'body does not decompress' },
    ]);
  }
  if (e instanceof URIError || /^Failed to decode param/.test(message)) {
    return new Problem('invalid-request', 'The request path is not valid percent-encoding (e.g. %E0%A4 cut short); encode each id with encodeURIComponent.', [{ field: 'params', message: 'bad percent-encoding' }]);
  }
  // Any other client error raised with http-errors' `expose` (safe to show) keeps its 4xx meaning.
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true) {
    if (e.status === 413) return new Problem('payload-too-large', message || 'The request is too large.');
    if (e.status === 415) return new Problem('unsupported-media-type', message || 'The request body is of a type this route does not take.');
    return new Problem('invalid-request', message || 'The request could not be read.');
  }
  return undefined;
}

// PostgreSQL's data exceptions for text and dates it cannot hold (NUL characters, year 0). The
// schemas refuse these first, naming the field; this is the net for a value that slips past them.
const UNSTORABLE_VALUE_CODES: Record<string, string> = {
  '22021': 'contains a character the database cannot store (such as a NUL byte)',
  '22P05': 'contains a character the database cannot store (such as a NUL byte)',
  '22008': 'holds a date or time out of range (e.g. year 0000)',
  '22007': 'holds a date or time that does not exist',
};

export function fromUnstorableValue(error: unknown): Problem | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code in UNSTORABLE_VALUE_CODES)) return undefined;
  return new Problem('invalid-request', `The request ${UNSTORABLE_VALUE_CODES[code]}.`);
}
