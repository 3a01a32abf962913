// Large Temporal payloads by content hash (migration 007): written once, read by any worker.
import type { Database } from './database.ts';

/** A payload as stored: its metadata (values base64) and its bytes. */
export interface PayloadBlob {
  metadata: Record<string, string>;
  data: Uint8Array;
}

/** Stores the blob under its hash unless it is already there: concurrent writers of one hash agree. */
export async function storePayloadBlob(db: Database, sha256: string, blob: PayloadBlob): Promise<void> {
  await db.query(
    `INSERT INTO payload_blobs (sha256, metadata, data, size_bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`,
    [sha256, JSON.stringify(blob.metadata), blob.data, blob.data.byteLength],
  );
}

export async function loadPayloadBlob(db: Database, sha256: string): Promise<PayloadBlob | undefined> {
  const rows = await db.query<{ metadata: Record<string, string>; data: Uint8Array }>('SELECT metadata, data FROM payload_blobs WHERE sha256 = $1', [sha256]);
  const row = rows[0];
  if (!row) return undefined;
  // pg hands bytea back as a Buffer, PGlite as a Uint8Array: both are Uint8Arrays.
  return { metadata: row.metadata, data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) };
}

/** How many blobs are stored (tests check that one IR is stored once). */
export async function countPayloadBlobs(db: Database): Promise<number> {
  const rows = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM payload_blobs');
  return rows[0]?.count ?? 0;
}
