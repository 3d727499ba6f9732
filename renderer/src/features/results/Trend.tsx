import { Alert } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { PickedFile, ResultsView } from '../../../../shared/ipc/index.ts';
import { MAX_RESULTS_BYTES } from '../../../../shared/ipc/index.ts';
import { formatNumber } from '../../../../shared/i18n/numbers.ts';
import { toPickedFile } from '../../app/files.ts';
import { useT } from '../../app/i18n.tsx';
import { IpcError, errorText } from '../../app/query.ts';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { LineChart } from '../../ui/LineChart.tsx';
import { useLoadEarlier } from './api.ts';

const GROUPS = ['department', 'district', 'commune'] as const;

/** Earlier years loaded from their results.json, and each group's average index over the years. */
export function Trend({ view }: { view: ResultsView }) {
  const { t, points, lang } = useT();
  const load = useLoadEarlier();
  const [problem, setProblem] = useState<string[] | null>(null);
  const trend = view.trend;
  const present = GROUPS.filter((g) => trend.some((p) => p.groups.some((x) => x.group === g)));
  const categories = useMemo(() => trend.map((p) => String(p.year)), [trend]);
  const series = useMemo(() => present.map((g) => ({ name: t(`results.group.${g}`), values: trend.map((p) => p.groups.find((x) => x.group === g)?.averageIndex ?? null) })), [trend, t]);
  // The axis from the round ten below the lowest average: the years' differences stay visible.
  const lows = series.flatMap((x) => x.values).filter((v): v is number => v !== null);
  const floor = lows.length ? Math.max(0, Math.floor(Math.min(...lows) / 10) * 10 - 10) : 0;
  const fmt = useCallback((n: number) => formatNumber(lang, n, 2), [lang]);
  const text = t('resultsui.trend_chart', {
    list: present.map((g) => t('resultsui.trend_group', { group: t(`results.group.${g}`), list: trend.map((p) => t('resultsui.trend_year', { year: String(p.year), value: (() => { const v = p.groups.find((x) => x.group === g)?.averageIndex; return v == null ? '—' : points(v); })() })).join(', ') })).join('; '),
  });
  const pick = async (f: File) => {
    setProblem(null);
    if (f.size > MAX_RESULTS_BYTES) return setProblem([t('resultsui.too_large', { file: f.name, sizeMb: Math.ceil(f.size / 1048576), maxMb: MAX_RESULTS_BYTES / 1048576 })]);
    let file: PickedFile;
    try {
      file = await toPickedFile(f);
    } catch {
      return setProblem([t('resultsui.file_unreadable', { file: f.name })]);
    }
    load.mutate(file, { onError: (e) => setProblem(e instanceof IpcError && e.issues.length > 0 ? e.issues : [errorText(e, t)]) });
  };
  return (
    <section aria-labelledby="trend-title" className="panel" data-testid="trend">
      <h2 id="trend-title">{t('resultsui.trend_title')}</h2>
      <p className="muted">{t('resultsui.trend_hint')}</p>
      <div data-testid="trend-drop">
          <FileDrop className="evidence-drop" testId="trend-drop-area" accept=".json" disabled={load.isPending} onFile={(f) => void pick(f)} title={t('resultsui.trend_drop')} />
        </div>
      {problem && <Alert type="error" showIcon role="alert" data-testid="trend-refused" title={t('resultsui.refused')} description={problem.map((m) => <div key={m}>{m}</div>)} />}
      {load.data && !problem && <p role="status" data-testid="trend-loaded">{t('resultsui.trend_loaded', { year: String(load.data.year) })}</p>}
      {trend.length > 0 && (
        <>
          <LineChart categories={categories} series={series} min={floor} max={100} description={text} testId="trend-chart" format={fmt} />
          <p className="visually-hidden" data-testid="trend-text">{text}</p>
          <table className="plain-table" data-testid="trend-table">
            <thead>
              <tr>
                <th scope="col">{t('resultsui.trend.year')}</th>
                {present.map((g) => (
                  <th scope="col" key={g} className="num">{t(`results.group.${g}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.map((p) => (
                <tr key={p.year} data-testid={`trend-year-${p.year}`}>
                  <th scope="row">{p.current ? t('resultsui.trend.current', { year: String(p.year) }) : String(p.year)}</th>
                  {present.map((g) => {
                    const v = p.groups.find((x) => x.group === g)?.averageIndex;
                    return <td key={g} className="num">{v == null ? '—' : points(v)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
