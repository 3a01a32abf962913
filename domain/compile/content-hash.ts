// The IR's content hash: SHA-256 over a canonical JSON (sorted keys, no undefined) of the IR
// without its `hash`, so the same graph always gets the same version id wherever it is compiled.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ProcessIR } from '../process/ir.ts';

/**
 * JSON with object keys sorted and undefined properties left out; arrays keep their order.
 * Written as loops with string appends because it runs over every compiled IR (a 2,000-element
 * diagram is ~0.5 MB of JSON) and map/filter/join allocations dominated its cost.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}

export function contentHash(ir: Omit<ProcessIR, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...content } = ir;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));
}
