import { useCallback, useEffect, useState } from 'react';
import type { WorkspaceSummary } from '../../shared/ipc/contract.ts';
import { AgencyView } from './AgencyView.tsx';
import { api } from './bridge.ts';
import { useT } from './i18n.tsx';
import { Overview } from './Overview.tsx';

export function App() {
  const { t } = useT();
  const [summary, setSummary] = useState<WorkspaceSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [agency, setAgency] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.workspaceSummary({});
    if (r.ok) setSummary(r.value);
    else setError(r.error.message);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <div className="page"><p role="alert" className="error">{t('app.error')}: {error}</p></div>;
  if (!summary) return <div className="page" aria-busy="true">{t('app.loading')}</div>;

  return (
    <div className="page" data-app-state="loaded">
      <header className="topbar">
        <div>
          <div className="brand">ParScore</div>
          <div className="subtitle">{summary.name}</div>
        </div>
        <div className="campaign">
          <span className="role">{t(`app.role.${summary.role}`)}</span>
          <span>{summary.campaign ? summary.campaign.title : t('app.no_campaign')}</span>
        </div>
      </header>
      {summary.notices.length > 0 && (
        <div role="status" className="notice">
          {summary.notices.map((n) => (
            <div key={n}>{n}</div>
          ))}
        </div>
      )}
      {agency ? (
        <AgencyView
          code={agency}
          onBack={() => {
            setAgency(null);
            void load();
          }}
        />
      ) : (
        <Overview summary={summary} onOpen={setAgency} />
      )}
    </div>
  );
}
