import { useT } from '../../app/i18n.tsx';

/** Placeholder until the section is built: its heading only. */
export default function InboxScreen() {
  const { t } = useT();
  return (
    <main>
      <h1 className="agency-title">{t('shell.nav.inbox')}</h1>
    </main>
  );
}
