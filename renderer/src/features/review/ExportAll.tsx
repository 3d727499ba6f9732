import { Alert, Button, Modal, Progress } from 'antd';
import { useEffect, useState } from 'react';
import { api, isDesktop } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { IpcError, errorText } from '../../app/query.ts';
import { FolderField } from '../../ui/FolderField.tsx';
import { useExportAll } from './api.ts';

/**
 * "Xuất kết quả vòng 1 của mọi cơ quan": every agency appraised in round 1, one signed file each,
 * into a folder; the progress while it writes, then what was written. Files already in the folder
 * are never replaced silently: the refusal names them, and replacing them is a second, explicit step.
 */
export function ExportAll() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState('');
  const [required, setRequired] = useState(false);
  const [jobId, setJobId] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const run = useExportAll();
  useEffect(() => api.onJobProgress((e) => (e.jobId === jobId && e.total ? setProgress({ done: e.done, total: e.total }) : undefined)), [jobId]);
  const exists = run.error instanceof IpcError && run.error.code === 'review.export_exists';
  const start = (overwrite: boolean) => {
    if (!folder.trim()) return setRequired(true);
    setRequired(false);
    const id = `review-export-${Date.now()}`;
    setJobId(id);
    setProgress(null);
    run.mutate({ folder: folder.trim(), overwrite, jobId: id });
  };
  const close = () => {
    setOpen(false);
    run.reset();
    setProgress(null);
  };
  return (
    <>
      <Button data-testid="review-export-all" onClick={() => setOpen(true)}>
        {t('review.export_all')}
      </Button>
      <Modal open={open} title={t('review.export_all_title')} onCancel={close} footer={null} destroyOnHidden>
        <p>{t('review.export_all_help')}</p>
        <FolderField
          value={folder}
          onChange={setFolder}
          label={t('review.export_folder')}
          error={required ? t('review.export_folder_required') : run.isError ? errorText(run.error, t) : null}
          help={t('review.export_folder_help')}
          canPick={isDesktop}
          testId="review-export-folder"
          autoFocus
        />
        {run.isPending && progress && <Progress percent={Math.round((100 * progress.done) / progress.total)} format={() => t('review.export_progress', { done: progress.done, total: progress.total })} data-testid="review-export-progress" />}
        {run.data && (
          <Alert
            type={run.data.failed.length ? 'warning' : 'success'}
            showIcon
            data-testid="review-export-summary"
            title={t('review.export_written', { n: run.data.written.length, folder: run.data.folder })}
            description={
              <ul className="review-export-list">
                {run.data.written.map((w) => (
                  <li key={w.agency} data-testid="review-export-file">
                    {w.file}
                  </li>
                ))}
                {run.data.failed.map((f) => (
                  <li key={f.agency} data-testid="review-export-failed">
                    {f.agency}: {f.reason}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <div className="panel-actions">
          {!run.data && (
            <Button type="primary" data-testid="review-export-all-run" loading={run.isPending} onClick={() => start(false)}>
              {t('review.export_run')}
            </Button>
          )}
          {exists && (
            <Button danger data-testid="review-export-overwrite" onClick={() => start(true)}>
              {t('review.export_overwrite')}
            </Button>
          )}
          <Button data-testid="review-export-close" onClick={close}>
            {t('review.close')}
          </Button>
        </div>
      </Modal>
    </>
  );
}
