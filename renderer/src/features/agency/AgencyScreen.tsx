import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, ConfigProvider, Statistic, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo, useState } from 'react';
import type { TemplateItem } from '../../../../shared/schema/index.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { navigate } from '../../app/router.ts';
import { assessmentQuery, useSetItemInput } from './api.ts';
import { ItemInputEditor } from './ItemInputEditor.tsx';

/** One agency's criteria tree: inputs, live scores per item, area and total. */
export default function AgencyScreen({ code }: { code: string }) {
  const { t, points, title } = useT();
  const query = useQuery(assessmentQuery(code));
  const save = useSetItemInput(code);
  const [error, setError] = useState<{ item: string; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const view = query.data;

  const onSave = (item: string, input: Parameters<typeof save.mutate>[0]['input']) =>
    save.mutate(
      { item, input },
      {
        onSuccess: () => {
          setError(null);
          setSaved(item);
        },
        onError: (e) => setError({ item, message: errorText(e, t) }),
      },
    );

  const columns: ColumnsType<TemplateItem> = useMemo(() => {
    if (!view) return [];
    const { report, assessment } = view;
    return [
      {
        key: 'criterion',
        title: t('app.col.criterion'),
        render: (_: unknown, item: TemplateItem) => {
          const s = report.items[item.code];
          return (
            <div style={{ paddingLeft: `${(s?.depth ?? 0) * 1.2}rem` }}>
              <span className="code">{item.code}</span> {title(item.title)}
              {error?.item === item.code && (
                <div role="alert" className="error small">
                  {error.message}
                </div>
              )}
            </div>
          );
        },
      },
      {
        key: 'input',
        title: t('app.col.input'),
        width: 300,
        render: (_: unknown, item: TemplateItem) => {
          const entry = assessment?.items[item.code];
          return item.rule ? <ItemInputEditor key={JSON.stringify(entry?.input ?? null)} item={item} input={entry?.input} onSave={(inp) => onSave(item.code, inp)} /> : null;
        },
      },
      {
        key: 'score',
        title: t('app.col.score'),
        width: 100,
        align: 'right',
        className: 'score',
        render: (_: unknown, item: TemplateItem) => {
          const s = report.items[item.code];
          if (!s) return null;
          return (
            <span title={s.explain ? t(s.explain.key, s.explain.params) : undefined}>
              {s.state === 'notApplicable' ? '—' : points(s.score)}
              {saved === item.code && <span className="saved"> ✓</span>}
            </span>
          );
        },
      },
      { key: 'max', title: t('app.col.max'), width: 90, align: 'right', className: 'max', render: (_: unknown, item: TemplateItem) => points(report.items[item.code]?.effectiveMax ?? item.max) },
      {
        key: 'evidence',
        title: t('app.col.evidence'),
        width: 150,
        render: (_: unknown, item: TemplateItem) => {
          const entry = assessment?.items[item.code];
          return <span className="muted">{entry?.evidence.length ? t('app.evidence_count', { n: entry.evidence.length }) : entry?.explanation ? t('app.explanation_only') : ''}</span>;
        },
      },
    ];
    // onSave closes over the mutation only; the table re-renders with the view.
  }, [view, error, saved, t, points, title]);

  if (query.isError) return <main><Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} /></main>;
  if (!view) return <main aria-busy="true">{t('app.loading')}</main>;
  const { template, report } = view;
  const items = template.items.filter((i) => report.items[i.code]);

  return (
    <main>
      <div className="toolbar">
        <Button onClick={() => navigate('/')}>{t('app.back')}</Button>
        <h1 className="agency-title">
          {view.agency.name} <span className="code">{view.agency.code}</span>
        </h1>
      </div>
      <div className="template-line">
        {title(template.title)}
        {template.sample && <Tag className="badge-sample">{t('app.sample_template')}</Tag>}
      </div>
      <section className="totals" aria-label={t('app.total.total')}>
        <Card size="small"><Statistic title={t('app.total.self')} value={`${points(report.self.score)} / ${points(report.self.max)}`} /></Card>
        <Card size="small"><Statistic title={t('app.total.survey')} value={`${points(report.survey.score)} / ${points(report.survey.max)}`} /></Card>
        <Card size="small"><Statistic title={t('app.total.total')} value={`${points(report.total)} / ${points(report.max)}`} valueRender={(n) => <span data-testid="total">{n}</span>} /></Card>
        <Card size="small"><Statistic title={t('app.total.index')} value={`${points(report.index)}%`} valueRender={(n) => <span data-testid="index">{n}</span>} /></Card>
      </section>
      {view.readOnly && (
        // Said once, above the tree; every input below is disabled (the services refuse the change too).
        <Alert type="info" showIcon className="read-only" data-testid="read-only" title={t('integrity.read_only_title')} description={view.readOnly.reason} />
      )}
      <ConfigProvider componentDisabled={view.readOnly !== null}>
      <Table<TemplateItem>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        sticky
        rowClassName={(item) => `depth-${Math.min(report.items[item.code]?.depth ?? 0, 3)}${item.rule ? '' : ' parent'}`}
        onRow={(item) => ({ 'data-item': item.code }) as HTMLAttributes<HTMLElement>}
      />
      </ConfigProvider>
    </main>
  );
}
