/**
 * What was typed into a new record's form, kept in localStorage until the record is created or
 * the engineer discards it, so a reload or a closed window loses nothing. A closed drawer does
 * not keep it: closing asks first (放弃未保存的内容？), and the next new record starts empty.
 */
export function readDraft(key: string | undefined): Record<string, unknown> {
  if (!key) return {};
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(key)) ?? '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function writeDraft(key: string | undefined, values: Record<string, unknown>) {
  if (!key) return;
  try {
    localStorage.setItem(storageKey(key), JSON.stringify(values));
  } catch {
    // Storage full: the form still holds the values.
  }
}

export function clearDraft(key: string | undefined) {
  if (key) localStorage.removeItem(storageKey(key));
}

/** Whether a form's values differ from where it started (empty values all count as empty). */
export function differsFrom(
  values: Record<string, unknown>,
  start: Record<string, unknown>,
  names: readonly string[],
): boolean {
  return names.some((name) => normalise(values[name]) !== normalise(start[name]));
}

function normalise(value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  return JSON.stringify(value);
}

function storageKey(key: string): string {
  return `fieldbook.draft.${key}`;
}
