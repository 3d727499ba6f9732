import { Alert, Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import type { ReceivedAppraisalView } from '../../../../shared/ipc/index.ts';
import { MAX_EVIDENCE_BYTES, type PickedFile } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { IpcError, errorText } from '../../app/query.ts';
import { toPickedFile } from '../../app/files.ts';
import { useImportAppraisal } from './api.ts';

/** What was received: the round, the status, the totals appraised vs self, how many items carry a comment. */
export function AppraisalSummary({ view }: { view: ReceivedAppraisalView }) {
  const { t, points } = useT();
  return (
    <Descriptions bordered size="small" column={1} title={t('round2.summary_title')} data-testid="appraisal-summary">
      <Descriptions.Item label={t('round2.round')}>
        <span data-testid="summary-round">{t('round2.round_n', { round: view.round })}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('round2.status')}>
        <span data-testid="summary-status">{t(`app.status.${view.status}`)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('round2.total_self')}>
        <span data-testid="summary-self">{`${points(view.totals.self)} / ${points(view.totals.max)}`}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('round2.total_appraised')}>
        <span data-testid="summary-appraised">{`${points(view.totals.appraised)} / ${points(view.totals.max)}`}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('round2.commented')}>
        <span data-testid="summary-commented">{t('round2.commented_n', { n: view.commented.length })}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * "Nhận kết quả thẩm định": the toolbar button and its dialog. The appraisal file is picked or
 * dropped; a refused file is said at the file field, every reason, in the user's words; a file
 * received shows what it says.
 */
export function ImportAppraisal({ agency }: { agency: string }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const [reading, setReading] = useState(false);
  const imp = useImportAppraisal(agency);
  const close = () => (setOpen(false), setError(null), imp.reset());

  const pick = async (f: File) => {
    setError(null);
    imp.reset();
    if (f.size > MAX_EVIDENCE_BYTES) {
      setError([t('entry.evidence_too_large', { sizeMb: Math.ceil(f.size / 1048576), maxMb: MAX_EVIDENCE_BYTES / 1048576 })]);
      return;
    }
    setReading(true);
    let file: PickedFile;
    try {
      file = await toPickedFile(f);
    } catch {
      setError([t('officer.evidence_unreadable', { name: f.name })]);
      return;
    } finally {
      setReading(false);
    }
    imp.mutate(file, { onError: (e) => setError(e instanceof IpcError && e.issues.length > 0 ? e.issues : [errorText(e, t)]) });
  };
  const busy = reading || imp.isPending;

  return (
    <>
      <Button data-testid="appraisal-open" onClick={() => setOpen(true)}>
        {t('round2.open')}
      </Button>
      <Modal
        open={open}
        title={t('round2.dialog_title')}
        onCancel={close}
        footer={<Button type="primary" onClick={close} data-testid="appraisal-close">{t('round2.close')}</Button>}
        destroyOnHidden
      >
        <div className="appraisal-import" data-testid="appraisal-import">
          <p id="appraisal-file-label" className="field-label">{t('round2.file_label')}</p>
          <FileDrop
            className="evidence-drop"
            testId="appraisal-drop"
            accept=".parscore"
            disabled={busy}
            onFile={(f) => void pick(f)}
            title={t('round2.drop')}
            hint={<span className="muted" role="status">{reading ? t('round2.reading') : imp.isPending ? t('round2.importing') : ''}</span>}
          />
          {error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="appraisal-error"
              title={t('round2.refused')}
              description={error.map((m) => <div key={m}>{m}</div>)}
            />
          )}
          {imp.data && <AppraisalSummary view={imp.data} />}
        </div>
      </Modal>
    </>
  );
}
