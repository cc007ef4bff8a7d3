import Dexie from 'dexie';
import type { RowOf } from '../../../shared/records';
import type { FieldbookDb } from '../../data/db';
import { naturalCompare } from '../../../shared/natural-compare';

type Asset = RowOf<'assets'>;
type Entry = RowOf<'patrolEntries'>;

/**
 * The patrol screens' reads, shaped so that none waits on tens of thousands of rows: one entry
 * row per asset per round holds all its readings, and every read is one index range.
 */

/** A round of a plan (today's grid): its assets, this round's entries and the round before (carry-forward). */
export async function roundView(
  db: FieldbookDb,
  plan: Pick<RowOf<'patrolPlans'>, 'id' | 'assetIds'>,
  round: string,
  lastRound: string,
) {
  const [assets, entries, previous] = await Promise.all([
    db.assets.bulkGet(plan.assetIds),
    db.patrolEntries.where('[planId+round]').equals([plan.id, round]).toArray(),
    db.patrolEntries.where('[planId+round]').equals([plan.id, lastRound]).toArray(),
  ]);
  return {
    assets: (assets.filter((a) => a && !a.deleted) as Asset[]).sort((a, b) => naturalCompare(a.name, b.name)),
    entries: new Map(entries.map((e) => [e.assetId, e])),
    previous: new Map(previous.map((e) => [e.assetId, e])),
  };
}

/**
 * Entries per day of a month (the completion calendar), counted by the [planId+date] index one
 * day at a time: IndexedDB counts a key range natively, so no row of the month (6,000 for 200
 * assets) is read or parsed. An entry exists once a reading of its asset was saved that round.
 */
export async function completionByDay(db: FieldbookDb, planId: string, month: string): Promise<Map<string, number>> {
  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const dates = Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const counts = await Promise.all(
    dates.map((date) => db.patrolEntries.where('[planId+date]').equals([planId, date]).count()),
  );
  return new Map(dates.map((date, i) => [date, counts[i]!] as const).filter(([, count]) => count > 0));
}

/** One asset's entries from a date on (the trend): a year of a daily plan is 365 rows. */
export function assetHistory(db: FieldbookDb, assetId: string, from: string): Promise<Entry[]> {
  return db.patrolEntries.where('[assetId+date]').between([assetId, from], [assetId, Dexie.maxKey]).toArray();
}
