import '../results/results.css';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Tag } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { PickedFile, SurveyAgencyScore } from '../../../../shared/ipc/index.ts';
import { MAX_SURVEY_BYTES } from '../../../../shared/ipc/index.ts';
import { formatNumber } from '../../../../shared/i18n/numbers.ts';
import { toPickedFile } from '../../app/files.ts';
import { useT } from '../../app/i18n.tsx';
import { IpcError, errorText } from '../../app/query.ts';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { VirtualTable, type VColumn } from '../../ui/VirtualTable.tsx';
import { dateTime } from '../results/format.ts';
import { surveyScoresQuery, useSurveyForm, useSurveyPreview, useSurveyStore } from './api.ts';

/** The survey scores, one row per agency (thousands of communes: drawn in view only). */
function ScoresTable({ rows, testId }: { rows: readonly SurveyAgencyScore[]; testId: string }) {
  const { t, points, lang } = useT();
  const columns: VColumn<SurveyAgencyScore>[] = useMemo(
    () => [
      { key: 'code', title: t('surveyui.col.code'), width: 90, render: (a) => <span className="code">{a.code}</span> },
      { key: 'name', title: t('surveyui.col.name'), render: (a) => a.name },
      { key: 'group', title: t('surveyui.col.group'), width: 230, render: (a) => t(`results.group.${a.group}`) },
      {
        key: 'score',
        title: t('surveyui.col.score'),
        width: 150,
        align: 'right',
        render: (a) => <span data-testid={`${testId}-score-${a.code}`}>{a.score === null ? t('surveyui.no_value') : t('surveyui.score_of', { score: points(a.score), max: points(a.max) })}</span>,
      },
      { key: 'items', title: t('surveyui.col.items'), width: 180, align: 'right', render: (a) => t('surveyui.items_of', { n: a.items, of: a.of }) },
      { key: 'respondents', title: t('surveyui.col.respondents'), width: 110, align: 'right', render: (a) => (a.respondents === null ? '—' : formatNumber(lang, a.respondents, 0)) },
    ],
    [t, points, lang, testId],
  );
  return <VirtualTable rows={rows} columns={columns} height={Math.min(400, 40 * (rows.length + 1) + 2)} rowKey={(a) => a.code} rowTestId={(a) => `${testId}-row-${a.code}`} label={t('surveyui.table_label')} testId={testId} sort={null} onSort={() => undefined} />;
}

/**
 * "Điều tra xã hội học": the blank form in its two modes, a file dropped or picked → a preview
 * (per agency score) or every row error with its sheet, row and column, nothing stored until the
 * user confirms; the stored scores below.
 */
export default function SurveyScreen() {
  const { t } = useT();
  const stored = useQuery(surveyScoresQuery());
  const form = useSurveyForm();
  const preview = useSurveyPreview();
  const store = useSurveyStore();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [problem, setProblem] = useState<string[] | null>(null);
  const [reading, setReading] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const storeButton = useRef<HTMLButtonElement>(null);

  const pick = async (f: File) => {
    setProblem(null);
    setDone(null);
    preview.reset();
    store.reset();
    setFile(null);
    if (f.size > MAX_SURVEY_BYTES) {
      setProblem([t('surveyui.too_large', { file: f.name, sizeMb: Math.ceil(f.size / 1048576), maxMb: MAX_SURVEY_BYTES / 1048576 })]);
      return;
    }
    setReading(true);
    let picked: PickedFile;
    try {
      picked = await toPickedFile(f);
    } catch {
      setProblem([t('surveyui.unreadable', { name: f.name })]);
      return;
    } finally {
      setReading(false);
    }
    preview.mutate(picked, {
      onSuccess: (p) => {
        if (p.errors.length === 0) {
          setFile(picked);
          setTimeout(() => storeButton.current?.focus(), 0);
        }
      },
      onError: (e) => setProblem(e instanceof IpcError && e.issues.length > 0 ? e.issues : [errorText(e, t)]),
    });
  };
  const save = () => {
    if (!file || !preview.data) return;
    const name = preview.data.file;
    store.mutate(file, {
      onSuccess: (r) => {
        setDone(t('surveyui.stored', { file: name, agencies: r.agencies, values: r.values }));
        setFile(null);
        preview.reset();
      },
      onError: (e) => setProblem(e instanceof IpcError && e.issues.length > 0 ? e.issues : [errorText(e, t)]),
    });
  };
  const p = preview.data;
  const last = stored.data?.sources.at(-1);

  return (
    <main className="survey-screen">
      <h1 className="agency-title">{t('surveyui.title')}</h1>
      <p className="muted">{t('surveyui.intro')}</p>
      <section aria-labelledby="survey-form-title" className="panel">
        <h2 id="survey-form-title">{t('surveyui.form_title')}</h2>
        <Space wrap>
          <Button data-testid="survey-form-scores" loading={form.isPending && form.variables === 'scores'} onClick={() => form.mutate('scores')}>
            {t('surveyui.form.scores')}
          </Button>
          <Button data-testid="survey-form-answers" loading={form.isPending && form.variables === 'answers'} onClick={() => form.mutate('answers')}>
            {t('surveyui.form.answers')}
          </Button>
          {form.data?.savedTo && <span role="status">{t('surveyui.form_saved', { file: form.data.savedTo })}</span>}
        </Space>
      </section>
      <section aria-labelledby="survey-file-label" className="panel">
        <h2 id="survey-file-label">{t('surveyui.file_label')}</h2>
        <div data-testid="survey-drop">
          <FileDrop
          className="evidence-drop"
          testId="survey-drop-area"
          accept=".xlsx"
          disabled={reading || preview.isPending || store.isPending}
          onFile={(f) => void pick(f)}
          title={t('surveyui.drop')}
          hint={<span className="muted" role="status">{reading ? t('surveyui.reading') : preview.isPending ? t('surveyui.checking') : ''}</span>}
        />
        </div>
        {problem && <Alert type="error" showIcon role="alert" data-testid="survey-refused" title={problem.join('\n')} />}
        {p && p.errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="survey-errors"
            title={t('surveyui.errors_title', { file: p.file, n: p.errors.length })}
            description={
              <ul className="error-list">
                {p.errors.map((m, i) => (
                  <li key={i} data-testid="survey-error">
                    {m}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {p && p.errors.length === 0 && (
          <div data-testid="survey-preview" className="survey-preview">
            <h3>
              {t('surveyui.preview_title', { file: p.file, agencies: p.agencies.length, rows: p.rows })} <Tag>{t(`surveyui.mode.${p.mode}`)}</Tag>
            </h3>
            <Space className="actions">
              <Button ref={storeButton} type="primary" data-testid="survey-store" loading={store.isPending} onClick={save}>
                {t('surveyui.store')}
              </Button>
              <Button data-testid="survey-cancel" onClick={() => (preview.reset(), setFile(null))}>
                {t('surveyui.cancel')}
              </Button>
            </Space>
            <ScoresTable rows={p.agencies} testId="survey-preview-table" />
          </div>
        )}
        {done && <Alert type="success" showIcon role="status" data-testid="survey-stored" title={done} />}
      </section>
      <section aria-labelledby="survey-stored-title" className="panel">
        <h2 id="survey-stored-title">{t('surveyui.stored_title')}</h2>
        {stored.isError ? (
          <Alert type="error" showIcon title={errorText(stored.error, t)} />
        ) : !last ? (
          <p className="muted" data-testid="survey-none">{t('surveyui.stored_none')}</p>
        ) : (
          <>
            <p data-testid="survey-last">{t('surveyui.stored_at', { file: last.file, at: dateTime(last.importedAt) })}</p>
            <ScoresTable rows={stored.data?.agencies ?? []} testId="survey-stored-table" />
          </>
        )}
      </section>
    </main>
  );
}
