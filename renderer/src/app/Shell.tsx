import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Spin } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { MenuCommand } from '../../../shared/app/menu.ts';
import { summaryQuery } from '../features/overview/api.ts';
import { AboutDialog, appInfoQuery } from './AboutDialog.tsx';
import { api, isDesktop, onBackendLost } from './bridge.ts';
import { forgetHistories } from '../features/agency/useHistory.ts';
import { runPageCommand, useMenuCommands } from './commands.ts';
import { settingsQuery, useLang, useT } from './i18n.tsx';
import { MenuBar } from './MenuBar.tsx';
import { errorText, unwrap } from './query.ts';
import { navigate, useRoute } from './router.ts';
import { StatusBar } from './StatusBar.tsx';
import { HomeAffairsNav } from './HomeAffairsNav.tsx';
import { startStateQuery, useCloseWorkspace } from '../features/welcome/api.ts';
import { Notices } from '../features/welcome/Notices.tsx';

// Screens load on first use: the first screen's bundle holds only the shell and the overview.
const OverviewScreen = lazy(() => import('../features/overview/OverviewScreen.tsx'));
const AgencyScreen = lazy(() => import('../features/agency/AgencyScreen.tsx'));
const SendScreen = lazy(() => import('../features/send/SendScreen.tsx'));
const WelcomeScreen = lazy(() => import('../features/welcome/WelcomeScreen.tsx'));
const FiguresScreen = lazy(() => import('../features/declared/FiguresScreen.tsx'));
const AdjustmentsScreen = lazy(() => import('../features/declared/AdjustmentsScreen.tsx'));
const NominationsScreen = lazy(() => import('../features/nominations/NominationsScreen.tsx'));
// Home Affairs' sections (HomeAffairsNav), one feature each.
const CampaignScreen = lazy(() => import('../features/campaign/CampaignScreen.tsx'));
const InboxScreen = lazy(() => import('../features/inbox/InboxScreen.tsx'));
const ReviewScreen = lazy(() => import('../features/review/ReviewScreen.tsx'));
const SurveyScreen = lazy(() => import('../features/survey/SurveyScreen.tsx'));
const ResultsScreen = lazy(() => import('../features/results/ResultsScreen.tsx'));
const AwardsScreen = lazy(() => import('../features/awards/AwardsScreen.tsx'));
const ReportsScreen = lazy(() => import('../features/reports/ReportsScreen.tsx'));
const AuditScreen = lazy(() => import('../features/audit/AuditScreen.tsx'));

/** The application frame: menu bar (browser mode), repair notices, the current screen, status bar, About box. */
export function Shell() {
  const { t } = useT();
  const { setLang } = useLang();
  const route = useRoute();
  const [about, setAbout] = useState(false);
  const [lost, setLost] = useState(false);
  const start = useQuery(startStateQuery);
  const none = start.data?.hasWorkspace === false;
  const summary = useQuery({ ...summaryQuery, enabled: start.data?.hasWorkspace === true });
  const closeWorkspace = useCloseWorkspace();
  const settings = useQuery(settingsQuery);
  const info = useQuery(appInfoQuery);
  useEffect(() => onBackendLost(setLost), []);
  const qc = useQueryClient();
  const { notification } = AntApp.useApp();
  // Another workspace: everything cached belonged to the old one.
  const open = useMutation({
    mutationFn: (path: string) => unwrap(api.workspaceOpen({ path })),
    onSuccess: () => {
      navigate('/');
      void qc.resetQueries({ predicate: (q) => q.queryKey[0] !== 'settings' });
      forgetHistories(); // the undo history too: its edits were the old workspace's
      void qc.invalidateQueries({ queryKey: settingsQuery.queryKey }); // the recent list changed
    },
    onError: (e) => notification.error({ title: t('shell.recent_open_failed'), description: errorText(e, t) }),
  });

  const run = (command: MenuCommand, path?: string) => {
    if (command === 'file.openRecent') return path ? open.mutate(path) : undefined;
    if (command === 'file.close') return void closeWorkspace().catch((e: Error) => notification.error({ title: t('start.failed'), description: errorText(e, t) }));
    runPageCommand(command, { setLang, about: () => setAbout(true), overview: () => navigate('/') });
  };
  useMenuCommands(run);
  const ownAgency = summary.data?.role === 'agency' && summary.data.agencies.length === 1 ? summary.data.agencies[0]!.code : null;

  return (
    <div className="shell" data-app-state={summary.data || none ? 'loaded' : summary.isError || start.isError ? 'error' : 'loading'}>
      {!isDesktop && <MenuBar recent={settings.data?.recent ?? []} current={info.data?.workspacePath} onCommand={run} onOpenRecent={(p) => open.mutate(p)} />}
      {summary.data && !none && summary.data.role === 'home-affairs' && <HomeAffairsNav route={route} />}
      {lost && <Alert type="error" showIcon banner title={t('shell.backend_lost')} role="alert" data-testid="backend-lost" />}
      {summary.data && !none && <Notices notices={summary.data.notices} />}
      {summary.data && !none && summary.data.role === 'home-affairs' && summary.data.campaign === null && <Alert type="info" showIcon banner className="notice" data-testid="next-step" title={t('start.next_step')} />}
      <div className="screen">
        <Suspense fallback={<Spin className="screen-loading" />}>
          {/* An agency's own workspace opens on its criteria tree: the officer's main screen. */}
          {none && <WelcomeScreen state={start.data!} />}
          {none ? null : route.screen === 'overview' && (ownAgency ? <AgencyScreen code={ownAgency} home /> : <OverviewScreen />)}
          {!none && route.screen === 'agency' && <AgencyScreen key={route.set ?? ''} code={route.code} item={route.item} set={route.set ?? null} home={route.code === ownAgency} />}
          {!none && route.screen === 'send' && <SendScreen code={route.code} />}
          {!none && route.screen === 'figures' && <FiguresScreen code={route.code} />}
          {!none && route.screen === 'adjustments' && <AdjustmentsScreen code={route.code} />}
          {!none && route.screen === 'nominations' && <NominationsScreen code={route.code} />}
          {!none && route.screen === 'campaign' && <CampaignScreen />}
          {!none && route.screen === 'inbox' && <InboxScreen />}
          {!none && route.screen === 'review' && <ReviewScreen key={route.set ?? ''} code={route.code} item={route.item} set={route.set ?? null} />}
          {!none && route.screen === 'survey' && <SurveyScreen />}
          {!none && route.screen === 'results' && <ResultsScreen />}
          {!none && route.screen === 'awards' && <AwardsScreen />}
          {!none && route.screen === 'reports' && <ReportsScreen />}
          {!none && route.screen === 'audit' && <AuditScreen />}
          {!none && route.screen === 'not-found' && <main><p>{t('shell.not_found')}</p></main>}
        </Suspense>
      </div>
      <StatusBar summary={none ? undefined : summary.data} workspacePath={info.data?.workspacePath} none={none} />
      <AboutDialog open={about} onClose={() => setAbout(false)} />
    </div>
  );
}
