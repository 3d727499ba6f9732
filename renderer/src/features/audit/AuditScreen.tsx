import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useId, useRef, useState } from 'react';
import type { AuditFilterInput, AuditRow } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText, unwrap } from '../../app/query.ts';
import { DayField } from '../../ui/DayField.tsx';
import { useElementHeight } from '../../ui/useElementHeight.ts';
import { handOver } from '../awards/api.ts';

export const auditQuery = (f: AuditFilterInput) => ({ queryKey: ['audit', f] as const, queryFn: () => unwrap(api.auditList(f)), placeholderData: keepPreviousData });

/** The table fills the space left under the filters (a virtual table needs its height as a number). */
function AuditTable({ rows, columns }: { rows: AuditRow[]; columns: ColumnsType<AuditRow> }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const height = useElementHeight(box, 300);
  return (
    <div ref={box} className="fill-rest audit-table">
      <Table<AuditRow>
        virtual
        size="small"
        rowKey="line"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1330, y: Math.max(240, height - 50) }}
        locale={{ emptyText: t('auditui.empty') }}
        onRow={(r) => ({ 'data-testid': `audit-row-${r.line}` }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}

/** Drops empty filters (the contract takes absent, not ''). */
function clean(f: AuditFilterInput): AuditFilterInput {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as AuditFilterInput;
}

/**
 * The audit log (nhật ký thay đổi): every change of a score, status, received date, key or council
 * decision in words — what, from → to, who, when — filterable by agency, item, person, round and
 * days, in a virtual table; the filtered rows exported as CSV.
 */
export default function AuditScreen() {
  const { t } = useT();
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<AuditFilterInput>({});
  const query = useQuery(auditQuery(clean(filter)));
  const exportCsv = useMutation({ mutationFn: async () => handOver(await unwrap(api.auditExport(clean(filter)))) });
  const ids = { agency: useId(), item: useId(), person: useId(), round: useId() };
  const set = (patch: Partial<AuditFilterInput>) => setFilter((f) => ({ ...f, ...patch }));

  const heading = <h1 className="agency-title">{t('auditui.title')}</h1>;
  if (query.isError) return <main>{heading}<Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} /></main>;
  const view = query.data;
  if (!view) return <main aria-busy="true">{heading}{t('app.loading')}</main>;
  const columns: ColumnsType<AuditRow> = [
    { key: 'when', title: t('auditui.col.when'), dataIndex: 'when', width: 140 },
    { key: 'who', title: t('auditui.col.who'), dataIndex: 'who', width: 170 },
    { key: 'agency', title: t('auditui.col.agency'), width: 200, render: (_, r) => <>{r.agencyName || r.agency} <span className="muted">({r.agency})</span></> },
    { key: 'what', title: t('auditui.col.what'), dataIndex: 'what', width: 230 },
    { key: 'change', title: t('auditui.col.change'), width: 230, render: (_, r) => `${r.from} → ${r.to}` },
    { key: 'round', title: t('auditui.col.round'), dataIndex: 'round', width: 60, render: (v: number | null) => v ?? '—' },
    { key: 'reason', title: t('auditui.col.reason'), dataIndex: 'reason', width: 300, ellipsis: true },
  ];
  return (
    <main data-testid="audit-screen" className="fill audit-screen">
      <div className="screen-head">
        {heading}
        <Button
          data-testid="audit-export"
          loading={exportCsv.isPending}
          disabled={view.rows.length === 0}
          onClick={() => exportCsv.mutate(undefined, { onSuccess: (r) => void (r.savedTo || r.base64 ? message.success(t('auditui.exported', { file: r.savedTo ?? r.fileName, n: view.rows.length })) : message.info(t('auditui.export_cancelled'))) })}
        >
          {t('auditui.export')}
        </Button>
      </div>
      {exportCsv.isError && <Alert type="error" showIcon title={errorText(exportCsv.error, t)} />}
      {view.problems.length > 0 && <Alert type="warning" showIcon title={t('auditui.problems')} description={<ul>{view.problems.map((p) => <li key={p}>{p}</li>)}</ul>} />}
      <Form layout="vertical" className="audit-filters">
        <Space wrap align="end">
          <Form.Item label={t('auditui.filter.agency')} htmlFor={ids.agency}>
            <Select
              id={ids.agency}
              data-testid="audit-filter-agency"
              style={{ width: 260 }}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filter.agency}
              onChange={(v?: string) => set({ agency: v })}
              placeholder={t('auditui.filter.any')}
              options={view.agencies.map((a) => ({ value: a.code, label: a.name ? `${a.code} — ${a.name}` : a.code }))}
            />
          </Form.Item>
          <Form.Item label={t('auditui.filter.item')} htmlFor={ids.item}>
            <Input id={ids.item} data-testid="audit-filter-item" style={{ width: 120 }} allowClear value={filter.item ?? ''} onChange={(e) => set({ item: e.target.value })} maxLength={40} />
          </Form.Item>
          <Form.Item label={t('auditui.filter.person')} htmlFor={ids.person}>
            <Select id={ids.person} data-testid="audit-filter-person" style={{ width: 220 }} allowClear value={filter.person} onChange={(v?: string) => set({ person: v })} placeholder={t('auditui.filter.any')} options={view.people.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
          <Form.Item label={t('auditui.filter.round')} htmlFor={ids.round}>
            <Select
              id={ids.round}
              data-testid="audit-filter-round"
              style={{ width: 120 }}
              allowClear
              value={filter.round}
              onChange={(v?: 1 | 2) => set({ round: v })}
              placeholder={t('auditui.filter.any')}
              options={[1, 2].map((n) => ({ value: n, label: t('auditui.round_n', { n }) }))}
            />
          </Form.Item>
          <DayField label={t('auditui.filter.from')} testId="audit-filter-from" value={filter.from ?? ''} onChange={(v) => set({ from: v })} />
          <DayField label={t('auditui.filter.to')} testId="audit-filter-to" value={filter.to ?? ''} onChange={(v) => set({ to: v })} />
        </Space>
      </Form>
      <p data-testid="audit-count" aria-live="polite">{t('auditui.count', { n: view.rows.length, total: view.total })}</p>
      <AuditTable rows={view.rows} columns={columns} />
    </main>
  );
}
