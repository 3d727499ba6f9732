import { useT } from '../../app/i18n.tsx';

/** Placeholder until the appraisal screen is built: Home Affairs appraises one agency's criteria set. */
export default function ReviewScreen({ code }: { code: string; set: string | null; item: string | null }) {
  const { t } = useT();
  return (
    <main>
      <h1 className="agency-title">
        {t('shell.nav.review')} {code}
      </h1>
    </main>
  );
}
