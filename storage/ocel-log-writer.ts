// Writes an OCEL 2.0 log as it is read (migrations 012, 021): every event's copies for its related objects (the flattenings), and the log's objects, their attributes and object-to-object relations, and its events with their own attributes; each table in batches.
import type { Sql } from './database.ts';
import { rowsPerWrite } from './imported-log-store.ts';
import { tableBatch, textArrayLiteral, type TableBatch } from './table-batch.ts';
import { isoInstantWriter } from '../domain/insights/iso-instant.ts';
import type { OcelRow } from '../domain/insights/formats/ocel-flattening.ts';
import type { OcelItem } from '../domain/insights/formats/ocel-items.ts';

const tables = {
  copies: ['imported_log_events', [['seq', 'integer'], ['case_id', 'text'], ['activity', 'text'], ['at', 'timestamptz'], ['object_type', 'text'], ['qualifiers', 'text[]']]],
  events: ['imported_log_ocel_events', [['seq', 'integer'], ['event_id', 'text'], ['activity', 'text'], ['at', 'timestamptz'], ['attributes', 'jsonb']]],
  objects: ['imported_log_objects', [['object_id', 'text'], ['object_type', 'text'], ['attributes', 'jsonb']]],
  relations: ['imported_log_object_relations', [['source_id', 'text'], ['target_id', 'text'], ['qualifier', 'text']]],
} as const;

type Table = keyof typeof tables;

/**
 * Gathers one batch per table; `add` hands back the batches that are full, to be written while the
 * reading goes on, and `rest` the last ones. Each batch is encoded row by row (see table-batch.ts).
 */
export class OcelLogWriter {
  private readonly batches: Record<Table, TableBatch>;
  private readonly limit: number;
  private readonly iso = isoInstantWriter();
  /** The event's position in the file, counted as OcelFlattening counts it (its copies' seq), unrelated events included. */
  private eventSeq = 0;

  constructor(
    private readonly tx: Sql,
    private readonly logId: string,
  ) {
    this.limit = rowsPerWrite(tx);
    this.batches = { copies: this.batch('copies'), events: this.batch('events'), objects: this.batch('objects'), relations: this.batch('relations') };
  }

  /** Adds an item and its flattened copies; the batches that are full, now taken out of the writer. */
  add(item: OcelItem, copies: readonly OcelRow[]): TableBatch[] {
    if (item.kind === 'object') {
      const attributes = item.attributes.length === 0 ? null : JSON.stringify(item.attributes.map((a) => [a.name, this.iso(a.at), a.value]));
      this.batches.objects.add([item.id, item.type, attributes]);
      for (const relation of item.relationships) this.batches.relations.add([item.id, relation.objectId, relation.qualifier]);
    } else {
      const attributes = item.attributes.length === 0 ? null : JSON.stringify(item.attributes.map((a) => [a.name, a.value]));
      const at = this.iso(item.at);
      for (const copy of copies) this.batches.copies.add([copy.seq, copy.caseId, copy.activity, at, copy.objectType, textArrayLiteral(copy.qualifiers)]);
      this.batches.events.add([this.eventSeq, item.id, item.activity, at, attributes]);
      this.eventSeq += 1;
    }
    return this.take((batch) => batch.size >= this.limit);
  }

  /** The batches not yet handed out, after the last item. */
  rest(): TableBatch[] {
    return this.take((batch) => batch.size > 0);
  }

  private take(which: (batch: TableBatch) => boolean): TableBatch[] {
    const taken: TableBatch[] = [];
    for (const table of Object.keys(this.batches) as Table[]) {
      if (!which(this.batches[table])) continue;
      taken.push(this.batches[table]);
      this.batches[table] = this.batch(table);
    }
    return taken;
  }

  private batch(table: Table): TableBatch {
    const [name, columns] = tables[table];
    return tableBatch(this.tx, name, this.logId, columns);
  }
}
