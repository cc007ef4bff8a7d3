import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Skeleton } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WindowedRows } from './use-windowed-query';
import './virtual-table.css';

export interface VirtualColumn<Row> {
  key: string;
  title: ReactNode;
  /** Pixels, or a flex weight when given as `{ flex }`. */
  width: number | { flex: number };
  render(row: Row): ReactNode;
  sortable?: boolean;
}

export interface SortState {
  key: string;
  descending: boolean;
}

interface VirtualTableProps<Row> {
  columns: VirtualColumn<Row>[];
  data: WindowedRows<Row>;
  rowKey(row: Row): string;
  sort?: SortState;
  onSortChange?(sort: SortState): void;
  onRowClick?(row: Row): void;
  height?: number | string;
  rowHeight?: number;
  testId?: string;
}

/** A virtualised table: only the rows on screen are in the DOM, only their pages are loaded. */
export function VirtualTable<Row>({
  columns,
  data,
  rowKey,
  sort,
  onSortChange,
  onRowClick,
  height = 'calc(100vh - 220px)',
  rowHeight = 40,
  testId,
}: VirtualTableProps<Row>) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Draw the first page as soon as it is loaded; the count (a longer walk when filtered) may follow.
  const count = data.count ?? data.loadedEnd;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { setVisibleRange } = data;
  useEffect(() => setVisibleRange(first, last + 1), [first, last, setVisibleRange]);

  const cellStyle = (column: VirtualColumn<Row>) =>
    typeof column.width === 'number'
      ? { width: column.width, flex: 'none' }
      : { flex: column.width.flex, minWidth: 80 };

  return (
    <div className="vt" data-testid={testId} role="table" aria-rowcount={count}>
      <div className="vt-header" role="row">
        {columns.map((column) => {
          const active = sort?.key === column.key;
          return (
            <div
              key={column.key}
              role="columnheader"
              className={`vt-cell vt-head-cell${column.sortable ? ' vt-sortable' : ''}`}
              style={cellStyle(column)}
              aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
              onClick={() =>
                column.sortable && onSortChange?.({ key: column.key, descending: active ? !sort.descending : false })
              }
            >
              {column.title}
              {active && (sort.descending ? <CaretDownOutlined /> : <CaretUpOutlined />)}
            </div>
          );
        })}
      </div>
      <div ref={scrollRef} className="vt-body" style={{ height }}>
        {data.count === 0 && <Empty className="vt-empty" description={t('common.empty')} />}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = data.rowAt(item.index);
            return (
              <div
                key={row ? rowKey(row) : `loading-${item.index}`}
                role="row"
                className={`vt-row${onRowClick ? ' vt-clickable' : ''}`}
                style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
                onClick={() => row && onRowClick?.(row)}
              >
                {row ? (
                  columns.map((column) => (
                    <div key={column.key} role="cell" className="vt-cell" style={cellStyle(column)}>
                      {column.render(row)}
                    </div>
                  ))
                ) : (
                  <Skeleton.Input active size="small" block />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
