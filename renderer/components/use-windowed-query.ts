import type { Collection } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useRef, useState } from 'react';

export interface WindowedRows<Row> {
  /** Rows matching the query; undefined until first counted. */
  count: number | undefined;
  /** How far the loaded page reaches: lets a list draw its first rows before the count is in. */
  loadedEnd: number;
  /** The row at a position, if its page is loaded. */
  rowAt(index: number): Row | undefined;
  /** Tell the query which positions are on screen, so it loads just those pages. */
  setVisibleRange(start: number, end: number): void;
}

/**
 * A live, paged view of an indexed Dexie query: counts the matches and loads only the pages
 * around what is on screen, so a list of thousands never loads everything. Re-runs by itself
 * when the underlying rows change.
 */
export function useWindowedQuery<Row>(
  makeCollection: () => Collection<Row, unknown>,
  deps: readonly unknown[],
  pageSize = 100,
): WindowedRows<Row> {
  const [range, setRange] = useState({ start: 0, end: pageSize });
  const start = Math.max(0, Math.floor(range.start / pageSize) * pageSize - pageSize);
  const limit = Math.ceil(range.end / pageSize) * pageSize + pageSize - start;

  const count = useLiveQuery(() => makeCollection().count(), [...deps]);
  const page = useLiveQuery(
    async () => ({ start, rows: await makeCollection().offset(start).limit(limit).toArray(), deps }),
    [...deps, start, limit],
  );
  // Keep showing the last page while the next loads, unless the query itself changed.
  const shown = useRef(page);
  if (page) shown.current = page;
  const current = shown.current && sameDeps(shown.current.deps, deps) ? shown.current : undefined;

  const setVisibleRange = useCallback((visibleStart: number, visibleEnd: number) => {
    setRange((previous) =>
      previous.start === visibleStart && previous.end === visibleEnd
        ? previous
        : { start: visibleStart, end: visibleEnd },
    );
  }, []);

  return {
    count,
    loadedEnd: current ? current.start + current.rows.length : 0,
    rowAt: (index) => (current && index >= current.start ? current.rows[index - current.start] : undefined),
    setVisibleRange,
  };
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
