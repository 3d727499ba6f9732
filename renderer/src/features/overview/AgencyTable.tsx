import { Empty } from 'antd';
import { type ReactNode, memo, useLayoutEffect, useRef, useState } from 'react';
import type { WorkspaceSummary } from '../../../../shared/ipc/index.ts';
import type { SortKey, SortState } from './sort.ts';

type Row = WorkspaceSummary['agencies'][number];

export interface Column {
  key: SortKey;
  title: string;
  width?: number;
  align?: 'right';
  render: (a: Row) => ReactNode;
}

/** Rows of one height, so the list never measures. */
export const ROW_HEIGHT = 40;
/** Rows drawn above and below the visible ones, so that a fast scroll does not show blanks. */
const OVERSCAN = 8;

/**
 * The overview's table: a plain <table> that draws only the rows in view (of 10,000). A tab, a
 * sort or a search hands it another array of the same row objects: the rows in view that are the
 * same agency as before are not drawn again (memo), nothing is done per row out of view. Antd's
 * virtual Table did work for every row on each change (100–400 ms at 10,000 in bench/ui.ts).
 */
export function AgencyTable({ rows, columns, height, sort, onSort }: { rows: readonly Row[]; columns: Column[]; height: number; sort: SortState | null; onSort: (s: SortState | null) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  // Another list (tab, search, sort) starts at its first row.
  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setTop(0);
  }, [rows]);
  const body = Math.max(0, height - ROW_HEIGHT);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + body) / ROW_HEIGHT) + OVERSCAN);
  const shown = rows.slice(first, last);
  // Ascending, then descending, then the summary's own order: as the table's users expect.
  const next = (key: SortKey): SortState | null => (sort?.key !== key ? { key, order: 'ascend' } : sort.order === 'ascend' ? { key, order: 'descend' } : null);
  return (
    <div ref={box} className="agency-table" style={{ height: Math.max(height, ROW_HEIGHT * 3) }} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <table aria-rowcount={rows.length + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => {
              const order = sort?.key === c.key ? sort.order : null;
              return (
                <th key={c.key} scope="col" className={c.align === 'right' ? 'num' : undefined} aria-sort={order === 'ascend' ? 'ascending' : order === 'descend' ? 'descending' : 'none'}>
                  <button type="button" className="sort" data-testid={`sort-${c.key}`} onClick={() => onSort(next(c.key))}>
                    {c.title}
                    <span aria-hidden="true" className={`sort-mark${order ? ' on' : ''}`}>{order === 'descend' ? '▼' : '▲'}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
          {shown.map((a, k) => (
            <AgencyRow key={a.code} a={a} index={first + k} columns={columns} />
          ))}
          {last < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_HEIGHT }} />}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {/* antd's empty state, in the window's language (its locale). */}
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** One agency's row: drawn again only when its agency, place or the columns (language) change. */
const AgencyRow = memo(function AgencyRow({ a, index, columns }: { a: Row; index: number; columns: Column[] }) {
  return (
    <tr data-testid={`agency-row-${a.code}`} aria-rowindex={index + 2} style={{ height: ROW_HEIGHT }}>
      {columns.map((c) => (
        <td key={c.key} className={c.align === 'right' ? 'num' : undefined}>
          {c.render(a)}
        </td>
      ))}
    </tr>
  );
});
