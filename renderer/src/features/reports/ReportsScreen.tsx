import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Progress, Space } from 'antd';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { JobProgress, ReportRunView } from '../../../../shared/ipc/index.ts';
import { api, isDesktop } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { IpcError, SAVE_KEY, errorText, unwrap } from '../../app/query.ts';
import { DayField } from '../../ui/DayField.tsx';
import { FolderField } from '../../ui/FolderField.tsx';
import { handOver } from '../awards/api.ts';

export const reportsQuery = () => ({ queryKey: ['reports', 'options'] as const, queryFn: () => unwrap(api.reportOptions({})) });

let jobs = 0;

/**
 * Reports (báo cáo): which of the official workbooks, where, with which document number and date
 * (the campaign's issuer gives the defaults); progress while they are written; then the files,
 * each downloadable in the browser mode, and the folder (opened in Electron, copied otherwise).
 * The same files as `parscore report DIR --out FOLDER --only …`.
 */
export default function ReportsScreen() {
  const { t } = useT();
  const options = useQuery(reportsQuery());
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [folder, setFolder] = useState('');
  const [number, setNumber] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [copied, setCopied] = useState(false);
  const jobId = useRef('');
  const numberId = useId();
  useEffect(() => api.onJobProgress((e) => (e.jobId === jobId.current ? setProgress(e) : undefined)), []);
  const write = useMutation({
    mutationKey: SAVE_KEY,
    mutationFn: (input: { names: string[]; folder: string; number: string; date: string }) => {
      jobId.current = `reports-${Date.now()}-${++jobs}`;
      setProgress(null);
      return unwrap(api.reportWrite({ ...input, jobId: jobId.current }));
    },
  });
  const download = useMutation({ mutationFn: async (v: { runId: string; file: number }) => handOver(await unwrap(api.reportDownload(v))) });
  const open = useMutation({ mutationFn: (runId: string) => unwrap(api.reportOpenFolder({ runId })) });
  const view = options.data;
  const names = useMemo(() => chosen ?? view?.reports.map((r) => r.name) ?? [], [chosen, view]);

  const heading = <h1 className="agency-title">{t('reportsui.title')}</h1>;
  if (options.isError) return <main>{heading}<Alert type="error" showIcon title={t('app.error')} description={errorText(options.error, t)} /></main>;
  if (!view) return <main aria-busy="true">{heading}{t('app.loading')}</main>;
  const error = write.error ? errorText(write.error, t) : null;
  // Where the refusal belongs: the folder, the number, the date, or the run as a whole.
  const code = write.error instanceof IpcError ? write.error.code : '';
  const at = code.startsWith('reportsui.folder') ? 'folder' : code === 'service.report_bad_number' ? 'number' : code === 'service.report_bad_date' || code === 'doc.implausible_date' ? 'date' : 'run';
  const fieldError = (f: string) => (error && at === f ? <span role="alert" data-testid={`reports-${f}-error`}>{error}</span> : null);
  const none = chosen !== null && chosen.length === 0;
  const run: ReportRunView | undefined = write.data;
  const percent = progress?.total ? Math.round((100 * progress.done) / progress.total) : 0;

  return (
    <main data-testid="reports-screen">
      {heading}
      <p className="muted">{t('reportsui.intro')}</p>
      <Form layout="vertical" className="reports-form" onFinish={() => write.mutate({ names, folder, number: number ?? view.number, date: date ?? view.date })}>
        <fieldset className="reports-choice">
          <legend>{t('reportsui.which')}</legend>
          <Checkbox.Group value={names} onChange={(v) => setChosen(v as string[])}>
            <Space direction="vertical">
              {view.reports.map((r) => (
                <Checkbox key={r.name} value={r.name} data-testid={`report-choice-${r.name}`}>
                  {r.name === 'agencies' ? t('reportsui.agencies', { title: r.title, n: view.agencies }) : `${r.title}.xlsx`}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
          <div>
            <Button type="link" onClick={() => setChosen(view.reports.map((r) => r.name))}>{t('reportsui.all')}</Button>
            <Button type="link" onClick={() => setChosen([])}>{t('reportsui.none')}</Button>
          </div>
          {none && <div role="alert" className="field-error" data-testid="reports-none-error">{t('reportsui.none_chosen')}</div>}
        </fieldset>
        <FolderField label={t('reportsui.folder')} value={folder} onChange={setFolder} error={at === 'folder' ? error : null} help={t('reportsui.folder_help')} canPick={isDesktop} testId="reports-folder" />
        <Space wrap align="start">
          <Form.Item label={t('reportsui.number')} htmlFor={numberId} validateStatus={fieldError('number') ? 'error' : ''} help={fieldError('number') ?? t('reportsui.number_help')}>
            <Input id={numberId} data-testid="reports-number" value={number ?? view.number} onChange={(e) => setNumber(e.target.value)} maxLength={60} />
          </Form.Item>
          <DayField label={t('reportsui.date')} testId="reports-date" value={date ?? view.date} onChange={setDate} help={t('reportsui.date_help')} error={at === 'date' ? error : null} />
        </Space>
        {error && at === 'run' && <Alert type="error" showIcon title={t('reportsui.failed')} description={error} data-testid="reports-error" />}
        <div>
          <Button type="primary" htmlType="submit" data-testid="reports-write" loading={write.isPending} disabled={none}>
            {t('reportsui.write')}
          </Button>
        </div>
      </Form>
      {write.isPending && (
        <div data-testid="reports-progress" aria-live="polite">
          <Progress percent={percent} aria-label={t('reportsui.progress_label')} />
          {progress?.total ? t('reportsui.progress', { done: progress.done, total: progress.total }) : t('reportsui.starting')}
        </div>
      )}
      {run && !write.isPending && (
        <section data-testid="reports-done" aria-labelledby="reports-done-title">
          <h2 id="reports-done-title">{t('reportsui.done', { n: run.files.length })}</h2>
          <Space wrap>
            <code data-testid="reports-done-folder">{run.folder}</code>
            {view.canOpenFolder ? (
              <Button data-testid="reports-open" onClick={() => open.mutate(run.runId)}>{t('reportsui.open')}</Button>
            ) : (
              <Button
                data-testid="reports-copy"
                onClick={() => {
                  void navigator.clipboard?.writeText(run.folder).then(() => setCopied(true), () => setCopied(false));
                }}
              >
                {copied ? t('reportsui.copied') : t('reportsui.copy')}
              </Button>
            )}
          </Space>
          {open.isError && <Alert type="error" showIcon title={errorText(open.error, t)} />}
          <ul className="reports-files" data-testid="reports-files">
            {run.files.map((f, i) => (
              <li key={f}>
                {isDesktop ? (
                  f
                ) : (
                  <Button type="link" data-testid={`reports-file-${i}`} onClick={() => download.mutate({ runId: run.runId, file: i })}>
                    {f}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
