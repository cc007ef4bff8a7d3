/**
 * One paste, several answers: the values recognised in pasted command output, matched to the
 * items of a checklist by their `parser` key.
 */
import type { ChecklistItem } from '../records/checklist';
import { cleanPaste, promptCommand } from './paste';
import type { ParsedValues } from './parser-types';
import { deriveValues } from './parsers-database';
import { type ParseOptions, type Recognised, recogniseAll, targetedOnlyKeys } from './parsers';

export interface ItemFill {
  itemId: string;
  /** The value key that answered it. */
  key: string;
  value: string | number;
  /** An explanation for the remark (which mount point, how it was computed …). */
  note?: string;
  /** The parser that read it ('' when the pasted line itself was taken as the value). */
  parser: string;
}

export interface FillResult {
  fills: ItemFill[];
  /** What was recognised in the paste, one entry per command. */
  recognised: Recognised[];
}

export interface FillOptions extends ParseOptions {
  /** The item the paste was made into: it also takes values that name no object, or the pasted line itself. */
  targetItemId?: string;
}

type FillableItem = Pick<ChecklistItem, 'id' | 'parser' | 'kind'>;

/**
 * Fills every item whose `parser` key was found in the paste. When several commands were
 * pasted, a later one wins for the same key. With `targetItemId`, that item also takes a
 * key that names no object (one bare "active" from systemctl is-active, a row count), and —
 * when nothing was recognised for it — a one-line paste as it stands (`echo $TMOUT` → "600").
 */
export function fillFromText(items: readonly FillableItem[], text: string, options: FillOptions = {}): FillResult {
  const recognised = recogniseAll(text, options);
  const values = new Map<string, { value: string | number; note?: string; parser: string }>();
  const merged: ParsedValues = {};
  const add = (source: ParsedValues, parser: string) => {
    for (const [key, value] of Object.entries(source)) {
      if (key.startsWith('note:')) continue;
      const explanation = source[`note:${key}`];
      values.set(key, {
        value,
        parser,
        ...(explanation !== undefined && explanation !== '' ? { note: String(explanation) } : {}),
      });
    }
  };
  for (const result of recognised) {
    add(result.values, result.parser);
    Object.assign(merged, result.values);
  }
  // Values that combine several commands of one paste (each recognised on its own).
  if (recognised.length > 1) {
    const derived: ParsedValues = { ...merged };
    deriveValues(derived);
    add(Object.fromEntries(Object.entries(derived).filter(([key, value]) => merged[key] !== value)), 'sql-result');
  }
  const fills: ItemFill[] = [];
  for (const item of items) {
    const key = item.parser.trim();
    const isTarget = item.id === options.targetItemId;
    if (item.kind === 'photo') continue;
    let found = key ? values.get(key) : undefined;
    if (found && targetedOnlyKeys.has(key) && !isTarget) found = undefined;
    // "service.active:auditd" pasted as a bare "active" (no command echoed): only into the target.
    if (!found && isTarget && key.includes(':')) {
      const bare = values.get(key.slice(0, key.indexOf(':')));
      if (bare && targetedOnlyKeys.has(key.slice(0, key.indexOf(':')))) found = bare;
    }
    if (found) {
      fills.push({
        itemId: item.id,
        key,
        value: found.value,
        parser: found.parser,
        ...(found.note ? { note: found.note } : {}),
      });
      continue;
    }
    if (isTarget) {
      const lines = cleanPaste(text).lines.filter((line) => line.trim() !== '' && promptCommand(line) === null);
      if (lines.length === 1 && lines[0]!.trim().length <= 200)
        fills.push({ itemId: item.id, key: '', value: lines[0]!.trim(), parser: '' });
    }
  }
  return { fills, recognised };
}
