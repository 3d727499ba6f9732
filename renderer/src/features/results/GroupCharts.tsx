import { Button } from 'antd';
import { useCallback, useMemo } from 'react';
import type { GroupView, RankingFilter, ResultsView } from '../../../../shared/ipc/index.ts';
import { formatNumber } from '../../../../shared/i18n/numbers.ts';
import { useT } from '../../app/i18n.tsx';
import { BarChart } from '../../ui/BarChart.tsx';

/** A group's band distribution (each count opens its agencies) and its per-area averages. */
export function GroupCharts({ view, group, onOpen }: { view: ResultsView; group: GroupView; onOpen: (f: RankingFilter) => void }) {
  const { t, points, title, lang } = useT();
  const groupName = t(`results.group.${group.group}`);
  const label = (code: string) => view.bands.find((b) => b.code === code)?.label ?? code;
  const bandBars = useMemo(() => group.bands.map((b) => ({ label: `${b.code} · ${label(b.code)}`, value: b.count, text: formatNumber(lang, b.count, 0) })), [group, lang]);
  const maxCount = Math.max(1, ...group.bands.map((b) => b.count));
  const bandText = t('resultsui.bands_chart', { group: groupName, list: group.bands.map((b) => t('resultsui.band_item', { label: label(b.code), n: formatNumber(lang, b.count, 0) })).join(', ') });
  const areaBars = useMemo(() => group.areas.map((a) => ({ label: `${a.code}. ${title(a.title)}`, value: a.average ?? 0, text: a.average === null ? '—' : `${points(a.average)}%` })), [group, title, points]);
  const areaText = t('resultsui.areas_chart', { group: groupName, list: group.areas.map((a) => t('resultsui.area_item', { title: title(a.title), value: a.average === null ? '—' : points(a.average) })).join('; ') });
  const pct = useCallback((n: number) => formatNumber(lang, n, 0), [lang]);
  return (
    <div className="results-charts">
      <section aria-labelledby="bands-title" className="panel">
        <h3 id="bands-title">{t('resultsui.bands_title')}</h3>
        <BarChart bars={bandBars} max={maxCount} description={bandText} testId={`bands-chart-${group.group}`} axisFormat={pct} />
        <p className="visually-hidden" data-testid={`bands-text-${group.group}`}>{bandText}</p>
        <div className="band-counts">
          {group.bands.map((b) => (
            <Button key={b.code} size="small" data-testid={`band-count-${group.group}-${b.code}`} disabled={b.count === 0} onClick={() => onOpen({ group: group.group, band: b.code, label: `${groupName} · ${label(b.code)}` })}>
              {t('resultsui.band_count', { label: label(b.code), n: formatNumber(lang, b.count, 0) })}
            </Button>
          ))}
        </div>
      </section>
      <section aria-labelledby="areas-title" className="panel">
        <h3 id="areas-title">{t('resultsui.areas_title')}</h3>
        <BarChart bars={areaBars} max={100} description={areaText} testId={`areas-chart-${group.group}`} axisFormat={pct} />
        <p className="visually-hidden" data-testid={`areas-text-${group.group}`}>{areaText}</p>
      </section>
    </div>
  );
}
