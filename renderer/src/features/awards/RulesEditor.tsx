import { useT } from '../../app/i18n.tsx';

/**
 * The campaign's commendation rules, each rule's parameters in a form, with a preview of whom they
 * would select once results exist. Placeholder until built; the campaign setup shows it as a step.
 */
export function RulesEditor() {
  const { t } = useT();
  return <p className="muted">{t('shell.nav.awards')}</p>;
}
