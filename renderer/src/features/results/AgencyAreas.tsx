import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { formatNumber } from '../../../../shared/i18n/numbers.ts';
import { useT } from '../../app/i18n.tsx';
import { CompareBars } from '../../ui/CompareBars.tsx';
import { agencyAreasQuery } from './api.ts';

/** The selected agency's areas against its group's averages. */
export function AgencyAreas({ code }: { code: string | null }) {
  const { t, points, lang } = useT();
  const q = useQuery({ ...agencyAreasQuery(code ?? ''), enabled: code !== null });
  const v = code ? q.data : undefined;
  const labels = useMemo(() => v?.areas.map((a) => `${a.code}. ${a.title}`) ?? [], [v]);
  const series = useMemo(
    () =>
      v
        ? [
            { name: t('resultsui.series.agency'), values: v.areas.map((a) => a.index), color: '#1f4e8c' },
            { name: t('resultsui.series.average'), values: v.areas.map((a) => a.groupAverage), color: '#b3541e' },
          ]
        : [],
    [v, t],
  );
  const pct = useCallback((n: number) => formatNumber(lang, n, 0), [lang]);
  if (!v) return <p className="muted" data-testid="agency-areas-hint">{t('resultsui.agency_hint')}</p>;
  const fmt = (n: number | null) => (n === null ? '—' : points(n));
  const text = t('resultsui.agency_chart', { name: v.name, group: t(`results.group.${v.group}`), list: v.areas.map((a) => t('resultsui.agency_item', { title: a.title, value: fmt(a.index), average: fmt(a.groupAverage) })).join('; ') });
  return (
    <section aria-labelledby="agency-areas-title" className="panel" data-testid="agency-areas">
      <h3 id="agency-areas-title">{t('resultsui.agency_title', { name: v.name })}</h3>
      <CompareBars labels={labels} series={series} max={100} description={text} testId="agency-areas-chart" format={pct} />
      <p className="visually-hidden" data-testid="agency-areas-text">{text}</p>
    </section>
  );
}
