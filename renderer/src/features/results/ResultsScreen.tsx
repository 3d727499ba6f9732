import './results.css';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Progress, Tabs } from 'antd';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { RankingFilter, ResultsView } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import { IpcError, errorText } from '../../app/query.ts';
import { AgencyAreas } from './AgencyAreas.tsx';
import { Cards } from './Cards.tsx';
import { GroupCharts } from './GroupCharts.tsx';
import { IsoSummary } from './IsoSummary.tsx';
import { Ranking } from './Ranking.tsx';
import { Trend } from './Trend.tsx';
import { resultsQuery, useConsolidate, useConsolidateProgress } from './api.ts';
import { dateTime } from './format.ts';
import { type RankSort, type RankSortKey, foldedRows, orderOf, rankingRows } from './ranking.ts';

type Group = ResultsView['groups'][number]['group'];

/** "Tổng hợp" / "Tổng hợp lại" with the consolidation's progress and its refusal in words. */
function ConsolidateButton({ again }: { again: boolean }) {
  const { t } = useT();
  const run = useConsolidate();
  const progress = useConsolidateProgress();
  const err = run.error;
  return (
    <div className="consolidate">
      <Button type={again ? 'default' : 'primary'} data-testid="results-consolidate" loading={run.isPending} onClick={() => run.mutate()}>
        {t(again ? 'resultsui.reconsolidate' : 'resultsui.consolidate')}
      </Button>
      {run.isPending && progress?.total ? (
        <Progress percent={Math.round((progress.done / progress.total) * 100)} aria-label={t('resultsui.consolidating', { done: progress.done, total: progress.total })} style={{ width: 240 }} />
      ) : null}
      {run.isSuccess && !run.isPending && (
        <span role="status" data-testid="results-consolidated">
          {t('resultsui.consolidated', { agencies: run.data.agencies, ranked: run.data.ranked })}
        </span>
      )}
      {err && <Alert type="error" showIcon role="alert" data-testid="results-consolidate-error" title={(err instanceof IpcError && err.issues.length ? err.issues : [errorText(err, t)]).join('\n')} />}
    </div>
  );
}

/** The ranking with its own search, band and sort (typing redraws the list only, never the charts). */
function RankingPanel(props: { view: ResultsView; group: Group; folded: string[]; orders: Map<RankSortKey, Int32Array>; filter: RankingFilter | null; onClearFilter: () => void; selected: string | null; onSelect: (code: string) => void }) {
  const { view, group, folded, orders, filter } = props;
  const [search, setSearch] = useState('');
  const [band, setBand] = useState('');
  const [sort, setSort] = useState<RankSort | null>(null);
  const rows = useMemo(() => rankingRows(view.rows, folded, orders, { group, band, search, filter, sort }), [view.rows, folded, orders, group, band, search, filter, sort]);
  return (
    <Ranking
      view={view}
      rows={rows}
      group={group}
      search={search}
      onSearch={setSearch}
      band={band}
      onBand={setBand}
      filter={filter}
      onClearFilter={props.onClearFilter}
      sort={sort}
      onSort={setSort}
      selected={props.selected}
      onSelect={props.onSelect}
    />
  );
}

const MemoCards = memo(Cards);
const MemoCharts = memo(GroupCharts);
const MemoIso = memo(IsoSummary);
const MemoTrend = memo(Trend);
const MemoAreas = memo(AgencyAreas);

function Dashboard({ view }: { view: ResultsView }) {
  const { t, points } = useT();
  const [group, setGroup] = useState<Group>(view.groups[0]?.group ?? 'department');
  const [filter, setFilter] = useState<RankingFilter | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const rankingBox = useRef<HTMLDivElement>(null);
  const folded = useMemo(() => foldedRows(view.rows), [view.rows]);
  const orders = useMemo(() => new Map<RankSortKey, Int32Array>(), [view.rows]);
  const g = view.groups.find((x) => x.group === group);
  // The charts follow the tab a frame later: the ranking of the group chosen is drawn first.
  const chartGroup = useDeferredValue(group);
  const cg = view.groups.find((x) => x.group === chartGroup);
  // The orders users sort by most, computed while the window is idle (10,000 rows: tens of ms each).
  useEffect(() => {
    const id = requestIdleCallback(() => (['index', 'name', 'rank'] as const).forEach((k) => orderOf(orders, view.rows, k)));
    return () => cancelIdleCallback(id);
  }, [orders, view.rows]);
  // The province's headline figures on top; each group's declared "x of y" figures under its tab.
  const topCards = useMemo(() => view.cards.filter((c) => !c.key.startsWith('figure:')), [view.cards]);
  const groupCards = useMemo(() => view.cards.filter((c) => c.key.startsWith('figure:') && c.scope === chartGroup), [view.cards, chartGroup]);
  const open = useCallback((f: RankingFilter) => {
    if (f.group) setGroup(f.group);
    setFilter(f);
    setTimeout(() => rankingBox.current?.scrollIntoView({ block: 'start' }), 0);
  }, []);
  const clear = useCallback(() => setFilter(null), []);
  return (
    <>
      <MemoCards cards={topCards} onOpen={open} title={t('resultsui.cards')} id="results-cards-title" />
      <section aria-labelledby="groups-title" className="results-groups">
        <h2 id="groups-title" className="visually-hidden">{t('resultsui.groups')}</h2>
        <Tabs
          activeKey={group}
          onChange={(k) => (setGroup(k as Group), setFilter(null), setSelected(null))}
          items={view.groups.map((x) => ({ key: x.group, label: <span data-testid={`results-group-${x.group}`}>{t(`results.group.${x.group}`)}</span> }))}
        />
        {g && (
          <>
            <p data-testid={`group-summary-${g.group}`} className="group-summary">
              {t('resultsui.group_summary', { agencies: g.agencies, submitted: g.submitted, ranked: g.ranked, late: g.late, average: g.averageIndex === null ? t('resultsui.no_average') : `${points(g.averageIndex)}%` })}
              {(['submitted', 'late', 'unranked'] as const).map((state) => {
                const n = state === 'submitted' ? g.submitted : state === 'late' ? g.late : g.agencies - g.ranked;
                const label = t(`resultsui.state.${state}`, { n });
                return (
                  <Button key={state} size="small" type="link" data-testid={`group-${g.group}-${state}`} disabled={n === 0} onClick={() => open({ group: g.group, state, label: `${t(`results.group.${g.group}`)} · ${label}` })}>
                    {label}
                  </Button>
                );
              })}
            </p>
            {cg && <MemoCharts view={view} group={cg} onOpen={open} />}
            {cg && <MemoCards cards={groupCards} onOpen={open} title={t('resultsui.group_cards', { group: t(`results.group.${cg.group}`) })} id="group-cards-title" level={3} />}
          </>
        )}
        <div ref={rankingBox}>
          {/* A figure clicked through starts a fresh search, band and sort (keyed by the filter). */}
          <RankingPanel key={`${group}|${filter?.label ?? ''}`} view={view} group={group} folded={folded} orders={orders} filter={filter} onClearFilter={clear} selected={selected} onSelect={setSelected} />
        </div>
        <MemoAreas code={selected} />
      </section>
      <MemoIso iso={view.iso} onOpen={open} />
      <MemoTrend view={view} />
    </>
  );
}

/**
 * The results dashboard, from the results stored in the workspace (no re-scoring): headline cards,
 * per group the band distribution, area averages and the ranking, an agency against its group,
 * ISO 9001, earlier years. Says when the stored results are older than the workspace's last change.
 */
export default function ResultsScreen() {
  const { t } = useT();
  const q = useQuery(resultsQuery);
  const view = q.data;
  return (
    <main className="results-screen" aria-busy={q.isPending}>
      <div className="results-head">
        <h1 className="agency-title">{t('resultsui.title')}{view ? ` ${view.campaign.year}` : ''}</h1>
        {!q.isPending && !q.isError && <ConsolidateButton again={view !== null && view !== undefined} />}
      </div>
      {q.isPending && <p className="muted">{t('resultsui.loading')}</p>}
      {q.isError && <Alert type="error" showIcon title={errorText(q.error, t)} />}
      {view === null && <Alert type="info" showIcon data-testid="results-none" title={t('resultsui.none')} />}
      {view && (
        <>
          <p className="muted" data-testid="results-generated">
            {t('resultsui.generated', { at: dateTime(view.generatedAt), file: view.file })}
          </p>
          {view.stale && view.lastChange && <Alert type="warning" showIcon data-testid="results-stale" title={t('resultsui.stale', { at: dateTime(view.lastChange) })} />}
          {view.warningCount > 0 && (
            <details className="results-warnings" data-testid="results-warnings">
              <summary>{t('resultsui.warnings_n', { n: view.warningCount })}</summary>
              <ul tabIndex={0}>
                {view.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
              {view.warningCount > view.warnings.length && <p className="muted">{t('resultsui.warnings_more', { n: view.warningCount - view.warnings.length })}</p>}
            </details>
          )}
          <Dashboard key={view.generatedAt} view={view} />
        </>
      )}
    </main>
  );
}
