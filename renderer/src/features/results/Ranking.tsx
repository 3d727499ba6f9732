import { Button, Input, Select, Tag } from 'antd';
import { useMemo } from 'react';
import type { RankingFilter, RankingRow, ResultsView } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import { VirtualTable, type VColumn, type VSort } from '../../ui/VirtualTable.tsx';
import type { RankSort } from './ranking.ts';

/** The group's ranking: search, band filter, the figure clicked through, sortable columns, drawn in view only. */
export function Ranking(props: {
  view: ResultsView;
  rows: RankingRow[];
  group: RankingRow['group'];
  search: string;
  onSearch: (s: string) => void;
  band: string;
  onBand: (b: string) => void;
  filter: RankingFilter | null;
  onClearFilter: () => void;
  sort: RankSort | null;
  onSort: (s: RankSort | null) => void;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const { t, points } = useT();
  const { view } = props;
  const bandLabel = useMemo(() => new Map(view.bands.map((b) => [b.code, b.label])), [view.bands]);
  const onSelect = props.onSelect;
  const columns: VColumn<RankingRow>[] = useMemo(
    () => [
      { key: 'rank', title: t('resultsui.col.rank'), width: 70, align: 'right', sortable: true, render: (r) => <span data-testid={`rank-${r.code}`}>{r.rank ?? '—'}</span> },
      { key: 'code', title: t('resultsui.col.code'), width: 80, sortable: true, render: (r) => <span className="code">{r.code}</span> },
      {
        key: 'name',
        title: t('resultsui.col.name'),
        sortable: true,
        render: (r) => (
          <Button type="link" className="link-cell" data-testid={`rank-select-${r.code}`} onClick={() => onSelect(r.code)}>
            {r.name}
          </Button>
        ),
      },
      { key: 'index', title: t('resultsui.col.index'), width: 110, align: 'right', sortable: true, render: (r) => <span data-testid={`index-${r.code}`}>{r.submitted ? points(r.index) : '—'}</span> },
      {
        key: 'band',
        title: t('resultsui.col.band'),
        width: 140,
        sortable: true,
        render: (r) => <span data-testid={`band-${r.code}`}>{r.band ? `${r.band} · ${bandLabel.get(r.band) ?? ''}` : '—'}</span>,
      },
      { key: 'survey', title: t('resultsui.col.survey'), width: 130, align: 'right', sortable: true, render: (r) => `${points(r.survey)} / ${points(r.surveyMax)}` },
      {
        key: 'state',
        title: t('resultsui.col.state'),
        width: 300,
        render: (r) => (
          <span data-testid={`state-${r.code}`}>
            {r.late && <Tag color="orange">{t('resultsui.late')}</Tag>}
            {r.unranked && (
              <span title={r.unranked}>
                <Tag>{t('resultsui.not_ranked')}</Tag>
                <span className="muted small">{r.unranked.replace(/^[^:]*:\s*/, '')}</span>
              </span>
            )}
          </span>
        ),
      },
    ],
    [t, points, bandLabel, onSelect],
  );
  const groupName = t(`results.group.${props.group}`);
  return (
    <section aria-labelledby="ranking-title" className="panel ranking">
      <h3 id="ranking-title">{t('resultsui.ranking_label', { group: groupName })}</h3>
      <div className="toolbar">
        <Input type="search" allowClear className="search" data-testid="ranking-search" placeholder={t('resultsui.search')} aria-label={t('resultsui.search')} value={props.search} onChange={(e) => props.onSearch(e.target.value)} />
        <Select
          className="band-filter"
          data-testid="ranking-band"
          aria-label={t('resultsui.band_filter')}
          value={props.band}
          onChange={props.onBand}
          style={{ width: 200 }}
          options={[{ value: '', label: t('resultsui.band_all') }, ...view.bands.map((b) => ({ value: b.code, label: `${b.code} · ${b.label}` })), { value: '-', label: t('resultsui.band_none') }]}
        />
        <span className="count" data-testid="ranking-count" role="status">
          {t('resultsui.shown', { n: props.rows.length })}
        </span>
      </div>
      {props.filter && (
        <div className="filter-banner" data-testid="ranking-filter">
          <span>{t('resultsui.filter_on', { label: props.filter.label, n: props.rows.length })}</span>
          <Button size="small" data-testid="ranking-filter-clear" onClick={props.onClearFilter}>
            {t('resultsui.filter_clear')}
          </Button>
        </div>
      )}
      <VirtualTable
        rows={props.rows}
        columns={columns}
        height={440}
        rowKey={(r) => r.code}
        rowTestId={(r) => `rank-row-${r.code}`}
        label={t('resultsui.ranking_label', { group: groupName })}
        testId="ranking"
        sort={props.sort as VSort | null}
        onSort={(s) => props.onSort(s as RankSort | null)}
        selected={props.selected}
      />
    </section>
  );
}
