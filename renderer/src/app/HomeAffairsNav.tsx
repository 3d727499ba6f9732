import { useT } from './i18n.tsx';
import { HA_SECTIONS, type HaSection, type Route } from './router.ts';

/**
 * Home Affairs' sections as a row of links under the menu bar, in the order of the year's work:
 * agencies, campaign, inbox, survey, results, commendation, reports, audit log. Links, so Tab
 * reaches each and Enter opens it; the current one is marked for screen readers too.
 */
export function HomeAffairsNav({ route }: { route: Route }) {
  const { t } = useT();
  const current: HaSection = route.screen === 'overview' || route.screen === 'agency' || route.screen === 'review' ? 'overview' : (HA_SECTIONS as readonly string[]).includes(route.screen) ? (route.screen as HaSection) : 'overview';
  return (
    <nav className="ha-nav" aria-label={t('shell.nav.label')} data-testid="ha-nav">
      {HA_SECTIONS.map((s) => (
        <a key={s} href={`#/${s === 'overview' ? '' : s}`} className={s === current ? 'ha-nav-link current' : 'ha-nav-link'} aria-current={s === current ? 'page' : undefined} data-testid={`nav-${s}`}>
          {t(`shell.nav.${s}`)}
        </a>
      ))}
    </nav>
  );
}
