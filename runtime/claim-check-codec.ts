// Temporal's claim-check pattern: a payload over the threshold (a large process IR) is stored in
// the projection database by its SHA-256 and only that hash goes into the workflow history, which
// Temporal caps at 2 MB a payload. Client and worker both carry this codec (casemap-data-converter).
import { createHash } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { PayloadBlob } from '../storage/payload-blob-store.ts';
import { ByteBoundedCache } from './byte-bounded-cache.ts';

/** The metadata encoding that marks a reference; payloads without it pass through untouched. */
export const CLAIM_CHECK_ENCODING = 'binary/casemap-claim-check';

/** Well under Temporal's 2 MB limit and its 512 KB warning, so whole inputs stay small too. */
export const DEFAULT_CLAIM_CHECK_THRESHOLD = 128 * 1024;
const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

export interface PayloadBlobs {
  store(sha256: string, blob: PayloadBlob): Promise<void>;
  load(sha256: string): Promise<PayloadBlob | undefined>;
}

export type ClaimCheckErrorCode = 'payload-blob-missing' | 'payload-blob-corrupt' | 'claim-check-unreadable';

export class ClaimCheckError extends Error {
  constructor(
    readonly code: ClaimCheckErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClaimCheckError';
  }
}

interface Reference {
  sha256: string;
  size: number;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function toBlob(payload: Payload): PayloadBlob {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload.metadata ?? {})) if (value) metadata[key] = Buffer.from(value).toString('base64');
  return { metadata, data: payload.data ?? new Uint8Array() };
}

function fromBlob(blob: PayloadBlob): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(blob.metadata)) metadata[key] = new Uint8Array(Buffer.from(value, 'base64'));
  return { metadata, data: blob.data };
}

/** The hash covers metadata too, so the same bytes under another encoding are another blob. */
function hashOf(blob: PayloadBlob): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(blob.metadata).sort()) hash.update(`${key}\u0000${blob.metadata[key]}\n`);
  hash.update('\u0000\u0000');
  hash.update(blob.data);
  return hash.digest('hex');
}

function referenceOf(payload: Payload): Reference | undefined {
  const encoding = payload.metadata?.encoding;
  if (!encoding || fromUtf8.decode(encoding) !== CLAIM_CHECK_ENCODING) return undefined;
  try {
    const parsed = JSON.parse(fromUtf8.decode(payload.data ?? new Uint8Array())) as Partial<Reference>;
    if (typeof parsed.sha256 === 'string' && /^[0-9a-f]{64}$/.test(parsed.sha256) && typeof parsed.size === 'number') return { sha256: parsed.sha256, size: parsed.size };
  } catch {
    // Reported below with the reference's own text.
  }
  throw new ClaimCheckError('claim-check-unreadable', `A claim-check payload does not name a stored blob: ${fromUtf8.decode(payload.data ?? new Uint8Array()).slice(0, 200)}`);
}

export interface ClaimCheckOptions {
  /** Payloads of at least this many data bytes are stored outside the history. */
  thresholdBytes?: number;
  /** Memory kept for recently stored or loaded payloads, so a version's IR is read once. */
  cacheBytes?: number;
}

export class ClaimCheckCodec implements PayloadCodec {
  readonly thresholdBytes: number;
  private readonly cache: ByteBoundedCache<Payload>;

  constructor(
    private readonly blobs: PayloadBlobs,
    options: ClaimCheckOptions = {},
  ) {
    this.thresholdBytes = options.thresholdBytes ?? DEFAULT_CLAIM_CHECK_THRESHOLD;
    this.cache = new ByteBoundedCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
  }

  encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.encodeOne(payload)));
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.decodeOne(payload)));
  }

  private async encodeOne(payload: Payload): Promise<Payload> {
    const size = payload.data?.byteLength ?? 0;
    if (size < this.thresholdBytes) return payload;
    const blob = toBlob(payload);
    const sha256 = hashOf(blob);
    // A cached hash is already stored: every case of a version re-sends the same IR.
    if (!this.cache.get(sha256)) {
      await this.blobs.store(sha256, blob);
      this.cache.set(sha256, payload, size);
    }
    const reference: Reference = { sha256, size };
    return { metadata: { encoding: utf8.encode(CLAIM_CHECK_ENCODING) }, data: utf8.encode(JSON.stringify(reference)) };
  }

  private async decodeOne(payload: Payload): Promise<Payload> {
    const reference = referenceOf(payload);
    if (!reference) return payload;
    const cached = this.cache.get(reference.sha256);
    if (cached) return cached;
    const blob = await this.blobs.load(reference.sha256);
    if (!blob) throw new ClaimCheckError('payload-blob-missing', `The stored payload ${reference.sha256} (${reference.size} bytes) is not in the payload_blobs table of this database.`);
    if (hashOf(blob) !== reference.sha256) throw new ClaimCheckError('payload-blob-corrupt', `The stored payload ${reference.sha256} does not match its hash.`);
    const decoded = fromBlob(blob);
    this.cache.set(reference.sha256, decoded, blob.data.byteLength);
    return decoded;
  }
}
