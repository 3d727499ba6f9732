import { useT } from '../../app/i18n.tsx';

/** Placeholder until the section is built: its heading only. */
export default function ReportsScreen() {
  const { t } = useT();
  return (
    <main>
      <h1 className="agency-title">{t('shell.nav.reports')}</h1>
    </main>
  );
}
