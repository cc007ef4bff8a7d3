import { type TableName, isSingleton, isTableName } from '../../shared/records';
import type { FieldbookDb } from '../data/db';
import type { Repository } from '../data/repository';

const PREFIX = 'fieldbook.unsaved.';

/** Which stored row a form's edits belong to. */
export interface EditTarget {
  table: TableName;
  id: string;
  projectId: string;
}

interface UnsavedEdit extends EditTarget {
  patch: Record<string, unknown>;
}

/**
 * Edits typed into a form that IndexedDB has not confirmed yet, one localStorage entry per row.
 * localStorage writes synchronously, so what was typed a moment before a reload or a crash is
 * still here when the page comes back, even though the page went away before its Dexie
 * transaction could finish (a write reads before it puts, and an unloading page runs no more
 * script). The entry is removed once the write is stored.
 */
export function recordUnsaved(target: EditTarget, patch: Record<string, unknown>): void {
  const key = keyOf(target);
  try {
    if (Object.keys(patch).length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ ...target, patch } satisfies UnsavedEdit));
  } catch {
    // Storage full or blocked: the IndexedDB write still goes ahead as before.
  }
}

/** What a form for this row had not stored yet, if anything. */
export function readUnsaved(target: EditTarget): Record<string, unknown> | null {
  const edit = parse(localStorage.getItem(keyOf(target)));
  return edit && Object.keys(edit.patch).length > 0 ? edit.patch : null;
}

/**
 * At start: stores what the last session had typed but not stored. An edit the repository refuses
 * (a value that was invalid when typed) stays, and the row's form shows it with its error when
 * opened; an edit of a row that was deleted meanwhile is dropped.
 */
export async function storeUnsavedEdits(db: FieldbookDb, repo: Repository): Promise<void> {
  const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter(
    (key): key is string => key?.startsWith(PREFIX) ?? false,
  );
  for (const key of keys) {
    const raw = localStorage.getItem(key);
    const edit = parse(raw);
    if (!edit) {
      localStorage.removeItem(key);
      continue;
    }
    try {
      const row = await db.table(edit.table).get(edit.id);
      if (row?.deleted) localStorage.removeItem(key);
      else if (row) await repo.update(edit.table, edit.id, edit.patch as never, row as never);
      else if (isSingleton(edit.table) && edit.id === edit.projectId && edit.table !== 'projects')
        await repo.saveSingleton(edit.table, edit.projectId, edit.patch as never);
      else continue; // a keyed row not created yet: its form creates it when opened
      // Another tab may have typed more meanwhile: only what was just stored is done.
      if (localStorage.getItem(key) === raw) localStorage.removeItem(key);
    } catch {
      // Refused or not writable now: kept for the form, which shows why.
    }
  }
}

function keyOf(target: EditTarget): string {
  return `${PREFIX}${target.table}:${target.id}`;
}

function parse(raw: string | null): UnsavedEdit | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<UnsavedEdit>;
    if (
      typeof value.table !== 'string' ||
      !isTableName(value.table) ||
      typeof value.id !== 'string' ||
      typeof value.projectId !== 'string'
    )
      return null;
    if (typeof value.patch !== 'object' || value.patch === null) return null;
    return value as UnsavedEdit;
  } catch {
    return null;
  }
}
