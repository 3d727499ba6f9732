import { useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Empty, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { AwardRow, AwardRuleView } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { awardsQuery, useExportList } from './api.ts';
import { type DecisionAction, DecisionDialog } from './DecisionDialog.tsx';
import { RulesEditor } from './RulesEditor.tsx';

/** Lists longer than this scroll in a virtual table (a province nominates thousands of people). */
const VIRTUAL_FROM = 40;
const ROW_HEIGHT = 72;

const testId = (r: AwardRow, part: string) => `award-${part}-${r.rule}-${r.subject}`;

function RowsTable({ rows, kind, onDecide }: { rows: AwardRow[]; kind: 'candidates' | 'excluded'; onDecide: ((r: AwardRow, a: DecisionAction) => void) | null }) {
  const { t, date } = useT();
  const columns: ColumnsType<AwardRow> = [
    ...(kind === 'candidates' ? [{ key: 'stt', title: t('awardsui.col.stt'), dataIndex: 'stt', width: 60 }] : []),
    {
      key: 'name',
      title: t('awardsui.col.name'),
      width: 260,
      render: (_: unknown, r: AwardRow) => (
        <>
          <strong>{r.name}</strong>
          {r.name !== r.agencyName && <div className="muted">{r.agencyName}</div>}
          <div className="muted">{r.agency}</div>
        </>
      ),
    },
    {
      key: 'reasons',
      title: t(kind === 'candidates' ? 'awardsui.col.met' : 'awardsui.col.failed'),
      render: (_: unknown, r: AwardRow) => (
        <div data-testid={testId(r, 'reasons')}>
          {r.met.length > 0 && <div>{r.met.join('; ')}</div>}
          {r.failed && <div className={kind === 'candidates' ? 'muted' : undefined}>{kind === 'candidates' ? t('awardsui.unmet', { reason: r.failed }) : r.failed}</div>}
        </div>
      ),
    },
    {
      key: 'decision',
      title: t('awardsui.col.decision'),
      width: 280,
      render: (_: unknown, r: AwardRow) =>
        r.decision ? (
          <div data-testid={testId(r, 'decision')}>
            <Tag color={r.decision.action === 'include' ? 'green' : 'red'}>{t(`awardsui.decided.${r.decision.action}`)}</Tag>
            <div>{r.decision.reason}</div>
            <div className="muted">{t('awardsui.decided_by', { by: r.decision.by, at: date(r.decision.at) })}</div>
          </div>
        ) : (
          <span className="muted">—</span>
        ),
    },
    ...(!onDecide ? [] : [{
      key: 'actions',
      title: t('awardsui.col.actions'),
      width: 170,
      render: (_: unknown, r: AwardRow) => (
        <span className="row-actions">
          {r.decision ? (
            <Button size="small" data-testid={testId(r, 'remove')} aria-label={t('awardsui.remove_of', { name: r.name })} onClick={() => onDecide(r, 'remove')}>
              {t('awardsui.remove')}
            </Button>
          ) : kind === 'candidates' ? (
            <Button size="small" danger data-testid={testId(r, 'exclude')} aria-label={t('awardsui.exclude_of', { name: r.name })} onClick={() => onDecide(r, 'exclude')}>
              {t('awardsui.exclude')}
            </Button>
          ) : (
            <Button size="small" data-testid={testId(r, 'include')} aria-label={t('awardsui.include_of', { name: r.name })} onClick={() => onDecide(r, 'include')}>
              {t('awardsui.include')}
            </Button>
          )}
        </span>
      ),
    }]),
  ];
  const virtual = rows.length > VIRTUAL_FROM;
  return (
    <Table<AwardRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t(kind === 'candidates' ? 'awardsui.nobody' : 'awardsui.nobody_excluded') }}
      onRow={(r) => ({ 'data-testid': testId(r, 'row') }) as React.HTMLAttributes<HTMLElement>}
      {...(virtual ? { virtual: true, scroll: { x: 1100, y: Math.min(480, rows.length * ROW_HEIGHT) } } : {})}
    />
  );
}

function RuleSection({ rule, onDecide }: { rule: AwardRuleView; onDecide: (r: AwardRow, a: DecisionAction) => void }) {
  const { t } = useT();
  return (
    <section className="award-rule" data-testid={`award-${rule.rule}`} aria-labelledby={`award-title-${rule.rule}`}>
      <h2 id={`award-title-${rule.rule}`}>
        {rule.award} <span className="muted">({rule.rule})</span>
      </h2>
      <p className="muted">{t(`awardsui.counts.${rule.kind}`, { candidates: rule.candidates.length, excluded: rule.excluded.length })}</p>
      <h3>{t('awardsui.candidates')}</h3>
      <RowsTable rows={rule.candidates} kind="candidates" onDecide={onDecide} />
      {rule.excluded.length > 0 && (
        <>
          <h3>{t('awardsui.excluded')}</h3>
          <RowsTable rows={rule.excluded} kind="excluded" onDecide={onDecide} />
        </>
      )}
    </section>
  );
}

/**
 * Commendation (khen thưởng): per award the candidates with every condition they meet, the excluded
 * nominees with the first condition they fail, the council's decisions with their reasons (in the
 * audit log), and the official workbook of the lists.
 */
export default function AwardsScreen() {
  const { t } = useT();
  const { message } = AntApp.useApp();
  const query = useQuery(awardsQuery());
  const exportList = useExportList();
  const [deciding, setDeciding] = useState<{ row: AwardRow; action: DecisionAction } | null>(null);

  const heading = <h1 className="agency-title">{t('awardsui.title')}</h1>;
  if (query.isError) return <main>{heading}<Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} /></main>;
  const view = query.data;
  if (!view) return <main aria-busy="true">{heading}{t('app.loading')}</main>;
  return (
    <main data-testid="awards-screen">
      <div className="screen-head">
        {heading}
        {view.state === 'ready' && (
          <Button
            type="primary"
            data-testid="awards-export"
            loading={exportList.isPending}
            onClick={() =>
              exportList.mutate(undefined, {
                onSuccess: (r) => void (r.savedTo || r.base64 ? message.success(t('awardsui.exported', { file: r.savedTo ?? r.fileName })) : message.info(t('awardsui.export_cancelled'))),
              })
            }
          >
            {t('awardsui.export')}
          </Button>
        )}
      </div>
      {exportList.isError && <Alert type="error" showIcon title={t('awardsui.export_failed')} description={errorText(exportList.error, t)} data-testid="awards-export-error" />}
      <Tabs
        items={[
          {
            key: 'lists',
            label: <span data-testid="awards-tab-lists">{t('awardsui.tab.lists')}</span>,
            children: (
              <>
                <p className="muted">{t('awardsui.intro')}</p>
                {view.state === 'no-results' ? (
                  <Empty description={t('awardsui.no_results')} data-testid="awards-no-results" />
                ) : (
                  <>
                    {view.issues.length > 0 && <Alert type="warning" showIcon title={t('awardsui.issues')} description={<ul>{view.issues.map((i) => <li key={i}>{i}</li>)}</ul>} />}
                    {view.rules.map((r) => (
                      <RuleSection key={`${r.kind}:${r.rule}`} rule={r} onDecide={(row, action) => setDeciding({ row, action })} />
                    ))}
                    {view.unknown.length > 0 && (
                      <section className="award-rule" data-testid="award-unknown">
                        <h2>{t('awardsui.unknown_rules')}</h2>
                        <RowsTable rows={view.unknown} kind="excluded" onDecide={null} />
                      </section>
                    )}
                  </>
                )}
              </>
            ),
          },
          { key: 'rules', label: <span data-testid="awards-tab-rules">{t('awardsui.tab.rules')}</span>, children: <RulesEditor /> },
        ]}
      />
      <DecisionDialog row={deciding?.row ?? null} action={deciding?.action ?? 'include'} onClose={() => setDeciding(null)} />
    </main>
  );
}
