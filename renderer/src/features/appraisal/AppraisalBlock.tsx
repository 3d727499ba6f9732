import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input } from 'antd';
import { useId, useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import * as z from 'zod';
import { parseDateText } from '../../../../shared/entry/date-text.ts';
import { formatDate } from '../../../../shared/i18n/index.ts';
import { MAX_EVIDENCE_BYTES, type PickedFile, type ReceivedAppraisalView } from '../../../../shared/ipc/index.ts';
import type { EvidenceRef } from '../../../../shared/schema/index.ts';
import { useT } from '../../app/i18n.tsx';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { errorText } from '../../app/query.ts';
import { toPickedFile } from '../../app/files.ts';
import { useExplain } from './api.ts';

const DOC_FIELDS = ['docNo', 'date', 'issuer', 'title'] as const;
const DOC_LABELS = { docNo: 'officer.evidence_doc_no', date: 'officer.evidence_date', issuer: 'officer.evidence_issuer', title: 'officer.evidence_title' } as const;

interface FormValues {
  text: string;
  docs: { docNo: string; date: string; issuer: string; title: string }[];
}

const docLine = (r: EvidenceRef, lang: 'vi' | 'en') => [r.docNo, r.date ? formatDate(lang, r.date) : null, r.issuer, r.title, r.fileName].filter(Boolean).join(' · ');

/**
 * The answer to an item's appraisal: the text, the documents already with it (each can be taken
 * off), extra documents picked or dropped, each with its number, date, issuer and title. Every
 * field is checked at once, each error at its field; the service checks again.
 */
function ExplainForm({ agency, item, stored, commentId }: { agency: string; item: string; stored: { text: string; evidence: EvidenceRef[] } | undefined; commentId: string }) {
  const { t, lang } = useT();
  const id = useId();
  const explain = useExplain(agency);
  const [files, setFiles] = useState<{ name: string; file: PickedFile }[]>([]);
  const [keep, setKeep] = useState<number[]>(() => (stored?.evidence ?? []).map((_, i) => i + 1));
  const [fileError, setFileError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const schema = useMemo(() => {
    const long = (max: number) => z.string().max(max, t('officer.evidence_too_long', { max }));
    return z.object({
      text: z.string().max(20000, t('officer.evidence_too_long', { max: 20000 })).refine((s) => s.trim() !== '', t('round2.explanation_required')),
      docs: z.array(
        z.object({
          docNo: long(120).refine((s) => s.trim() !== '', t('officer.evidence_need_doc_no')),
          date: z.string().refine((s) => s.trim() === '' || parseDateText(s) !== null, t('officer.evidence_bad_date')),
          issuer: long(300),
          title: long(1000),
        }),
      ),
    });
  }, [t]);
  const { control, handleSubmit, formState, reset } = useForm<FormValues>({ resolver: zodResolver(schema), defaultValues: { text: stored?.text ?? '', docs: [] } });
  const docs = useFieldArray({ control, name: 'docs' });

  const pick = async (f: File) => {
    setFileError(null);
    if (f.size > MAX_EVIDENCE_BYTES) {
      setFileError(t('entry.evidence_too_large', { sizeMb: Math.ceil(f.size / 1048576), maxMb: MAX_EVIDENCE_BYTES / 1048576 }));
      return;
    }
    try {
      const picked = await toPickedFile(f);
      setFiles((l) => [...l, { name: f.name, file: picked }]);
      docs.append({ docNo: '', date: '', issuer: '', title: '' });
    } catch {
      setFileError(t('officer.evidence_unreadable', { name: f.name }));
    }
  };
  const onSubmit = (v: FormValues) => {
    setSaved(false);
    explain.mutate(
      { item, text: v.text, keep, add: v.docs.map((details, i) => ({ file: files[i]!.file, details })) },
      {
        onSuccess: (view) => {
          setSaved(true);
          setFiles([]);
          setKeep((view.explanations[item]?.evidence ?? []).map((_, i) => i + 1));
          reset({ text: view.explanations[item]?.text ?? '', docs: [] });
        },
      },
    );
  };
  const textErr = formState.errors.text?.message;
  const textId = `${id}-text`;

  return (
    <form className="explain-form" data-testid="explain-form" noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
      <Form.Item
        layout="vertical"
        label={t('round2.explanation')}
        htmlFor={textId}
        required
        validateStatus={textErr ? 'error' : ''}
        help={textErr && <span id={`${textId}-error`} className="field-error">{textErr}</span>}
        extra={<span id={`${textId}-help`}>{t('round2.explanation_help')}</span>}
      >
        <Controller
          name="text"
          control={control}
          render={({ field }) => (
            <Input.TextArea
              {...field}
              id={textId}
              data-testid="explain-text"
              autoSize={{ minRows: 3, maxRows: 10 }}
              aria-invalid={textErr ? true : undefined}
              aria-describedby={[textErr ? `${textId}-error` : '', `${textId}-help`, commentId].filter(Boolean).join(' ')}
            />
          )}
        />
      </Form.Item>
      <h4 className="panel-heading">{t('round2.explanation_docs')}</h4>
      {(stored?.evidence.length ?? 0) === 0 && files.length === 0 && <p className="muted">{t('round2.explanation_no_docs')}</p>}
      {(stored?.evidence.length ?? 0) > 0 && (
        <ul className="evidence-list" data-testid="explain-docs">
          {stored!.evidence.map((r, i) => {
            const kept = keep.includes(i + 1);
            return (
              <li key={`${i}-${r.docNo}`} data-testid="explain-doc" className={kept ? '' : 'removed'}>
                <span className="evidence-text">{kept ? docLine(r, lang) : <s>{docLine(r, lang)}</s>}</span>
                <Button size="small" aria-pressed={!kept} aria-label={t('round2.doc_remove_of', { docNo: r.docNo })} onClick={() => setKeep((k) => (kept ? k.filter((x) => x !== i + 1) : [...k, i + 1].sort((a, b) => a - b)))}>
                  {t('round2.doc_remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {docs.fields.map((f, i) => {
        const name = files[i]?.name ?? '';
        return (
          <fieldset key={f.id} className="explain-new-doc" data-testid="explain-new-doc">
            <legend>{t('round2.new_doc', { name })}</legend>
            {DOC_FIELDS.map((k) => {
              const err = formState.errors.docs?.[i]?.[k]?.message;
              const inputId = `${id}-doc-${i}-${k}`;
              return (
                <Form.Item key={k} layout="vertical" label={t(DOC_LABELS[k])} htmlFor={inputId} required={k === 'docNo'} validateStatus={err ? 'error' : ''} help={err && <span id={`${inputId}-error`} className="field-error">{err}</span>}>
                  <Controller
                    name={`docs.${i}.${k}`}
                    control={control}
                    render={({ field }) => <Input {...field} id={inputId} data-testid={`explain-doc-${k}`} aria-invalid={err ? true : undefined} aria-describedby={err ? `${inputId}-error` : undefined} />}
                  />
                </Form.Item>
              );
            })}
            <Button size="small" aria-label={t('round2.new_doc_remove', { name })} onClick={() => (docs.remove(i), setFiles((l) => l.filter((_, j) => j !== i)))}>
              {t('round2.doc_remove')}
            </Button>
          </fieldset>
        );
      })}
      <FileDrop className="evidence-drop" testId="explain-drop" onFile={(f) => void pick(f)} title={t('round2.add_doc')} hint={<span className="muted">{t('round2.add_doc_drop')}</span>} />
      {fileError && <Alert type="error" showIcon role="alert" title={fileError} />}
      {explain.isError && <Alert type="error" showIcon role="alert" data-testid="explain-error" title={t('round2.failed')} description={errorText(explain.error, t)} />}
      <div className="panel-actions">
        <Button type="primary" htmlType="submit" loading={explain.isPending} data-testid="explain-save">
          {t('round2.save')}
        </Button>
        {stored && (
          <Button disabled={explain.isPending} onClick={() => explain.mutate({ item, text: null, keep: [], add: [] }, { onSuccess: () => (setFiles([]), setKeep([]), reset({ text: '', docs: [] })) })}>
            {t('round2.remove')}
          </Button>
        )}
        <span className="muted" role="status" data-testid="explain-state">
          {explain.isPending ? t('round2.saving') : saved ? t('round2.saved') : ''}
        </span>
      </div>
    </form>
  );
}

/**
 * The item's appraisal in its panel: Home Affairs' score beside the self score, its comment; where
 * there is a comment (or already an answer), the explanation, read-only with the reason once the
 * round no longer takes explanations.
 */
export function AppraisalBlock({ agency, item, view, self }: { agency: string; item: string; view: ReceivedAppraisalView; self: number | null }) {
  const { t, points, lang } = useT();
  const a = view.items[item];
  const stored = view.explanations[item];
  const commentId = `appraisal-comment-${item.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <section className="appraisal-block" aria-labelledby={`${commentId}-title`} data-testid="appraisal-block">
      <h3 className="panel-heading" id={`${commentId}-title`}>
        {t('round2.block_title')}
      </h3>
      {a ? (
        <dl className="panel-figures">
          <div>
            <dt>{t('round2.appraised_score')}</dt>
            <dd data-testid="appraised-score">{points(a.score)}</dd>
          </div>
          <div>
            <dt>{t('round2.self_score')}</dt>
            <dd>{self === null ? '—' : points(self)}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t('round2.not_appraised')}</p>
      )}
      {a?.comment ? (
        <blockquote className="appraisal-comment" id={commentId} data-testid="appraisal-comment">
          <span className="visually-hidden">{t('round2.comment')}: </span>
          {a.comment}
        </blockquote>
      ) : (
        a && <p className="muted">{t('round2.no_comment')}</p>
      )}
      {(a?.comment || stored) &&
        (view.closed ? (
          <>
            <Alert type="info" showIcon data-testid="explain-closed" title={t('round2.closed_title')} description={view.closed} />
            {stored && (
              <div data-testid="explain-read-only">
                <h4 className="panel-heading">{t('round2.explanation')}</h4>
                <p>{stored.text}</p>
                {stored.evidence.length > 0 && (
                  <ul className="evidence-list">
                    {stored.evidence.map((r, i) => (
                      <li key={`${i}-${r.docNo}`}>{docLine(r, lang)}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </>
        ) : (
          <ExplainForm key={item} agency={agency} item={item} stored={stored} commentId={a?.comment ? commentId : ''} />
        ))}
    </section>
  );
}
