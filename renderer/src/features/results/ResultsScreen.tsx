import './results.css';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Progress, Tabs } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
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
import { type RankSort, type RankSortKey, foldedRows, rankingRows } from './ranking.ts';

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

function Dashboard({ view }: { view: ResultsView }) {
  const { t, points } = useT();
  const [group, setGroup] = useState<Group>(view.groups[0]?.group ?? 'department');
  const [search, setSearch] = useState('');
  const [band, setBand] = useState('');
  const [filter, setFilter] = useState<RankingFilter | null>(null);
  const [sort, setSort] = useState<RankSort | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const rankingBox = useRef<HTMLDivElement>(null);
  const folded = useMemo(() => foldedRows(view.rows), [view.rows]);
  const orders = useMemo(() => new Map<RankSortKey, Int32Array>(), [view.rows]);
  const rows = useMemo(() => rankingRows(view.rows, folded, orders, { group, band, search, filter, sort }), [view.rows, folded, orders, group, band, search, filter, sort]);
  const g = view.groups.find((x) => x.group === group);
  const open = useCallback((f: RankingFilter) => {
    if (f.group) setGroup(f.group);
    setBand('');
    setSearch('');
    setFilter(f);
    setTimeout(() => rankingBox.current?.scrollIntoView({ block: 'start' }), 0);
  }, []);
  return (
    <>
      <Cards cards={view.cards} onOpen={open} />
      <section aria-labelledby="groups-title" className="results-groups">
        <h2 id="groups-title" className="visually-hidden">{t('resultsui.groups')}</h2>
        <Tabs
          activeKey={group}
          onChange={(k) => (setGroup(k as Group), setFilter(null), setSelected(null))}
          items={view.groups.map((x) => ({ key: x.group, label: <span data-testid={`results-group-${x.group}`}>{t(`results.group.${x.group}`)}</span> }))}
        />
        {g && (
          <>
            <p data-testid={`group-summary-${g.group}`}>
              {t('resultsui.group_summary', { agencies: g.agencies, submitted: g.submitted, ranked: g.ranked, late: g.late, average: g.averageIndex === null ? t('resultsui.no_average') : `${points(g.averageIndex)}%` })}
            </p>
            <GroupCharts view={view} group={g} onOpen={open} />
          </>
        )}
        <div ref={rankingBox}>
          <Ranking
            view={view}
            rows={rows}
            group={group}
            search={search}
            onSearch={setSearch}
            band={band}
            onBand={setBand}
            filter={filter}
            onClearFilter={() => setFilter(null)}
            sort={sort}
            onSort={setSort}
            selected={selected}
            onSelect={setSelected}
          />
        </div>
        <AgencyAreas code={selected} />
      </section>
      <IsoSummary iso={view.iso} onOpen={open} />
      <Trend view={view} />
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
          {view.warnings.length > 0 && <Alert type="warning" showIcon title={t('resultsui.warnings')} description={view.warnings.map((w, i) => <div key={i}>{w}</div>)} />}
          <Dashboard key={view.generatedAt} view={view} />
        </>
      )}
    </main>
  );
}
