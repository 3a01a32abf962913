import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { openPglite, type Database } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { countPayloadBlobs, loadPayloadBlob, storePayloadBlob } from '../storage/payload-blob-store.ts';
import { CLAIM_CHECK_ENCODING, ClaimCheckCodec, ClaimCheckError, type ClaimCheckOptions } from './claim-check-codec.ts';

const THRESHOLD = 1024;
const encodingOf = (payload: Payload) => new TextDecoder().decode(payload.metadata?.encoding ?? new Uint8Array());
const ir = (nodes: number) => ({ hash: `h${nodes}`, nodes: Array.from({ length: nodes }, (_, i) => ({ id: `Task_${i}`, documentation: 'Check the referral and record the ERS date.' })) });

describe('the claim-check codec', () => {
  let db: Database;
  const codecOn = (options: ClaimCheckOptions = {}) =>
    new ClaimCheckCodec({ store: (sha256, blob) => storePayloadBlob(db, sha256, blob), load: (sha256) => loadPayloadBlob(db, sha256) }, { thresholdBytes: THRESHOLD, ...options });

  // One in-memory database for the file (migrating takes seconds), emptied before each test.
  beforeAll(async () => {
    db = openPglite();
    await migrate(db);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await db.query('DELETE FROM payload_blobs');
  });

  it('replaces a large payload with a small reference and gives it back on decode', async () => {
    // given a payload well over the threshold
    const original = defaultPayloadConverter.toPayload(ir(200));
    expect(original.data!.byteLength).toBeGreaterThan(THRESHOLD * 5);

    // when one codec encodes it and another, with nothing cached, decodes it
    const [reference] = await codecOn().encode([original]);
    const [decoded] = await codecOn().decode([reference!]);

    // then the history would hold only the reference, and the payload comes back whole
    expect(encodingOf(reference!)).toBe(CLAIM_CHECK_ENCODING);
    expect(reference!.data!.byteLength).toBeLessThan(200);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(ir(200));
    expect(encodingOf(decoded!)).toBe('json/plain');
  });

  it('leaves payloads under the threshold in the history', async () => {
    // given one payload just under the threshold and one exactly at it
    const under: Payload = { metadata: { encoding: new TextEncoder().encode('binary/plain') }, data: new Uint8Array(THRESHOLD - 1) };
    const at: Payload = { metadata: { encoding: new TextEncoder().encode('binary/plain') }, data: new Uint8Array(THRESHOLD) };

    // when both are encoded
    const [keptUnder, checkedAt] = await codecOn().encode([under, at]);

    // then only the one at the threshold is stored
    expect(keptUnder).toBe(under);
    expect(encodingOf(checkedAt!)).toBe(CLAIM_CHECK_ENCODING);
    expect(await countPayloadBlobs(db)).toBe(1);
  });

  it('stores the same payload once, whoever encodes it', async () => {
    // given two codecs (an API and a worker) and one IR sent three times, and another IR
    const [api, worker] = [codecOn(), codecOn()];
    const same = defaultPayloadConverter.toPayload(ir(100));

    // when both encode it, one of them twice at once, and the other IR once
    const [first, second] = await api.encode([same, same]);
    const [third] = await worker.encode([defaultPayloadConverter.toPayload(ir(100))]);
    const [other] = await worker.encode([defaultPayloadConverter.toPayload(ir(101))]);

    // then the same content gets the same reference, and each content one row
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(other).not.toEqual(first);
    expect(await countPayloadBlobs(db)).toBe(2);
  });

  it('passes payloads it did not encode through decode unchanged', async () => {
    // given payloads recorded without the codec (old histories) and of other encodings
    const foreign = [defaultPayloadConverter.toPayload(ir(300)), defaultPayloadConverter.toPayload(null), { metadata: { encoding: new TextEncoder().encode('binary/encrypted') }, data: new Uint8Array([1, 2, 3]) }];

    // when decoded
    const decoded = await codecOn().decode(foreign);

    // then each is returned as it was, and nothing was read or stored
    decoded.forEach((payload, i) => expect(payload).toBe(foreign[i]));
    expect(await countPayloadBlobs(db)).toBe(0);
  });

  it('refuses a reference whose blob is not in the database, naming the hash', async () => {
    // given a reference whose blob has since gone from the database
    const [reference] = await codecOn().encode([defaultPayloadConverter.toPayload(ir(100))]);
    const { sha256 } = JSON.parse(new TextDecoder().decode(reference!.data!)) as { sha256: string };
    await db.query('DELETE FROM payload_blobs');

    // when a codec with nothing cached decodes it
    const failure = await codecOn()
      .decode([reference!])
      .catch((error: unknown) => error);

    // then it fails with a stable code
    expect(failure).toBeInstanceOf(ClaimCheckError);
    expect(failure).toMatchObject({ code: 'payload-blob-missing', message: expect.stringContaining(sha256) });
  });
});
