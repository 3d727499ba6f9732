import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, type DatePickerProps, Form, Progress } from 'antd';
import { type DragEvent, useCallback, useId, useRef, useState } from 'react';
import { type InboxResult, type InboxSource, type InboxVerdictRow, type JobProgress, MAX_STAGE_BYTES } from '../../../../shared/ipc/index.ts';
import { isDesktop } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { IpcError, errorText } from '../../app/query.ts';
import { FolderField } from '../../ui/FolderField.tsx';
import { useElementHeight } from '../../ui/useElementHeight.ts';
import { summaryQuery } from '../overview/api.ts';
import { AcceptKeyDialog } from './AcceptKeyDialog.tsx';
import { type Given, TooLargeForBrowser, cancelImport, droppedFiles, isSubmission, newJobId, runImport, sourceOf, stage } from './api.ts';
import { VerdictTable } from './VerdictTable.tsx';

/** A day as antd's DatePicker gives it (dayjs, antd's own date library). */
type Dayjs = Exclude<NonNullable<DatePickerProps['value']>, unknown[]>;

interface Running {
  jobId: string | null;
  phase: 'reading' | 'import' | 'storing';
  done: number;
  total: number;
  current: string;
  rate: number;
  cancelling: boolean;
}

const NO_ROWS: InboxVerdictRow[] = [];

/** Where a refusal of the whole import is said: the date, the folder, or the drop area. */
type Where = 'date' | 'folder' | 'drop';
const whereOf = (code: string): Where => (code.startsWith('cycle.received_') ? 'date' : code.startsWith('inbox.folder_') ? 'folder' : 'drop');

/**
 * Home Affairs' inbox: many submission files (or a folder) dropped on the window, picked, or a
 * folder typed; a progress bar with the count, the file and the rate, and Stop; one verdict per
 * file, with every reason; a changed key accepted explicitly, file by file.
 */
/**
 * What a received file changes: the overview, and every agency's views (its appraisal, its
 * self-assessment, the results' staleness, the commendation lists) — all but the settings.
 */
const receivedChanges = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== 'settings';

export default function InboxScreen() {
  const { t, date } = useT();
  const qc = useQueryClient();
  const summary = useQuery(summaryQuery);
  const [received, setReceived] = useState<Dayjs | null>(null);
  const [folder, setFolder] = useState('');
  const [running, setRunning] = useState<Running | null>(null);
  const [result, setResult] = useState<InboxResult | null>(null);
  const [errors, setErrors] = useState<{ where: Where; messages: string[] } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [hover, setHover] = useState(false);
  const [keyRow, setKeyRow] = useState<{ row: InboxVerdictRow; index: number } | null>(null);
  const [keyBusy, setKeyBusy] = useState(false);
  const [keyError, setKeyError] = useState<string | null>(null);
  // The files of the last drop (the browser mode re-sends one of them for a new key).
  const given = useRef<File[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const tableBox = useRef<HTMLDivElement>(null);
  const tableHeight = useElementHeight(tableBox);
  const dateId = useId();

  const receivedAt = received ? received.format('YYYY-MM-DD') : undefined;
  const deadline = result?.deadline ?? null;

  const fail = (e: unknown) => {
    if (e instanceof TooLargeForBrowser) setErrors({ where: 'drop', messages: [t('inbox.too_large_browser', { name: e.file, maxMb: MAX_STAGE_BYTES / 1048576 })] });
    else if (e instanceof IpcError) setErrors({ where: whereOf(e.code), messages: e.issues.length > 0 ? e.issues : [errorText(e, t)] });
    else setErrors({ where: 'drop', messages: [String(e)] });
  };

  const progress = (p: JobProgress) =>
    setRunning((r) => (r && r.jobId === p.jobId ? { ...r, phase: p.phase === 'inbox.job.storing' ? 'storing' : 'import', done: p.done, total: p.total ?? r.total, current: p.current ?? r.current, rate: p.rate ?? r.rate } : r));

  async function start(source: () => Promise<InboxSource>, count: number) {
    setErrors(null);
    setNote(null);
    const jobId = newJobId();
    setRunning({ jobId: null, phase: 'reading', done: 0, total: count, current: '', rate: 0, cancelling: false });
    try {
      const src = await source();
      setRunning((r) => (r ? { ...r, jobId, phase: 'import', done: 0 } : r));
      const r = await runImport({ jobId, source: src, ...(receivedAt ? { receivedAt } : {}) }, progress);
      setResult(r);
    } catch (e) {
      fail(e);
    } finally {
      setRunning(null);
      void qc.invalidateQueries({ predicate: receivedChanges });
    }
  }

  async function importGiven(g: Given) {
    if (running) return;
    const files = g.files.filter((f) => isSubmission(f.name));
    const skipped = g.files.length - files.length;
    if (g.folders.length > 0) {
      // The desktop app: a dropped folder is listed by main, as a typed one.
      const [first] = g.folders;
      await start(async () => ({ folder: first! }), 0);
      return;
    }
    if (files.length === 0) {
      setErrors({ where: 'drop', messages: [t('inbox.not_submission', { n: skipped })] });
      return;
    }
    given.current = files;
    let shownAt = 0;
    // The count of files read, redrawn at most every 100 ms (a thousand files read in a few seconds).
    const onRead = (done: number) => {
      const now = performance.now();
      if (done < files.length && now - shownAt < 100) return;
      shownAt = now;
      setRunning((r) => (r ? { ...r, done } : r));
    };
    await start(() => sourceOf(files, onRead), files.length);
    if (skipped > 0) setNote(t('inbox.not_submission', { n: skipped }));
  }

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setHover(false);
    await importGiven(await droppedFiles(e.dataTransfer));
  };

  /** The new key accepted: that one file again, with acceptKeys; its row takes the new verdict. */
  async function acceptKey() {
    if (!keyRow || !result) return;
    const { row, index } = keyRow;
    const change = row.keyChange!;
    setKeyBusy(true);
    setKeyError(null);
    try {
      let source: InboxSource;
      if (row.ref.kind === 'path') source = { paths: [row.ref.path] };
      else if (row.ref.kind === 'folder') source = { folder: row.ref.folder, only: [row.ref.name] };
      else {
        const file = given.current[row.ref.kind === 'batch' ? row.ref.index : -1];
        if (!file || file.name !== row.file) throw new Error(t('inbox.reimport_gone'));
        source = { batch: await stage([file], () => undefined) };
      }
      const r = await runImport({ jobId: newJobId(), source, acceptKeys: [{ agency: change.agency, fingerprint: change.to }], ...(result.receivedAt ? { receivedAt: result.receivedAt } : {}) }, () => undefined);
      const next = r.verdicts[0]!;
      const verdicts = result.verdicts.map((v, k) => (k === index ? { ...next, ref: v.ref } : v));
      const counts = { accepted: 0, replaced: 0, duplicate: 0, rejected: 0, cancelled: 0 };
      for (const v of verdicts) counts[v.verdict]++;
      setResult({ ...result, verdicts, counts });
      setKeyRow(null);
      void qc.invalidateQueries({ predicate: receivedChanges });
    } catch (e) {
      setKeyError(e instanceof Error ? (e instanceof IpcError ? (e.issues[0] ?? errorText(e, t)) : e.message) : String(e));
    } finally {
      setKeyBusy(false);
    }
  }

  const openKey = useCallback((row: InboxVerdictRow, index: number) => {
    setKeyError(null);
    setKeyRow({ row, index });
  }, []);

  if (summary.data && summary.data.role !== 'home-affairs') {
    return (
      <main>
        <h1 className="agency-title">{t('inbox.title')}</h1>
        <Alert type="info" showIcon title={t('inbox.not_home_affairs')} />
      </main>
    );
  }

  const busy = running !== null;
  const errorAt = (w: Where) => (errors?.where === w ? errors.messages : null);
  const pct = running && running.total > 0 ? Math.floor((running.done / running.total) * 100) : 0;
  const dateErr = errorAt('date');
  const dropErr = errorAt('drop');
  const folderErr = errorAt('folder');

  return (
    <main
      className={`fill inbox${hover ? ' inbox-hover' : ''}`}
      data-testid="inbox"
      onDragOver={(e) => {
        e.preventDefault();
        if (!busy) setHover(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setHover(false);
      }}
      onDrop={(e) => void onDrop(e)}
    >
      <h1 className="agency-title">{t('inbox.title')}</h1>
      <div className="inbox-top">
        <div className="inbox-drop-col">
          <button type="button" className="inbox-drop" data-testid="inbox-drop" disabled={busy} onClick={() => input.current?.click()} aria-describedby={dropErr ? 'inbox-drop-error' : undefined}>
            <strong>{t('inbox.drop_title')}</strong>
            <span className="muted">{t('inbox.drop_hint')}</span>
          </button>
          <input
            ref={input}
            type="file"
            multiple
            accept={'.parscore'}
            hidden
            data-testid="inbox-file-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void importGiven({ files, folders: [] });
            }}
          />
          {dropErr && (
            <div role="alert" id="inbox-drop-error" className="field-error" data-testid="inbox-error">
              {dropErr.map((m, k) => (
                <p key={k}>{m}</p>
              ))}
            </div>
          )}
          {note && <p className="muted" data-testid="inbox-note">{note}</p>}
          <div className="inbox-folder">
            <FolderField value={folder} onChange={setFolder} error={folderErr ? folderErr.join(' ') : null} help={t('inbox.folder_help')} canPick={isDesktop} testId="inbox-folder" label={t('inbox.folder_label')} />
            <Button disabled={busy || folder.trim() === ''} onClick={() => void start(async () => ({ folder: folder.trim() }), 0)} data-testid="inbox-folder-import">
              {t('inbox.import_folder')}
            </Button>
          </div>
        </div>
        <div className="inbox-side">
          <Form.Item
            layout="vertical"
            label={t('inbox.received_label')}
            htmlFor={dateId}
            validateStatus={dateErr ? 'error' : ''}
            help={dateErr ? <span role="alert" data-testid="inbox-received-error">{dateErr.join(' ')}</span> : t('inbox.received_help')}
          >
            <DatePicker
              id={dateId}
              data-testid="inbox-received"
              format="DD/MM/YYYY"
              placeholder={t('inbox.received_placeholder')}
              value={received}
              onChange={(d) => (setReceived(d), setErrors(null))}
              disabledDate={(d) => d.isAfter(new Date(), 'day')}
              disabled={busy}
              allowClear
            />
          </Form.Item>
        </div>
      </div>

      {running && (
        <section className="inbox-progress" aria-live="polite" data-testid="inbox-progress">
          <Progress percent={pct} aria-label={t('inbox.progress', { done: running.done, total: running.total, rate: running.rate })} />
          <div className="toolbar">
            <span data-testid="inbox-progress-text">
              {running.phase === 'reading' ? t('inbox.reading', { done: running.done, total: running.total }) : t('inbox.progress', { done: running.done, total: running.total, rate: running.rate })}
            </span>
            {running.phase === 'storing' ? (
              <span className="muted">{t('inbox.storing')}</span>
            ) : running.current ? (
              <span className="muted code" data-testid="inbox-current">{t('inbox.current', { file: running.current })}</span>
            ) : (
              running.phase === 'import' && <span className="muted">{t('inbox.preparing')}</span>
            )}
            <Button
              className="toolbar-end"
              danger
              disabled={!running.jobId || running.cancelling}
              data-testid="inbox-cancel"
              onClick={() => {
                if (!running.jobId) return;
                setRunning((r) => (r ? { ...r, cancelling: true } : r));
                void cancelImport(running.jobId);
              }}
            >
              {running.cancelling ? t('inbox.cancelling') : t('inbox.cancel')}
            </Button>
          </div>
          <p className="muted small">{t('inbox.cancel_rule')}</p>
        </section>
      )}

      {result && !running && (
        <section className="inbox-result" aria-live="polite">
          {result.cancelled ? (
            <Alert type="warning" showIcon data-testid="inbox-cancelled-note" title={t('inbox.cancelled_note', { done: result.verdicts.length - result.counts.cancelled, cancelled: result.counts.cancelled })} />
          ) : (
            <p className="muted" data-testid="inbox-done-note">{t('inbox.done_note', { total: result.verdicts.length, seconds: Math.round(result.seconds * 10) / 10 })}</p>
          )}
          <p data-testid="inbox-summary">
            <strong>{t('inbox.summary', result.counts)}</strong>
            {result.receivedAt && <> · {t('inbox.received_on', { date: date(result.receivedAt) })}</>}
            {deadline && <> · {t('inbox.received_deadline', { deadline: date(deadline) })}</>}
          </p>
        </section>
      )}
      <div ref={tableBox} className="fill-rest">
        {/* Drawn (empty) while the import runs: the verdicts then fill a table already there, no mount at the end. */}
        {result || running ? (
          <VerdictTable rows={result && !running ? result.verdicts : NO_ROWS} busy={busy} height={tableHeight - 110} onAcceptKey={openKey} />
        ) : (
          <p className="muted">{t('inbox.none_yet')}</p>
        )}
      </div>
      <AcceptKeyDialog row={keyRow?.row ?? null} busy={keyBusy} error={keyError} onAccept={() => void acceptKey()} onClose={() => setKeyRow(null)} />
    </main>
  );
}
