import { Alert, Table } from 'antd';
import { useEffect, useRef } from 'react';
import type { SheetProblem } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';

/**
 * Every problem of a workbook with its sheet, row and column (a virtual table: a bad file can
 * have hundreds), said above it in one line so that a screen reader hears how many.
 */
export function ProblemTable({ file, problems, testId }: { file: string; problems: SheetProblem[]; testId: string }) {
  const { t, lang } = useT();
  const rows = problems.map((p, i) => ({ ...p, key: i }));
  // Shown below the drop area: brought into view, so the person sees what is wrong without scrolling.
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [problems]);
  return (
    <section className="campaign-problems" data-testid={testId} ref={box}>
      <Alert type="error" showIcon title={t('campaignui.problems.title', { file, count: problems.length.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') })} />
      <Table
        size="small"
        virtual
        scroll={{ y: 240 }}
        pagination={false}
        dataSource={rows}
        rowKey="key"
        className="campaign-table"
        columns={[
          { key: 'sheet', dataIndex: 'sheet', title: t('campaignui.problems.sheet'), width: 140, render: (v: string | null) => v ?? '—' },
          { key: 'row', dataIndex: 'row', title: t('campaignui.problems.row'), width: 70, render: (v: number | null) => v ?? '—' },
          { key: 'column', dataIndex: 'column', title: t('campaignui.problems.column'), width: 120, render: (v: string | null) => v ?? '—' },
          { key: 'message', dataIndex: 'message', title: t('campaignui.problems.message'), width: 560 },
        ]}
        onRow={(r) => ({ 'data-testid': `${testId}-row`, 'data-row': r.row ?? '' }) as React.HTMLAttributes<HTMLElement>}
      />
    </section>
  );
}
