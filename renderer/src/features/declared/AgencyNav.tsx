import { useT } from '../../app/i18n.tsx';
import type { DeclaredScreen } from '../../app/router.ts';

/**
 * The agency's parts of the job, as links (Tab, Enter): the criteria tree, the declared figures,
 * the bonus and penalty, the nominations. The current one is marked for screen readers too.
 */
export function AgencyNav({ code, current }: { code: string; current: 'tree' | DeclaredScreen }) {
  const { t } = useT();
  const links: { key: 'tree' | DeclaredScreen; href: string }[] = [
    { key: 'tree', href: `#/agency/${code}` },
    { key: 'figures', href: `#/agency/${code}/figures` },
    { key: 'adjustments', href: `#/agency/${code}/adjustments` },
    { key: 'nominations', href: `#/agency/${code}/nominations` },
  ];
  return (
    <nav className="agency-nav" aria-label={t('declared.nav.label')} data-testid="agency-nav">
      {links.map((l) => (
        <a key={l.key} href={l.href} aria-current={l.key === current ? 'page' : undefined} className={l.key === current ? 'current' : undefined} data-testid={`nav-${l.key}`}>
          {t(`declared.nav.${l.key}`)}
        </a>
      ))}
    </nav>
  );
}
