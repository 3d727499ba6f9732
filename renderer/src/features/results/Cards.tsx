import type { HeadlineCard, RankingFilter } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';

/** The figures as the province reports them; a card with agencies behind it opens them in the ranking. */
export function Cards({ cards, onOpen, title, id, level = 2 }: { cards: HeadlineCard[]; onOpen: (f: RankingFilter) => void; title: string; id: string; level?: 2 | 3 }) {
  const { t } = useT();
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby={id} className="results-cards-section">
      {level === 2 ? <h2 id={id}>{title}</h2> : <h3 id={id}>{title}</h3>}
      <ul className="results-cards">
        {cards.map((c) => {
          const body = (
            <>
              {level === 2 && <span className="card-scope">{t(`results.group.${c.scope}`)}</span>}
              <strong className="card-value" data-testid={`headline-${c.key}-value`}>
                {c.phrase}
              </strong>
              <span className="card-title">{c.title}</span>
            </>
          );
          return (
            <li key={c.key} className="results-card" data-testid={`headline-${c.key}`}>
              {c.filter ? (
                <button type="button" className="card-button" onClick={() => onOpen(c.filter!)} aria-label={`${c.phrase} — ${c.title} (${t(`results.group.${c.scope}`)}). ${t('resultsui.card.show')}`}>
                  {body}
                </button>
              ) : (
                <div className="card-button static">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
