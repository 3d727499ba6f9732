import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input, Popconfirm } from 'antd';
import { memo, useId, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import * as z from 'zod';
import { parseDateText } from '../../../../shared/entry/date-text.ts';
import { formatDate } from '../../../../shared/i18n/index.ts';
import { MAX_EVIDENCE_BYTES, type PickedFile } from '../../../../shared/ipc/index.ts';
import type { EvidenceRef, ItemEntry } from '../../../../shared/schema/index.ts';
import { useT } from '../../app/i18n.tsx';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { toPickedFile } from '../../app/files.ts';
import { errorText } from '../../app/query.ts';
import { type EvidenceDetails, useEntryChange } from './api.ts';
import type { Edit } from './history.ts';

const FIELDS = ['docNo', 'date', 'issuer', 'title'] as const;
const LABELS = { docNo: 'officer.evidence_doc_no', date: 'officer.evidence_date', issuer: 'officer.evidence_issuer', title: 'officer.evidence_title' } as const;

/** The document's details as typed: every field checked at once, each error at its field (the service checks again). */
function EvidenceForm(props: { initial: EvidenceDetails; fileName: string | undefined; busy: boolean; error: string | null; onSubmit: (d: EvidenceDetails) => void; onCancel: () => void }) {
  const { t } = useT();
  const id = useId();
  const schema = useMemo(() => {
    const long = (max: number) => z.string().max(max, t('officer.evidence_too_long', { max }));
    return z.object({
      docNo: long(120).refine((s) => s.trim() !== '', t('officer.evidence_need_doc_no')),
      date: z.string().refine((s) => s.trim() === '' || parseDateText(s) !== null, t('officer.evidence_bad_date')),
      issuer: long(300),
      title: long(1000),
    });
  }, [t]);
  const { control, handleSubmit, formState } = useForm<EvidenceDetails>({ resolver: zodResolver(schema), defaultValues: props.initial });
  return (
    <form className="evidence-form" data-testid="evidence-form" noValidate onSubmit={(e) => void handleSubmit(props.onSubmit)(e)}>
      {props.fileName && <p data-testid="evidence-form-file">{t('officer.evidence_file', { name: props.fileName })}</p>}
      {FIELDS.map((f) => {
        const err = formState.errors[f]?.message;
        const inputId = `${id}-${f}`;
        return (
          <Form.Item key={f} layout="vertical" label={t(LABELS[f])} htmlFor={inputId} required={f === 'docNo'} validateStatus={err ? 'error' : ''} help={err && <span id={`${inputId}-error`} className="field-error">{err}</span>}>
            <Controller
              name={f}
              control={control}
              render={({ field }) => <Input {...field} id={inputId} data-testid={`evidence-${f}`} aria-invalid={err ? true : undefined} aria-describedby={err ? `${inputId}-error` : undefined} />}
            />
          </Form.Item>
        );
      })}
      {props.error && <Alert type="error" showIcon role="alert" data-testid="evidence-error" title={props.error} />}
      <div className="panel-actions">
        <Button type="primary" htmlType="submit" loading={props.busy} data-testid="evidence-save">
          {t('officer.evidence_save')}
        </Button>
        <Button onClick={props.onCancel}>{t('officer.evidence_cancel')}</Button>
      </div>
    </form>
  );
}

const detailsOf = (r: EvidenceRef): EvidenceDetails => ({ docNo: r.docNo, date: r.date ? formatDate('vi', r.date) : '', issuer: r.issuer ?? '', title: r.title ?? '' });
const EMPTY: EvidenceDetails = { docNo: '', date: '', issuer: '', title: '' };

/**
 * An item's supporting documents: the list (number, date dd/mm/yyyy, issuer, title, file), a file
 * picked or dropped then described, edit and remove (confirmed); the explanation where there is no
 * document, saved on leaving the box. Everything disabled where the assessment is read-only.
 */
function EvidenceSectionView({
  agency,
  set,
  onRecord,
  item,
  entry,
  disabled,
}: {
  agency: string;
  set: string | null;
  onRecord: (e: Edit) => void;
  item: string;
  entry: ItemEntry | undefined;
  disabled: boolean;
}) {
  const { t } = useT();
  const change = useEntryChange(agency);
  const [pending, setPending] = useState<{ name: string; file: PickedFile } | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const stored = entry?.explanation ?? '';
  const [explanation, setExplanation] = useState(stored);
  // An undo or redo changes the stored explanation: the box shows it.
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setExplanation(stored);
  }
  const [explained, setExplained] = useState<string | null>(null);
  const list = entry?.evidence ?? [];
  const headingId = `evidence-${item}`;

  const pick = async (f: File) => {
    setFileError(null);
    setFormError(null);
    setEditing(null);
    if (f.size > MAX_EVIDENCE_BYTES) {
      setFileError(t('entry.evidence_too_large', { sizeMb: Math.ceil(f.size / 1048576), maxMb: MAX_EVIDENCE_BYTES / 1048576 }));
      return;
    }
    setReading(true);
    try {
      setPending({ name: f.name, file: await toPickedFile(f) });
    } catch {
      setFileError(t('officer.evidence_unreadable', { name: f.name }));
    } finally {
      setReading(false);
    }
  };
  const done = { onSuccess: () => (setPending(null), setEditing(null), setFormError(null)), onError: (e: Error) => setFormError(errorText(e, t)) };

  return (
    <section className="evidence" aria-labelledby={headingId} data-testid="evidence">
      <h3 className="panel-heading" id={headingId}>
        {t('officer.evidence')}
      </h3>
      {list.length === 0 ? (
        <p className="muted">{t('officer.evidence_none')}</p>
      ) : (
        <ol className="evidence-list" aria-label={t('officer.evidence_list', { code: item })} data-testid="evidence-list">
          {list.map((r, i) => (
            <li key={`${i}-${r.docNo}`} data-testid="evidence-row">
              {editing === i ? (
                <EvidenceForm initial={detailsOf(r)} fileName={r.fileName} busy={change.isPending} error={formError} onCancel={() => (setEditing(null), setFormError(null))} onSubmit={(d) => change.mutate({ set, kind: 'edit', item, index: i + 1, details: d }, { ...done, onSuccess: () => (done.onSuccess(), onRecord({ set, item, kind: 'evidence', index: i + 1, before: detailsOf(r), after: d })) })} />
              ) : (
                <>
                  <span className="evidence-text">
                    <strong data-testid="evidence-doc-no">{r.docNo}</strong>
                    {[r.date ? formatDate('vi', r.date) : null, r.issuer, r.title].filter(Boolean).map((x) => ` · ${x}`)}
                    {r.fileName && <span className="muted"> · {r.fileName}</span>}
                  </span>
                  <span className="evidence-buttons">
                    <Button size="small" disabled={disabled || change.isPending} aria-label={t('officer.evidence_edit_of', { docNo: r.docNo })} onClick={() => (setPending(null), setFormError(null), setEditing(i))}>
                      {t('officer.evidence_edit')}
                    </Button>
                    <Popconfirm
                      title={t('officer.evidence_remove_confirm', { docNo: r.docNo })}
                      okText={t('officer.evidence_remove')}
                      cancelText={t('officer.evidence_keep')}
                      onConfirm={() => change.mutate({ set, kind: 'remove', item, index: i + 1 }, done)}
                    >
                      <Button size="small" disabled={disabled || change.isPending} aria-label={t('officer.evidence_remove_of', { docNo: r.docNo })}>
                        {t('officer.evidence_remove')}
                      </Button>
                    </Popconfirm>
                  </span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {pending ? (
        <EvidenceForm initial={EMPTY} fileName={pending.name} busy={change.isPending} error={formError} onCancel={() => (setPending(null), setFormError(null))} onSubmit={(d) => change.mutate({ set, kind: 'add', item, details: d, file: pending.file }, done)} />
      ) : (
        <FileDrop
          className="evidence-drop"
          testId="evidence-drop"
          disabled={disabled || reading}
          onFile={(f) => void pick(f)}
          title={t('officer.evidence_add')}
          hint={<span className="muted">{reading ? t('officer.evidence_reading') : t('officer.evidence_drop')}</span>}
        />
      )}
      {fileError && <Alert type="error" showIcon role="alert" data-testid="evidence-file-error" title={fileError} />}
      {(list.length === 0 || stored !== '') && (
        <Form.Item layout="vertical" label={t('officer.explanation')} htmlFor={`explanation-${item}`} extra={<span id={`explanation-help-${item}`}>{t(list.length === 0 ? 'officer.explanation_help' : 'officer.explanation_help_documented')}</span>} className="explanation">
          <Input.TextArea
            id={`explanation-${item}`}
            data-testid="explanation"
            aria-describedby={`explanation-help-${item}`}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={20000}
            disabled={disabled}
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
            onBlur={() => {
              const text = explanation.trim();
              if (text === stored.trim()) return; // unchanged: nothing written
              const before = stored.trim() || null;
              change.mutate(
                { set, kind: 'explain', item, text: text || null },
                {
                  onSuccess: () => (setExplained(t('officer.explanation_saved')), onRecord({ set, item, kind: 'explanation', before, after: text || null })),
                  onError: (e) => setExplained(errorText(e, t)),
                },
              );
            }}
          />
        </Form.Item>
      )}
      <span className="muted" role="status" data-testid="explanation-state">
        {explained ?? ''}
      </span>
    </section>
  );
}

type SectionProps = Parameters<typeof EvidenceSectionView>[0];
/**
 * Drawn again only when the item's documents or explanation change: an answer's save gives the
 * item a new entry (its score) but the same documents, and the section's antd controls are the
 * costliest part of the panel to redraw (bench/ui.ts, item edit). onRecord is stable per agency.
 */
export const EvidenceSection = memo(
  EvidenceSectionView,
  (a: SectionProps, b: SectionProps) => a.agency === b.agency && a.set === b.set && a.item === b.item && a.disabled === b.disabled && a.onRecord === b.onRecord && a.entry?.evidence === b.entry?.evidence && a.entry?.explanation === b.entry?.explanation,
);
