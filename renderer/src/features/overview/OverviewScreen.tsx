import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, type InputRef, Progress, Tabs, Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WorkspaceSummary } from '../../../../shared/ipc/index.ts';
import { FIND_EVENT } from '../../app/commands.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { navigate } from '../../app/router.ts';
import { useElementHeight } from '../../ui/useElementHeight.ts';
import { AgencyTable, type Column } from './AgencyTable.tsx';
import { summaryQuery, useSummaryProgress } from './api.ts';
import { type BoardFilter, StatusBoard, matchesBoard } from './StatusBoard.tsx';
import { fold } from './search.ts';
import { type SortKey, type SortState, sortedOrder } from './sort.ts';

const TABS = ['all', 'department', 'district', 'commune'] as const;
type Row = WorkspaceSummary['agencies'][number];

/** Every agency of the campaign with its status and provisional scores (a virtual list: thousands of rows). */
export default function OverviewScreen() {
  const { t, points } = useT();
  const summary = useQuery(summaryQuery);
  const progress = useSummaryProgress();
  const [tab, setTab] = useState<(typeof TABS)[number]>('all');
  const [query, setQuery] = useState('');
  // The status board's count chosen: the list shows those agencies only.
  const [board, setBoard] = useState<BoardFilter | null>(null);
  const search = useRef<InputRef>(null);
  const listBox = useRef<HTMLDivElement>(null);
  const height = useElementHeight(listBox);

  useEffect(() => {
    const focus = () => search.current?.focus();
    window.addEventListener(FIND_EVENT, focus);
    return () => window.removeEventListener(FIND_EVENT, focus);
  }, []);

  const [sort, setSort] = useState<SortState | null>(null);
  const agencies = summary.data?.agencies;
  // Made once per summary: the folded names searched, and each column's order once it is asked for.
  const folded = useMemo(() => (agencies ?? []).map((a) => `${fold(a.name)}\u0000${fold(a.code)}`), [agencies]);
  const orders = useMemo(() => new Map<SortKey, Int32Array>(), [agencies]);
  // A tab, a sort or a search is one pass over the agencies (in the sorted order), nothing more.
  const rows = useMemo(() => {
    const list = agencies ?? [];
    const q = fold(query.trim());
    const order = sort ? sortedOrder(orders, list, sort.key) : null;
    const n = list.length;
    const out: Row[] = [];
    for (let k = 0; k < n; k++) {
      const i = order ? order[sort!.order === 'descend' ? n - 1 - k : k]! : k;
      const a = list[i]!;
      if ((tab === 'all' || a.group === tab) && (!q || folded[i]!.includes(q)) && (!board || matchesBoard(a, board))) out.push(a);
    }
    return out;
  }, [agencies, folded, orders, tab, query, sort, board]);
  const columns: Column[] = useMemo(
    () => [
      { key: 'code', title: t('app.col.code'), width: 90, render: (a: Row) => <span className="code">{a.code}</span> },
      {
        key: 'name',
        title: t('app.col.name'),
        render: (a: Row) => (
          <Button type="link" className="link-cell" onClick={() => navigate(`/review/${a.code}`)}>
            {a.name}
          </Button>
        ),
      },
      {
        key: 'status',
        title: t('app.col.status'),
        width: 190,
        render: (a: Row) =>
          a.problem ? (
            // A damaged file marks its row only: what is wrong and what to do, on hover and on focus.
            <Tooltip trigger={['hover', 'focus']} title={<>{a.problem.message}<br />{a.problem.action}</>}>
              <Tag className="status status-damaged" tabIndex={0} data-testid={`agency-problem-${a.code}`} aria-label={`${t('integrity.damaged')}: ${a.problem.message} ${a.problem.action}`}>
                ⚠ {t('integrity.damaged')}
              </Tag>
            </Tooltip>
          ) : (
            <Tag className={`status status-${a.status}`}>
              {t(`app.status.${a.status}`)}
            </Tag>
          ),
      },
      { key: 'progress', title: t('app.col.progress'), width: 110, align: 'right', render: (a: Row) => (a.score ? `${a.score.answered}/${a.score.leafCount}` : '—') },
      { key: 'self', title: t('app.col.self'), width: 170, align: 'right', render: (a: Row) => (a.score ? `${points(a.score.self)} / ${points(a.score.selfMax)}` : '—') },
      { key: 'index', title: t('app.col.index'), width: 150, align: 'right', render: (a: Row) => (a.score ? `${points(a.score.index)}%` : '—') },
    ],
    [t, points],
  );

  if (summary.isError) return <main><Alert type="error" showIcon title={t('app.error')} description={errorText(summary.error, t)} /></main>;
  return (
    <main aria-busy={summary.isPending} className="fill">
      <h1 className="visually-hidden">{t('shell.menu.overview')}</h1>
      {agencies && summary.data?.role === 'home-affairs' && (
        <StatusBoard
          agencies={agencies}
          current={board}
          onSelect={(f) => {
            setBoard(f);
            setTab(f.group);
          }}
        />
      )}
      <div className="toolbar">
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as (typeof TABS)[number]);
            // Another group's tab leaves a group's count of the board: the list is that tab's again.
            if (board && board.group !== 'all' && board.group !== k) setBoard(null);
          }}
          items={TABS.map((g) => ({ key: g, label: t(`app.tab.${g}`) }))}
          className="group-tabs"
        />
        <Input
          ref={search}
          type="search"
          allowClear
          className="search"
          placeholder={t('app.search')}
          aria-label={t('app.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {board && (
          <span className="board-filter" data-testid="board-filter">
            {t('inbox.board.filter', { group: board.group === 'all' ? t('inbox.board.all') : t(`app.tab.${board.group}`), status: board.status === 'submitted' ? t('inbox.board.submitted') : t(`app.status.${board.status}`) })}{' '}
            <Button size="small" onClick={() => setBoard(null)} data-testid="board-filter-clear">
              {t('inbox.board.clear')}
            </Button>
          </span>
        )}
        {agencies && (
          <span className="count" data-testid="agency-count">
            {t('app.count', { shown: rows.length, total: agencies.length })}
          </span>
        )}
      </div>
      {summary.isPending && progress?.total ? (
        <Progress percent={Math.round((progress.done / progress.total) * 100)} aria-label={t('shell.job.summary', { done: progress.done, total: progress.total })} />
      ) : null}
      <div ref={listBox} className="fill-rest">
        {summary.isPending ? <p className="muted">{t('app.loading')}</p> : <AgencyTable rows={rows} columns={columns} height={height} sort={sort} onSort={setSort} />}
      </div>
    </main>
  );
}
