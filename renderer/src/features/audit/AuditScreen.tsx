import { useT } from '../../app/i18n.tsx';

/** Placeholder until the section is built: its heading only. */
export default function AuditScreen() {
  const { t } = useT();
  return (
    <main>
      <h1 className="agency-title">{t('shell.nav.audit')}</h1>
    </main>
  );
}
