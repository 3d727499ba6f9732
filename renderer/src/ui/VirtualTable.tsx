import { Empty } from 'antd';
import { type ReactNode, memo, useLayoutEffect, useRef, useState } from 'react';

export interface VColumn<T> {
  key: string;
  title: string;
  width?: number;
  align?: 'right';
  /** Sortable by its header button (the caller sorts: `onSort`). */
  sortable?: boolean;
  render: (row: T) => ReactNode;
}

export interface VSort {
  key: string;
  order: 'ascend' | 'descend';
}

const ROW_HEIGHT = 40;
/** Rows drawn above and below the visible ones, so that a fast scroll (and Tab) does not meet blanks. */
const OVERSCAN = 8;

/**
 * A plain <table> that draws only the rows in view (of 10,000), as the overview's AgencyTable: a
 * sort, a filter or a search hands it another array of the same row objects, and the rows in view
 * that are the same as before are not drawn again (memo). Real table roles, so a screen reader
 * reads it as a table; every row has `data-testid={rowTestId(row)}`.
 */
export function VirtualTable<T>(props: {
  rows: readonly T[];
  columns: VColumn<T>[];
  height: number;
  rowKey: (row: T) => string;
  rowTestId: (row: T) => string;
  label: string;
  testId: string;
  sort: VSort | null;
  onSort: (s: VSort | null) => void;
  selected?: string | null;
}) {
  const { rows, columns, height, sort, onSort } = props;
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setTop(0);
  }, [rows]);
  const body = Math.max(0, height - ROW_HEIGHT);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + body) / ROW_HEIGHT) + OVERSCAN);
  const shown = rows.slice(first, last);
  const next = (key: string): VSort | null => (sort?.key !== key ? { key, order: 'ascend' } : sort.order === 'ascend' ? { key, order: 'descend' } : null);
  return (
    <div ref={box} className="agency-table" data-testid={props.testId} tabIndex={0} role="region" aria-label={props.label} style={{ height: Math.max(height, ROW_HEIGHT * 3) }} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      {/* The scroll box takes focus (arrow keys scroll it) even when no row holds a control. */}
      <table aria-rowcount={rows.length + 1} aria-label={props.label}>
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
                <th key={c.key} scope="col" className={c.align === 'right' ? 'num' : undefined} aria-sort={c.sortable ? (order === 'ascend' ? 'ascending' : order === 'descend' ? 'descending' : 'none') : undefined}>
                  {c.sortable ? (
                    <button type="button" className="sort" data-testid={`${props.testId}-sort-${c.key}`} onClick={() => onSort(next(c.key))}>
                      {c.title}
                      <span aria-hidden="true" className={`sort-mark${order ? ' on' : ''}`}>{order === 'descend' ? '▼' : '▲'}</span>
                    </button>
                  ) : (
                    c.title
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
          {shown.map((r, k) => {
            const key = props.rowKey(r);
            return <Row key={key} row={r} index={first + k} columns={columns} testId={props.rowTestId(r)} selected={props.selected === key} />;
          })}
          {last < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_HEIGHT }} />}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const Row = memo(function Row<T>({ row, index, columns, testId, selected }: { row: T; index: number; columns: VColumn<T>[]; testId: string; selected: boolean }) {
  return (
    <tr data-testid={testId} aria-rowindex={index + 2} aria-selected={selected} className={selected ? 'selected' : undefined} style={{ height: ROW_HEIGHT }}>
      {columns.map((c) => (
        <td key={c.key} className={c.align === 'right' ? 'num' : undefined}>
          {c.render(row)}
        </td>
      ))}
    </tr>
  );
}) as <T>(p: { row: T; index: number; columns: VColumn<T>[]; testId: string; selected: boolean }) => ReactNode;
