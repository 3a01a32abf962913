// Every way express can fail to read a request maps to a precise 4xx, never the 500 path.
import { describe, expect, it } from 'vitest';
import { fromRequestDecoding, fromUnstorableValue } from './request-decoding-problem.ts';

const httpError = (status: number, props: Record<string, unknown>, message = 'x') => Object.assign(new Error(message), { status, expose: true, ...props });

describe('fromRequestDecoding', () => {
  it.each([
    ['a body over the limit', httpError(413, { type: 'entity.too.large', limit: 100 }), 413, 'payload-too-large', 'body'],
    ['JSON that does not parse', httpError(400, { type: 'entity.parse.failed' }), 400, 'invalid-request', 'body'],
    ['an unsupported charset', httpError(415, { type: 'charset.unsupported', charset: 'foo' }), 415, 'unsupported-media-type', 'header.content-type'],
    ['an unsupported content encoding', httpError(415, { type: 'encoding.unsupported', encoding: 'compress' }), 415, 'unsupported-media-type', 'header.content-encoding'],
    ['a body cut short', httpError(400, { type: 'request.aborted' }), 400, 'invalid-request', 'body'],
    ['a wrong Content-Length', httpError(400, { type: 'request.size.invalid' }), 400, 'invalid-request', 'header.content-length'],
    ['gzip that does not inflate', httpError(400, { code: 'Z_DATA_ERROR' }), 400, 'invalid-request', 'header.content-encoding'],
    ['br that does not decompress', httpError(400, { code: 'ERR__ERROR_FORMAT_PADDING_1' }), 400, 'invalid-request', 'header.content-encoding'],
    ['a path that does not percent-decode', Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 }), 400, 'invalid-request', 'params'],
  ])('answers %s with its own 4xx naming what is wrong', (_what, error, status, code, field) => {
    const problem = fromRequestDecoding(error);
    expect(problem).toMatchObject({ status, code });
    expect(problem!.issues.map((issue) => issue.field)).toEqual([field]);
  });

  it('keeps the 4xx meaning of any other client error express exposes', () => {
    expect(fromRequestDecoding(httpError(400, {}, 'Bad thing'))).toMatchObject({ status: 400, code: 'invalid-request', detail: 'Bad thing' });
  });

  it('leaves server errors and plain errors to the 500 path', () => {
    expect(fromRequestDecoding(httpError(500, { type: 'stream.not.readable', expose: false }))).toBeUndefined();
    expect(fromRequestDecoding(new Error('boom'))).toBeUndefined();
    expect(fromRequestDecoding('boom')).toBeUndefined();
  });
});

describe('fromUnstorableValue', () => {
  it('answers a NUL byte or a year-0000 date PostgreSQL refused with 400', () => {
    expect(fromUnstorableValue(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }))).toMatchObject({ status: 400 });
    expect(fromUnstorableValue(Object.assign(new Error('date/time field value out of range'), { code: '22008' }))).toMatchObject({ status: 400 });
    expect(fromUnstorableValue(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeUndefined();
  });
});
