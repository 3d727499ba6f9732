import { Segmented } from 'antd';
import type { CriteriaSet } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';

/**
 * The agency's criteria sets side by side (PAR index | ISO 9001:2008), each with its progress; a
 * set the agency is exempted from is shown as such, with the reason, and cannot be chosen.
 * Nothing is drawn for an agency with one set.
 */
export function CriteriaSets({ sets, current, onChoose }: { sets: readonly CriteriaSet[]; current: string | null; onChoose: (set: string | null) => void }) {
  const { t, title } = useT();
  if (sets.length < 2) return null;
  const name = (s: CriteriaSet) => (s.ranked ? t('sets.par') : s.id === 'iso-9001' ? t('sets.iso') : title(s.title));
  const exempted = sets.filter((s) => s.exempted !== null);
  const value = current ?? sets.find((s) => s.ranked)!.id;
  return (
    <nav className="criteria-sets" aria-label={t('sets.nav')} data-testid="criteria-sets">
      <Segmented<string>
        aria-label={t('sets.nav')}
        value={value}
        onChange={(id) => onChoose(sets.find((s) => s.id === id)?.ranked ? null : id)}
        options={sets.map((s) => ({
          value: s.id,
          disabled: s.exempted !== null,
          title: title(s.title),
          label: (
            <span data-testid={`set-${s.id}`}>
              {name(s)}{' '}
              <span className="muted" data-testid={`set-progress-${s.id}`}>
                {s.progress ? t('sets.progress', s.progress) : `(${t('sets.exempted_short')})`}
              </span>
            </span>
          ),
        }))}
      />
      {exempted.map((s) => (
        <p key={s.id} className="muted set-exempted" data-testid={`set-exempted-${s.id}`}>
          {name(s)}: {t('sets.exempted_title')}. {t('sets.exempted_reason', { reason: s.exempted! })}
        </p>
      ))}
    </nav>
  );
}
