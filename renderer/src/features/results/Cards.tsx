import type { HeadlineCard, RankingFilter } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';

/** The figures as the province reports them; a card with agencies behind it opens them in the ranking. */
export function Cards({ cards, onOpen }: { cards: HeadlineCard[]; onOpen: (f: RankingFilter) => void }) {
  const { t } = useT();
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="results-cards-title" className="results-cards-section">
      <h2 id="results-cards-title">{t('resultsui.cards')}</h2>
      <ul className="results-cards">
        {cards.map((c) => {
          const body = (
            <>
              <span className="card-scope">{t(`results.group.${c.scope}`)}</span>
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
