import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { fingerprintGroups } from '../../../../shared/campaign/setup.ts';
import { api } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText, unwrap } from '../../app/query.ts';
import { campaignKeys, handOver } from './api.ts';

/** Home Affairs' key fingerprint in groups of four, for an agency to read back over the phone. */
export function Fingerprint({ fingerprint }: { fingerprint: string }) {
  const { t } = useT();
  const groups = fingerprintGroups(fingerprint);
  return (
    <figure className="campaign-fingerprint">
      <figcaption>{t('campaignui.export.fingerprint')}</figcaption>
      <p className="campaign-fingerprint-groups" data-testid="campaign-fingerprint" aria-label={t('campaignui.export.fingerprint_spoken', { groups: groups.join(', ') })}>
        {groups.map((g, i) => (
          <span key={i}>{g}</span>
        ))}
      </p>
      <p className="muted">{t('campaignui.export.fingerprint_hint')}</p>
    </figure>
  );
}

/** Step 8: the signed campaign file (saved through the dialog in the desktop app, downloaded in the browser) and the key to check by phone. */
export function ExportStep({ fingerprint }: { fingerprint: string | null }) {
  const { t } = useT();
  const qc = useQueryClient();
  const exp = useMutation({
    mutationFn: () => unwrap(api.campaignExport({})),
    onSuccess: (r) => {
      handOver(r);
      void qc.invalidateQueries({ queryKey: campaignKeys.state() });
    },
  });
  const r = exp.data;
  return (
    <div className="campaign-step-body" data-testid="campaign-export">
      <p>{t('campaignui.export.intro')}</p>
      <Button type="primary" onClick={() => exp.mutate()} loading={exp.isPending} data-testid="campaign-export-file">
        {t('campaignui.export.button')}
      </Button>
      {exp.isError && <Alert type="error" showIcon title={errorText(exp.error, t)} data-testid="campaign-export-refused" />}
      {r && !r.savedTo && !r.base64 && <Alert type="info" showIcon title={t('campaignui.export.cancelled')} />}
      {r && (r.savedTo || r.base64) && <Alert type="success" showIcon role="status" title={t('campaignui.export.done', { file: r.savedTo ?? r.fileName })} data-testid="campaign-export-done" />}
      {fingerprint && <Fingerprint fingerprint={fingerprint} />}
    </div>
  );
}
