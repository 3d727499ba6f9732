import { useState } from 'react';
import type { ReviewAdjustmentBlock, ReviewView } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { NumberField } from '../agency/NumberField.tsx';
import { useSetAdjustment } from './api.ts';

/**
 * Home Affairs' bonus and penalty (điểm thưởng, điểm trừ) of the agency, each entry within its max
 * and the block within its cap (both said at the field); beside each, what the agency claimed.
 */
export function Adjustments({ view }: { view: ReviewView }) {
  const { t } = useT();
  if (!view.adjustments) return null;
  const { bonus, penalty } = view.adjustments;
  if (bonus.items.length === 0 && penalty.items.length === 0) return <p className="muted">{t('review.adj.none')}</p>;
  return (
    <div className="review-adjustments" data-testid="review-adjustments">
      <Block view={view} name="bonus" block={bonus} />
      <Block view={view} name="penalty" block={penalty} />
    </div>
  );
}

function Block({ view, name, block }: { view: ReviewView; name: 'bonus' | 'penalty'; block: ReviewAdjustmentBlock }) {
  const { t, points, title } = useT();
  const save = useSetAdjustment(view.agency.code);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  if (block.items.length === 0) return null;
  const headingId = `review-adj-${name}`;
  return (
    <section aria-labelledby={headingId} data-testid={`review-adj-${name}`}>
      <h3 id={headingId} className="panel-heading">
        {t(`review.adj.${name}`)} · <span data-testid={`review-adj-${name}-cap`}>{t('review.adj.cap', { cap: points(block.cap), total: points(block.total) })}</span>
      </h3>
      <ul className="review-adj-list">
        {block.items.map((row) => (
          <li key={row.code} data-testid={`review-adj-${name}-${row.code}`}>
            <span>
              <span className="code">{row.code}</span> <span className="review-adj-title">{title(row.title)}</span>{' '}
              <span className="muted">({row.self === null ? t('review.adj.self_none') : t('review.adj.self', { points: points(row.self) })})</span>
            </span>
            <NumberField
              value={row.points ?? undefined}
              label={t('review.adj.field', { max: points(row.max) })}
              disabled={view.closed !== null}
              saveError={error?.code === row.code ? `review-adj-error-${name}-${row.code}` : undefined}
              onUnchanged={() => setError((e) => (e?.code === row.code ? null : e))}
              onCommit={(n) =>
                save.mutate(
                  { block: name, code: row.code, points: n },
                  { onSuccess: () => setError((e) => (e?.code === row.code ? null : e)), onError: (e) => setError({ code: row.code, message: errorText(e, t) }) },
                )
              }
            />
            {error?.code === row.code && (
              <span id={`review-adj-error-${name}-${row.code}`} role="alert" className="field-error" data-testid="review-adj-error">
                {error.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
