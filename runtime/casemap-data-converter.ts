// The one data converter every Casemap Temporal client and worker uses, so whatever one side
// claim-checks the other can read. One codec per database, so a process running both the API
// and a worker shares one cache.
import type { DataConverter } from '@temporalio/common';
import type { Database } from '../storage/database.ts';
import { loadPayloadBlob, storePayloadBlob } from '../storage/payload-blob-store.ts';
import { ClaimCheckCodec } from './claim-check-codec.ts';

const converters = new WeakMap<Database, DataConverter>();

export function casemapDataConverter(db: Database): DataConverter {
  let converter = converters.get(db);
  if (!converter) {
    const codec = new ClaimCheckCodec({ store: (sha256, blob) => storePayloadBlob(db, sha256, blob), load: (sha256) => loadPayloadBlob(db, sha256) });
    converter = { payloadCodecs: [codec] };
    converters.set(db, converter);
  }
  return converter;
}
