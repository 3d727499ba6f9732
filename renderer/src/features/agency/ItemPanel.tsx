import { Button } from 'antd';
import type { ReactNode, Ref } from 'react';
import type { ItemEntry, ItemInput, TemplateItem } from '../../../../shared/schema/index.ts';
import type { ItemScore } from '../../../../shared/scoring/index.ts';
import { useT } from '../../app/i18n.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import type { Edit } from './history.ts';
import { ItemInputEditor } from './ItemInputEditor.tsx';

/** The control Enter goes to: the first number field, else the first choice. */
export function firstControl(panel: Element | null): HTMLElement | null {
  return panel?.querySelector<HTMLElement>('.item-editor .number-field input:not([disabled])') ?? panel?.querySelector<HTMLElement>('.item-editor button:not([disabled])') ?? null;
}

interface Props {
  /** The agency whose assessment this is (the documents are saved to it). */
  agency: string;
  /** The criteria set (an additional template's id; null = the ranked one). */
  set: string | null;
  /** A saved edit of the explanation or a document's details, for undo. */
  onRecord: (e: Edit) => void;
  item: TemplateItem;
  score: ItemScore | undefined;
  entry: ItemEntry | undefined;
  onSave: (input: ItemInput | null) => void;
  saving: boolean;
  error: string | null;
  onUnchanged: () => void;
  /** Esc goes back to the tree. */
  onBack: () => void;
  panelRef: Ref<HTMLElement>;
  disabled?: boolean | undefined;
  /** Shown under the scores: the appraisal received for the item (features/appraisal). */
  appraisal?: ReactNode;
}

/** The selected item: title, maximum and score, the template's scoring guide and evidence hint, the answer. */
export function ItemPanel({ agency, set, onRecord, item, score, entry, onSave, saving, error, onUnchanged, onBack, panelRef, disabled, appraisal }: Props) {
  const { t, points, title } = useT();
  const input = entry?.input;
  const headingId = `panel-title-${item.code}`;
  return (
    <section
      ref={panelRef}
      className="item-panel"
      aria-labelledby={headingId}
      data-testid="item-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <h2 id={headingId} className="panel-title">
        <span className="code">{item.code}</span> {title(item.title)}
      </h2>
      <dl className="panel-figures">
        <div>
          <dt>{t('officer.max')}</dt>
          <dd data-testid="panel-max">{points(score?.effectiveMax ?? item.max)}</dd>
        </div>
        <div>
          <dt>{t('officer.score')}</dt>
          <dd data-testid="panel-score">{score?.state === 'notApplicable' ? '—' : points(score?.score ?? 0)}</dd>
        </div>
      </dl>
      {score?.explain && <p className="muted" data-testid="panel-explain">{t(score.explain.key, score.explain.params)}</p>}
      {appraisal}
      <h3 className="panel-heading">{t('officer.guide')}</h3>
      <p data-testid="panel-guide">{item.scoringGuide ? title(item.scoringGuide) : <span className="muted">{t('officer.no_guide')}</span>}</p>
      {item.evidenceHint && (
        <>
          <h3 className="panel-heading">{t('officer.hint')}</h3>
          <p data-testid="panel-hint">{title(item.evidenceHint)}</p>
        </>
      )}
      {item.rule ? (
        <>
          <h3 className="panel-heading">{t('officer.answer')}</h3>
          <ItemInputEditor item={item} input={input} onSave={onSave} error={error} errorId={`save-error-${item.code}`} onUnchanged={onUnchanged} disabled={disabled} />
          {item.rule.type !== 'SURVEY' && (
            <div className="panel-actions">
              <Button
                disabled={disabled || input === undefined}
                onClick={(e) => {
                  onSave(null);
                  // The button is disabled once cleared: the focus goes to the answer instead of being lost.
                  firstControl(e.currentTarget.closest('.item-panel'))?.focus();
                }}
              >
                {t('officer.clear')}
              </Button>
              <span className="muted" role="status" data-testid="panel-save-state">
                {saving ? t('officer.saving') : ''}
              </span>
            </div>
          )}
          {item.rule.type === 'SURVEY' ? (
            <p className="muted">{entry?.evidence.length ? t('app.evidence_count', { n: entry.evidence.length }) : entry?.explanation ? t('app.explanation_only') : t('officer.evidence_none')}</p>
          ) : (
            <EvidenceSection agency={agency} set={set} onRecord={onRecord} item={item.code} entry={entry} disabled={disabled === true} />
          )}
        </>
      ) : (
        <p className="muted">{t('officer.parent_hint')}</p>
      )}
    </section>
  );
}
