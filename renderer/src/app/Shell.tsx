import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { MenuCommand } from '../../../shared/app/menu.ts';
import { summaryQuery } from '../features/overview/api.ts';
import { AboutDialog, appInfoQuery } from './AboutDialog.tsx';
import { isDesktop, onBackendLost } from './bridge.ts';
import { runPageCommand, useMenuCommands } from './commands.ts';
import { settingsQuery, useLang, useT } from './i18n.tsx';
import { MenuBar } from './MenuBar.tsx';
import { navigate, useRoute } from './router.ts';
import { StatusBar } from './StatusBar.tsx';

// Screens load on first use: the first screen's bundle holds only the shell and the overview.
const OverviewScreen = lazy(() => import('../features/overview/OverviewScreen.tsx'));
const AgencyScreen = lazy(() => import('../features/agency/AgencyScreen.tsx'));

/** The application frame: menu bar (browser mode), repair notices, the current screen, status bar, About box. */
export function Shell() {
  const { t } = useT();
  const { setLang } = useLang();
  const route = useRoute();
  const [about, setAbout] = useState(false);
  const [lost, setLost] = useState(false);
  const summary = useQuery(summaryQuery);
  const settings = useQuery(settingsQuery);
  const info = useQuery(appInfoQuery);
  useEffect(() => onBackendLost(setLost), []);

  const run = (command: MenuCommand) => runPageCommand(command, { setLang, about: () => setAbout(true), overview: () => navigate('/') });
  useMenuCommands(run);

  return (
    <div className="shell" data-app-state={summary.data ? 'loaded' : summary.isError ? 'error' : 'loading'}>
      {!isDesktop && <MenuBar recent={settings.data?.recent ?? []} onCommand={run} />}
      {lost && <Alert type="error" showIcon banner title={t('shell.backend_lost')} role="alert" />}
      {summary.data && summary.data.notices.length > 0 && (
        <Alert type="warning" showIcon closable className="notice" title={summary.data.notices.map((n) => <div key={n}>{n}</div>)} role="status" />
      )}
      <div className="screen">
        <Suspense fallback={<Spin className="screen-loading" />}>
          {route.screen === 'overview' && <OverviewScreen />}
          {route.screen === 'agency' && <AgencyScreen code={route.code} />}
          {route.screen === 'not-found' && <main><p>{t('shell.not_found')}</p></main>}
        </Suspense>
      </div>
      <StatusBar summary={summary.data} workspacePath={info.data?.workspacePath} />
      <AboutDialog open={about} onClose={() => setAbout(false)} />
    </div>
  );
}
