import { Alert, Button, Input } from 'antd';
import { type Ref, useEffect, useId, useRef, useState } from 'react';
import type { ReviewView } from '../../../../shared/ipc/index.ts';
import type { EvidenceRef, ItemEntry, TemplateItem } from '../../../../shared/schema/index.ts';
import type { ItemScore } from '../../../../shared/scoring/index.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { NumberField } from '../agency/NumberField.tsx';
import { useOpenEvidence, useSetScore } from './api.ts';

/** The documents of an item (the agency's evidence, or an explanation's extra ones): number, date, issuer, title; each opened from the agency's signed files. */
function DocumentList({ agency, docs, testId, label }: { agency: string; docs: readonly EvidenceRef[]; testId: string; label: string }) {
  const { t, date } = useT();
  const open = useOpenEvidence(agency);
  if (docs.length === 0) return <p className="muted">{t('review.no_documents')}</p>;
  return (
    <>
      <ul className="review-docs" data-testid={testId} aria-label={label}>
        {docs.map((d, i) => (
          <li key={`${d.docNo}-${i}`} data-testid="review-doc">
            <span className="review-doc-text">
              <strong>{d.docNo}</strong>
              {d.date ? `, ${t('review.doc_dated', { date: date(d.date) })}` : ''}
              {d.issuer ? `, ${d.issuer}` : ''}
              {(d.title ?? d.fileName) && <span className="review-doc-title">{d.title ?? d.fileName}</span>}
            </span>
            {d.sha256 ? (
              <Button size="small" data-testid="review-doc-open" aria-label={t('review.doc_open_named', { doc: d.docNo })} loading={open.isPending && open.variables?.sha256 === d.sha256} onClick={() => open.mutate({ sha256: d.sha256!, ...(d.fileName ? { fileName: d.fileName } : {}) })}>
                {t('review.doc_open')}
              </Button>
            ) : (
              <span className="muted">{t('review.doc_no_file')}</span>
            )}
          </li>
        ))}
      </ul>
      {open.isError && <Alert type="error" showIcon role="alert" data-testid="review-doc-error" title={errorText(open.error, t)} />}
    </>
  );
}

/** The score field of the panel, for the keyboard (Enter in the tree, the next item). */
export function scoreInput(panel: Element | null): HTMLInputElement | null {
  return panel?.querySelector<HTMLInputElement>('.review-score input:not([disabled])') ?? null;
}

interface Props {
  view: ReviewView;
  set: string | null;
  item: TemplateItem;
  score: ItemScore | undefined;
  entry: ItemEntry | undefined;
  /** Esc: back to the tree. */
  onBack: () => void;
  panelRef: Ref<HTMLElement>;
  /** The score field takes the focus once shown (moved here by the keyboard). */
  focusScore: boolean;
}

/**
 * One item side by side: what the agency answered and scored, its documents and (round 2) its
 * explanation, and Home Affairs' appraised score and comment — each saved on Enter or when the
 * field is left, only when changed; refusals at the field.
 */
export function ReviewPanel({ view, set, item, score, entry, onBack, panelRef, focusScore }: Props) {
  const { t, points, title } = useT();
  const id = useId();
  const code = item.code;
  const save = useSetScore(view.agency.code, set);
  const appraised = view.items[code];
  const explanation = view.explanations[code];
  const [error, setError] = useState<{ field: 'score' | 'comment'; message: string } | null>(null);
  const [comment, setComment] = useState(appraised?.comment ?? '');
  // The score last saved from here: a comment typed right after the score goes with it, before the view comes back.
  const lastScore = useRef<number | null>(appraised?.score ?? null);
  const [saved, setSaved] = useState(false);
  const box = useRef<HTMLElement | null>(null);
  const max = score?.effectiveMax ?? item.max;
  const leaf = item.rule !== undefined && item.rule !== null;
  const survey = item.survey || item.rule?.type === 'SURVEY';
  const disabled = view.closed !== null;

  useEffect(() => {
    if (focusScore) scoreInput(box.current)?.focus();
  }, [focusScore]);

  const send = (scoreValue: number | null, text: string | undefined, field: 'score' | 'comment') => {
    if (view.round === null) return;
    setSaved(false);
    save.mutate(
      { item: code, score: scoreValue, round: view.round, ...(text !== undefined ? { comment: text } : {}) },
      {
        onSuccess: () => {
          setError(null);
          setSaved(true);
        },
        onError: (e) => setError({ field, message: errorText(e, t) }),
      },
    );
  };
  const commitScore = (n: number | null) => {
    lastScore.current = n;
    if (n === null) setComment('');
    send(n, undefined, 'score');
  };
  const commitComment = () => {
    if (comment.trim() === (appraised?.comment ?? '')) return;
    const s = lastScore.current ?? appraised?.score ?? null;
    if (s === null) return setError({ field: 'comment', message: t('review.comment_needs_score') });
    send(s, comment, 'comment');
  };

  const scoreErrorId = `${id}-score-error`;
  const commentErrorId = `${id}-comment-error`;
  return (
    <section
      ref={(el) => {
        box.current = el;
        if (typeof panelRef === 'function') panelRef(el);
        else if (panelRef) (panelRef as { current: HTMLElement | null }).current = el;
      }}
      className="item-panel review-panel"
      aria-labelledby={`${id}-title`}
      data-testid="review-panel"
      data-item={code}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <h2 id={`${id}-title`} className="panel-title">
        <span className="code">{code}</span> {title(item.title)}
      </h2>
      <dl className="panel-figures">
        <div>
          <dt>{t('officer.max')}</dt>
          <dd data-testid="review-max">{points(max)}</dd>
        </div>
        <div>
          <dt>{t('review.self_score')}</dt>
          <dd data-testid="review-self-score">{score?.state === 'notApplicable' ? '—' : points(score?.score ?? 0)}</dd>
        </div>
        <div>
          <dt>{t('review.appraised_score')}</dt>
          <dd data-testid="review-appraised-score">{appraised ? points(appraised.score) : '—'}</dd>
        </div>
      </dl>
      {!leaf ? (
        <p className="muted">{t('review.parent_hint')}</p>
      ) : (
        <div className="review-columns">
          <div className="review-self">
            <h3 className="panel-heading">{t('review.self_input')}</h3>
            <p data-testid="review-self-input">{view.inputs[code] ?? <span className="muted">{t('review.unanswered')}</span>}</p>
            {explanation && (
              <div className="review-explanation" data-testid="review-explanation">
                <h3 className="panel-heading">{t('review.explanation')}</h3>
                <p data-testid="review-explanation-text">{explanation.text}</p>
                <DocumentList agency={view.agency.code} docs={explanation.evidence} testId="review-extra-docs" label={t('review.extra_documents')} />
              </div>
            )}
            {entry?.explanation && (
              <>
                <h3 className="panel-heading">{t('review.agency_note')}</h3>
                <p data-testid="review-agency-note">{entry.explanation}</p>
              </>
            )}
            <h3 className="panel-heading">{t('review.documents')}</h3>
            <DocumentList agency={view.agency.code} docs={entry?.evidence ?? []} testId="review-docs" label={t('review.documents')} />
          </div>
          <div className="review-verdict">
            {survey ? (
              <p className="muted">{t('review.survey_item')}</p>
            ) : (
              <>
                <div className="review-score">
                  <NumberField
                    value={appraised?.score}
                    label={t('review.score_label', { max: points(max) })}
                    onCommit={commitScore}
                    onUnchanged={() => setError((e) => (e?.field === 'score' ? null : e))}
                    saveError={error?.field === 'score' ? scoreErrorId : undefined}
                    disabled={disabled}
                  />
                </div>
                {error?.field === 'score' && (
                  <p id={scoreErrorId} role="alert" className="field-error" data-testid="review-score-error">
                    {error.message}
                  </p>
                )}
                <label htmlFor={`${id}-comment`} className="field-label review-comment-label">
                  {t('review.comment')}
                </label>
                <Input.TextArea
                  id={`${id}-comment`}
                  data-testid="review-comment"
                  value={comment}
                  disabled={disabled}
                  autoSize={{ minRows: 3, maxRows: 8 }}
                  maxLength={5000}
                  status={error?.field === 'comment' ? 'error' : undefined}
                  aria-invalid={error?.field === 'comment' ? true : undefined}
                  aria-describedby={error?.field === 'comment' ? commentErrorId : undefined}
                  onChange={(e) => setComment(e.target.value)}
                  onBlur={commitComment}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commitComment();
                  }}
                />
                {error?.field === 'comment' && (
                  <p id={commentErrorId} role="alert" className="field-error" data-testid="review-comment-error">
                    {error.message}
                  </p>
                )}
                <p className="muted" role="status" data-testid="review-save-state">
                  {save.isPending ? t('officer.saving') : saved ? t('review.saved') : ''}
                </p>
                {!disabled && <p className="muted">{t('review.panel_help')}</p>}
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
