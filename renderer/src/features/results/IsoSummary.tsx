import { Button } from 'antd';
import type { IsoScopeView, RankingFilter } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';

const STEPS = ['built', 'announced', 'maintained', 'complete'] as const;

/** ISO 9001 application per group: each step "x/y" as the review words it, opening the agencies that did it. */
export function IsoSummary({ iso, onOpen }: { iso: IsoScopeView[] | null; onOpen: (f: RankingFilter) => void }) {
  const { t } = useT();
  return (
    <section aria-labelledby="iso-title" className="panel" data-testid="iso-summary">
      <h2 id="iso-title">{t('resultsui.iso_title')}</h2>
      {!iso ? (
        <p className="muted">{t('resultsui.iso_none')}</p>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">{t('resultsui.iso.scope')}</th>
              {STEPS.map((s) => (
                <th scope="col" key={s}>
                  {t(`resultsui.iso.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {iso.map((s) => (
              <tr key={s.scope}>
                <th scope="row">{t(`results.group.${s.scope}`)}</th>
                {STEPS.map((step) => (
                  <td key={step}>
                    {s.scope === 'all' ? (
                      <span data-testid={`iso-${s.scope}-${step}`}>{s[step].phrase}</span>
                    ) : (
                      <Button
                        type="link"
                        className="link-cell"
                        data-testid={`iso-${s.scope}-${step}`}
                        onClick={() => onOpen({ group: s.scope === 'all' ? null : s.scope, codes: s[step].codes, label: t('resultsui.iso_filter', { scope: t(`results.group.${s.scope}`), step: t(`resultsui.iso.${step}`) }) })}
                      >
                        {s[step].phrase}
                      </Button>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
