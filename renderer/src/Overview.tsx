import { useMemo, useState } from 'react';
import type { WorkspaceSummary } from '../../shared/ipc/contract.ts';
import { useT } from './i18n.tsx';

const TABS = ['all', 'department', 'district', 'commune'] as const;

/** Every agency of the campaign with its status and provisional scores. */
export function Overview({ summary, onOpen }: { summary: WorkspaceSummary; onOpen: (code: string) => void }) {
  const { t, points } = useT();
  const [tab, setTab] = useState<(typeof TABS)[number]>('all');
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
    const q = query.trim().toLocaleLowerCase('vi');
    return summary.agencies.filter(
      (a) => (tab === 'all' || a.group === tab) && (!q || a.name.toLocaleLowerCase('vi').includes(q) || a.code.toLocaleLowerCase('vi').includes(q)),
    );
  }, [summary, tab, query]);

  return (
    <main>
      <div className="toolbar">
        <div role="tablist" className="tabs">
          {TABS.map((g) => (
            <button key={g} role="tab" aria-selected={tab === g} className={tab === g ? 'tab active' : 'tab'} onClick={() => setTab(g)}>
              {t(`app.tab.${g}`)}
            </button>
          ))}
        </div>
        <input className="search" type="search" placeholder={t('app.search')} aria-label={t('app.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="count">{t('app.count', { shown: rows.length, total: summary.agencies.length })}</span>
      </div>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('app.col.code')}</th>
            <th>{t('app.col.name')}</th>
            <th>{t('app.col.status')}</th>
            <th className="num">{t('app.col.progress')}</th>
            <th className="num">{t('app.col.self')}</th>
            <th className="num">{t('app.col.index')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.code} onClick={() => onOpen(a.code)} className="clickable">
              <td className="code">{a.code}</td>
              <td>
                <button className="link" onClick={() => onOpen(a.code)}>
                  {a.name}
                </button>
              </td>
              <td>
                <span className={`status status-${a.status}`}>{t(`app.status.${a.status}`)}</span>
              </td>
              <td className="num">{a.score ? `${a.score.answered}/${a.score.leafCount}` : '—'}</td>
              <td className="num">{a.score ? `${points(a.score.self)} / ${points(a.score.selfMax)}` : '—'}</td>
              <td className="num">{a.score ? `${points(a.score.index)}%` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
