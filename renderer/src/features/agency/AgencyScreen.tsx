import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Statistic, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ItemInput } from '../../../../shared/schema/index.ts';
import { areaProgress } from '../../../../shared/scoring/progress.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { navigate } from '../../app/router.ts';
import { AgencyNav } from '../declared/AgencyNav.tsx';
import { assessmentQuery, useSetItemInput } from './api.ts';
import { CriteriaTree } from './CriteriaTree.tsx';
import { ItemPanel, firstControl } from './ItemPanel.tsx';
import { type TreeFilter, visibleRows } from './tree-model.ts';

/**
 * One agency's self-assessment: the criteria tree (keyboard-driven, filtered, progress per area)
 * beside the selected item's panel (guide, evidence hint, the answer). The officer's main screen.
 */
export default function AgencyScreen({ code, home = false, item = null }: { code: string; home?: boolean; item?: string | null }) {
  const { t, points, title } = useT();
  const query = useQuery(assessmentQuery(code));
  const save = useSetItemInput(code);
  const [error, setError] = useState<{ item: string; message: string } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState<TreeFilter>('all');
  const treeRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const view = query.data;
  const entries = view?.assessment?.items ?? {};

  const rows = useMemo(() => (view ? visibleRows(view.template.items, entries, collapsed, filter) : []), [view, entries, collapsed, filter]);
  // The tree takes the focus once loaded: the officer starts moving with the arrow keys at once.
  const loaded = view !== undefined;
  useEffect(() => {
    if (loaded) treeRef.current?.focus({ preventScroll: true });
  }, [loaded]);
  // An item named by the route ("check before sending" links here): selected, its areas expanded, shown
  // whatever the filter. Once per route and template: a save's refetch does not take the officer back to it.
  const shownTemplate = view?.template;
  useEffect(() => {
    if (!item || !shownTemplate) return;
    setSelected(item);
    setFilter('all');
    const parent = new Map(shownTemplate.items.map((i) => [i.code, i.parent]));
    setCollapsed((s) => {
      const next = new Set(s);
      for (let p = parent.get(item); p; p = parent.get(p)) next.delete(p);
      return next;
    });
  }, [item, shownTemplate]);
  const progress = useMemo(() => (view ? areaProgress(view.template.items, entries) : null), [view, entries]);

  if (query.isError) return <main><Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} /></main>;
  if (!view || !progress) return <main aria-busy="true">{t('app.loading')}</main>;
  const { template, report } = view;
  const current = template.items.find((i) => i.code === (selected ?? rows[0]?.item.code)) ?? null;

  const onSave = (item: string, input: ItemInput | null) =>
    save.mutate(
      { item, input },
      {
        onSuccess: () => setError((e) => (e?.item === item ? null : e)),
        onError: (e) => setError({ item, message: errorText(e, t) }),
      },
    );
  const toggle = (c: string, expand: boolean) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (expand) next.delete(c);
      else next.add(c);
      return next;
    });
  // Enter: the panel's first control (a choice button or a field) takes the focus.
  const edit = () => firstControl(panelRef.current)?.focus();

  return (
    <main className="agency-screen fill">
      <div className="toolbar">
        {!home && <Button onClick={() => navigate('/')}>{t('app.back')}</Button>}
        <h1 className="agency-title">
          {view.agency.name} <span className="code">{view.agency.code}</span>
        </h1>
        {/* The agency's own workspace: what is missing before it signs and sends its file. */}
        {home && (
          <Button className="toolbar-end" data-testid="send-open" onClick={() => navigate(`/send/${view.agency.code}`)}>
            {t('send.open')}
          </Button>
        )}
      </div>
      <AgencyNav code={view.agency.code} current="tree" />
      <div className="template-line">
        {title(template.title)}
        {template.sample && <Tag className="badge-sample">{t('app.sample_template')}</Tag>}
      </div>
      <section className="totals" aria-label={t('app.total.total')}>
        <Card size="small"><Statistic title={t('app.total.self')} value={`${points(report.self.score)} / ${points(report.self.max)}`} valueRender={(n) => <span data-testid="self-total">{n}</span>} /></Card>
        <Card size="small"><Statistic title={t('app.total.survey')} value={`${points(report.survey.score)} / ${points(report.survey.max)}`} /></Card>
        <Card size="small"><Statistic title={t('app.total.total')} value={`${points(report.total)} / ${points(report.max)}`} valueRender={(n) => <span data-testid="total">{n}</span>} /></Card>
        <Card size="small"><Statistic title={t('app.total.index')} value={`${points(report.index)}%`} valueRender={(n) => <span data-testid="index">{n}</span>} /></Card>
      </section>
      {view.readOnly && (
        // Said once, above the tree; every input is disabled (the services refuse the change too).
        <Alert type="info" showIcon className="read-only" data-testid="read-only" title={t('integrity.read_only_title')} description={view.readOnly.reason} />
      )}
      <div className="tree-toolbar">
        <Segmented<TreeFilter>
          aria-label={t('officer.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('officer.filter.all') },
            { value: 'unanswered', label: t('officer.filter.unanswered') },
            { value: 'noEvidence', label: t('officer.filter.no_evidence') },
          ]}
        />
        <span className="count" data-testid="overall-progress">{t('officer.progress', { answered: progress.all.answered, total: progress.all.total })}</span>
      </div>
      <p id="tree-help" className="muted tree-help">{t('officer.tree_help')}</p>
      <div className="tree-layout fill-rest">
        <div className="tree-pane">
          {rows.length === 0 ? (
            <p className="muted">{t('officer.filter_empty')}</p>
          ) : (
            <CriteriaTree
              rows={rows}
              report={report}
              progress={progress.areas}
              answered={(c) => entries[c]?.input !== undefined}
              selected={current?.code ?? null}
              onSelect={setSelected}
              onToggle={toggle}
              onEdit={edit}
              treeRef={treeRef}
            />
          )}
        </div>
        {/* Focusable: read-only, the panel may hold no control, yet it scrolls (keyboard users reach it too). */}
        <div className="panel-pane" tabIndex={0} role="region" aria-label={t('officer.panel')}>
          {current ? (
            <ItemPanel
              key={current.code}
              agency={view.agency.code}
              item={current}
              score={report.items[current.code]}
              entry={entries[current.code]}
              onSave={(input) => onSave(current.code, input)}
              saving={save.isPending && save.variables?.item === current.code}
              error={error?.item === current.code ? error.message : null}
              onUnchanged={() => setError((e) => (e?.item === current.code ? null : e))}
              onBack={() => treeRef.current?.focus({ preventScroll: true })}
              panelRef={panelRef}
              disabled={view.readOnly !== null}
            />
          ) : (
            <p className="muted">{t('officer.select_item')}</p>
          )}
        </div>
      </div>
    </main>
  );
}
