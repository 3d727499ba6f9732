import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Table } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import type { AgencyListPreview } from '../../../../shared/ipc/index.ts';
import type { Agency } from '../../../../shared/schema/index.ts';
import { api } from '../../app/bridge.ts';
import { toPickedFile } from '../../app/files.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText, unwrap } from '../../app/query.ts';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { handOver } from './api.ts';
import { ProblemTable } from './ProblemTable.tsx';

/** The agencies a list holds, in a virtual table (a province has thousands of communes). */
export function AgencyPreview({ agencies, testId }: { agencies: Agency[]; testId: string }) {
  const { t } = useT();
  const rows = useMemo(() => agencies.map((a) => ({ ...a, key: a.code })), [agencies]);
  return (
    <Table
      size="small"
      virtual
      scroll={{ y: 300 }}
      pagination={false}
      dataSource={rows}
      rowKey="key"
      className="campaign-table"
      data-testid={testId}
      columns={[
        { key: 'code', dataIndex: 'code', title: t('campaignui.agencies.code'), width: 110 },
        { key: 'name', dataIndex: 'name', title: t('campaignui.agencies.name'), width: 420 },
        { key: 'group', dataIndex: 'group', title: t('campaignui.agencies.group'), width: 160, render: (g: string) => t(`campaignui.group.${g}`) },
        { key: 'parent', dataIndex: 'parent', title: t('campaignui.agencies.parent'), width: 110, render: (p: string | null) => p ?? '—' },
      ]}
    />
  );
}

/** How many of each group a list holds: "21 sở, ban, ngành; 8 huyện; 120 xã". */
export function groupCounts(agencies: readonly Agency[], t: (k: string, p?: Record<string, string | number>) => string): string {
  const n = (g: string) => agencies.filter((a) => a.group === g).length;
  return (['department', 'district', 'commune'] as const).filter((g) => n(g) > 0).map((g) => t(`campaignui.count.${g}`, { n: n(g) })).join('; ');
}

/**
 * Step 2: the agency list from Excel. The blank form to download, the filled file dropped or
 * picked, what it holds (or every row's problem with sheet, row and column); fixed and dropped
 * again, it is read again. Nothing is stored until the list is taken.
 */
export function AgenciesStep(props: {
  model: 'two-tier' | 'three-tier';
  preview: AgencyListPreview | null;
  onPreview: (p: AgencyListPreview, file: File) => void;
  /** The campaign exists: the list replaces its agencies (the service refuses what would break received submissions). */
  onTake?: () => void;
  takeBusy?: boolean;
  takeError?: string | null;
  current?: Agency[];
  /** The file the preview was read from (read again when the language changes). */
  file: File | null;
}) {
  const { t, lang } = useT();
  const form = useMutation({ mutationFn: () => unwrap(api.campaignAgenciesForm({})), onSuccess: handOver });
  const read = useMutation({
    mutationFn: async (f: File) => ({ file: f, preview: await unwrap(api.campaignReadAgencies({ file: await toPickedFile(f), model: props.model })) }),
    onSuccess: (r) => props.onPreview(r.preview, r.file),
  });
  const p = props.preview;
  // The problems are said by the service in the language of the moment: switched, the same file is read again.
  const readIn = useRef(lang);
  const { file } = props;
  const { mutate } = read;
  useEffect(() => {
    if (readIn.current === lang) return;
    readIn.current = lang;
    if (file) mutate(file);
  }, [lang, file, mutate]);
  return (
    <div className="campaign-step-body" data-testid="campaign-agencies">
      <p>{t('campaignui.agencies.intro')}</p>
      <Space wrap>
        <Button onClick={() => form.mutate()} loading={form.isPending} data-testid="campaign-agencies-form">
          {t('campaignui.agencies.form')}
        </Button>
      </Space>
      {form.isError && <Alert type="error" showIcon title={errorText(form.error, t)} />}
      <FileDrop
        className="campaign-drop"
        testId="campaign-agencies-drop"
        accept=".xlsx"
        onFile={(f) => read.mutate(f)}
        title={t('campaignui.agencies.drop')}
        hint={t('campaignui.agencies.drop_hint')}
      />
      {read.isPending && <p role="status">{t('campaignui.reading')}</p>}
      {read.isError && <Alert type="error" showIcon title={errorText(read.error, t)} data-testid="campaign-agencies-refused" />}
      {p && p.problems.length > 0 && <ProblemTable file={p.file} problems={p.problems} testId="campaign-agency-problems" />}
      {p && p.problems.length === 0 && (
        <>
          <Alert type="success" showIcon role="status" title={t('campaignui.agencies.read', { file: p.file, count: p.agencies.length, groups: groupCounts(p.agencies, t) })} data-testid="campaign-agencies-read" />
          {props.onTake && (
            <Button type="primary" onClick={props.onTake} loading={props.takeBusy} data-testid="campaign-agencies-take">
              {t('campaignui.agencies.take')}
            </Button>
          )}
          {props.takeError && <Alert type="error" showIcon role="alert" title={props.takeError} data-testid="campaign-agencies-take-refused" />}
          <AgencyPreview agencies={p.agencies} testId="campaign-agency-preview" />
        </>
      )}
      {!p && props.current && (
        <>
          <p data-testid="campaign-agencies-current">{t('campaignui.agencies.current', { count: props.current.length, groups: groupCounts(props.current, t) })}</p>
          <AgencyPreview agencies={props.current} testId="campaign-agency-current" />
        </>
      )}
    </div>
  );
}
