// The IR's content hash: SHA-256 over a canonical JSON (sorted keys, no undefined) of the IR
// without its `hash`, so the same graph always gets the same version id wherever it is compiled.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ProcessIR } from '../process/ir.ts';

/** JSON with object keys sorted and undefined properties left out; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${entries.join(',')}}`;
}

export function contentHash(ir: Omit<ProcessIR, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...content } = ir;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(content))));
}
