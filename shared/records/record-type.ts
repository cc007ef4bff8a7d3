import type { z } from 'zod';
import type { Label } from './fields';

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * One record type: its schema drives validation at the repository, the generic form, the
 * history view, sync and export. Adding a record type means a schema file, an entry in
 * records/index.ts and its table in the Dexie schema.
 */
export interface RecordType<Fields extends z.ZodObject = z.ZodObject> {
  table: string;
  label: Label;
  fields: Fields;
  /** Rules across fields, checked on the whole row after every write. */
  rules?: (row: z.infer<Fields>) => FieldIssue[];
  /**
   * Rules about how a row may change (a workflow that cannot skip a state, a locked record),
   * checked on local edits. Writes merged from other devices were accepted there already.
   */
  transition?: (before: z.infer<Fields>, after: z.infer<Fields>) => FieldIssue[];
  /**
   * One row per project whose id is the project's id (an SLA, a charter). Its first write
   * records only the fields it sets, so two devices starting it offline merge field by field
   * instead of one device's defaults overwriting the other's values.
   */
  singleton?: boolean;
  /**
   * Rows whose id is derived from their content (an inspection result: inspection + item), so
   * devices writing "the same" row offline write one row. Like a singleton, a first write
   * records only the fields it sets.
   */
  keyed?: boolean;
  /** Rows that may not change while their parent row is locked (results of a signed inspection). */
  lockedBy?: {
    table: string;
    /** The field holding the parent's id. */
    field: string;
    isLocked(parent: Record<string, unknown>): boolean;
    message: string;
  };
  /** A short human name of a row, for lists, history and messages. */
  title: (row: z.infer<Fields>) => string;
}

export function defineRecordType<Fields extends z.ZodObject>(type: RecordType<Fields>): RecordType<Fields> {
  return type;
}

/** What every stored row carries besides its own fields. */
export interface RowMeta {
  id: string;
  /** The project this row belongs to; a project's own id. Never changes. */
  projectId: string;
  /** Tombstone: rows are never removed, so a delete syncs like any other write. */
  deleted: boolean;
  /** hlc of the last write of each field, so merges stay field by field. */
  fieldHlc: Record<string, string>;
  /** The device's list-index key: projectId unless deleted (set by the database, not synced). */
  live?: string;
  /** The device's natural-order index keys of some text columns (set by the database, not synced). */
  sortKey?: Record<string, string>;
}
