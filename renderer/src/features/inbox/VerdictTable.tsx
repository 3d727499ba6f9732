import { Button, Checkbox, Radio, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useMemo, useState } from 'react';
import type { InboxVerdictKind, InboxVerdictRow } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';

const KINDS: InboxVerdictKind[] = ['accepted', 'replaced', 'duplicate', 'rejected', 'cancelled'];
type Filter = 'all' | InboxVerdictKind;
type Row = InboxVerdictRow & { key: number };

/** The verdict's words: "Thay thế lần gửi 1" names the revision replaced. */
export function verdictText(t: (k: string, p?: Record<string, string | number>) => string, v: InboxVerdictRow): string {
  return v.verdict === 'replaced' ? t('inbox.verdict.replaced', { n: v.previousRevision ?? 0 }) : t(`inbox.verdict.${v.verdict}`);
}

/**
 * One row per file (a virtual table: thousands of files), filtered by verdict and by lateness; a
 * refused file's row opens to every reason; a changed key offers the explicit decision. Not drawn
 * again while the progress changes (memo: its props stay the same during an import).
 */
export const VerdictTable = memo(function VerdictTable({ rows, onAcceptKey, busy, height }: { rows: readonly InboxVerdictRow[]; onAcceptKey: (row: InboxVerdictRow, index: number) => void; busy: boolean; height: number }) {
  const { t } = useT();
  const [filter, setFilter] = useState<Filter>('all');
  const [lateOnly, setLateOnly] = useState(false);
  const [open, setOpen] = useState<readonly number[]>([]);
  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: rows.length, accepted: 0, replaced: 0, duplicate: 0, rejected: 0, cancelled: 0 };
    for (const r of rows) c[r.verdict]++;
    return c;
  }, [rows]);
  const shown = useMemo(() => {
    const out: Row[] = [];
    rows.forEach((r, key) => {
      if ((filter === 'all' || r.verdict === filter) && (!lateOnly || r.late)) out.push({ ...r, key });
    });
    return out;
  }, [rows, filter, lateOnly]);
  const toggle = (key: number) => setOpen((o) => (o.includes(key) ? o.filter((k) => k !== key) : [...o, key]));

  const columns: ColumnsType<Row> = [
    { key: 'file', title: t('inbox.col.file'), dataIndex: 'file', ellipsis: true, render: (f: string) => <span className="code">{f}</span> },
    { key: 'agency', title: t('inbox.col.agency'), width: 110, render: (_, r) => r.agency ?? '—' },
    { key: 'revision', title: t('inbox.col.revision'), width: 90, align: 'right', render: (_, r) => r.revision ?? '—' },
    {
      key: 'verdict',
      title: t('inbox.col.verdict'),
      width: 330,
      render: (_, r) => (
        <span className="inbox-verdict">
          <Tag className={`verdict verdict-${r.verdict}`} data-testid={`verdict-${r.file}`} data-verdict={r.verdict}>
            {verdictText(t, r)}
          </Tag>
          {r.reasons.length > 0 && (
            <Button size="small" type="link" aria-expanded={open.includes(r.key)} data-testid={`reasons-toggle-${r.file}`} onClick={() => toggle(r.key)}>
              {open.includes(r.key) ? t('inbox.reasons_hide') : t('inbox.reasons_show', { n: r.reasons.length })}
            </Button>
          )}
          {r.keyChange && (
            <Button size="small" danger disabled={busy} data-testid={`accept-key-${r.keyChange.agency}`} onClick={() => onAcceptKey(r, r.key)}>
              {t('inbox.accept_key')}
            </Button>
          )}
          {r.keyAccepted && <span className="muted small" data-testid={`key-accepted-${r.file}`}>{t('inbox.key_accepted')}</span>}
        </span>
      ),
    },
    {
      key: 'late',
      title: t('inbox.col.late'),
      width: 110,
      render: (_, r) => (r.verdict === 'accepted' || r.verdict === 'replaced' ? r.late ? <Tag className="verdict-late" data-testid={`late-${r.file}`}>{t('inbox.late')}</Tag> : t('inbox.on_time') : '—'),
    },
  ];

  return (
    <section className="inbox-verdicts" aria-label={t('inbox.col.verdict')}>
      <div className="toolbar">
        <Radio.Group
          aria-label={t('inbox.filter.label')}
          optionType="button"
          size="small"
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
          data-testid="inbox-filter"
          options={(['all', ...KINDS] as Filter[]).map((k) => ({ value: k, label: t(`inbox.filter.${k}`, { n: counts[k] }) }))}
        />
        <Checkbox checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)} data-testid="inbox-late-only">
          {t('inbox.filter.late')}
        </Checkbox>
      </div>
      <Table<Row>
        virtual
        size="small"
        pagination={false}
        rowKey="key"
        columns={columns}
        dataSource={shown}
        scroll={{ y: Math.max(160, height) }}
        onRow={(r) => ({ 'data-testid': `verdict-row-${r.file}` }) as React.HTMLAttributes<HTMLTableRowElement>}
        expandable={{
          showExpandColumn: false,
          expandedRowKeys: open,
          rowExpandable: (r) => r.reasons.length > 0,
          expandedRowRender: (r) => (
            <ul className="inbox-reasons" data-testid={`reasons-${r.file}`}>
              {r.reasons.map((m, k) => (
                <li key={k}>{m}</li>
              ))}
            </ul>
          ),
        }}
      />
    </section>
  );
});
