import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Input, Radio, Select } from 'antd';
import { useId, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { CampaignRules } from '../../../../shared/campaign/setup.ts';
import { useT } from '../../app/i18n.tsx';
import { type RulesValues, TIE_BREAKS, errorMap, rulesSchema } from './forms.ts';
import { Field, messageAt } from './Field.tsx';

/**
 * Step 5: the bands (lowest index of each), the tie-breaks in order, what lateness costs and the
 * survey's answer scale, each a small form starting from the campaign's values (the defaults).
 */
export function RulesStep({ initial, busy, error, onSave }: { initial: RulesValues; busy: boolean; error: string | null; onSave: (r: CampaignRules) => void }) {
  const { t } = useT();
  const uid = useId();
  const map = useMemo(
    () =>
      errorMap(t, (p) => {
        if (p[0] === 'bands') return t(`campaignui.rules.band_${String(p[2] ?? 'minIndex')}`, { code: initial.bands[Number(p[1])]?.code ?? '' });
        if (p[0] === 'surveyScale') return t('campaignui.rules.scale_letter', { letter: String(p[1] ?? '') });
        if (p[0] === 'late') return t('campaignui.rules.penalty');
        return t('campaignui.rules.tie_breaks');
      }),
    [t, initial.bands],
  );
  const { control, handleSubmit, formState, watch } = useForm<RulesValues, unknown, CampaignRules>({ resolver: zodResolver(rulesSchema, { error: map }), defaultValues: initial, reValidateMode: 'onChange' });
  const mode = watch('lateMode');
  const input = (name: `bands.${number}.minIndex` | `bands.${number}.label` | 'penaltyPoints' | `scale.${number}.percent`, errorPath: string, label: string, testId: string, width = 120) => (
    <Field id={`${uid}-${name}`} label={label} error={messageAt(formState.errors, errorPath)} testId={testId}>
      {({ id, invalid, describedBy }) => (
        <Controller name={name} control={control} render={({ field }) => <Input {...field} id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy} data-testid={testId} style={{ maxWidth: width }} />} />
      )}
    </Field>
  );
  return (
    <form onSubmit={(e) => void handleSubmit(onSave)(e)} className="campaign-form campaign-rules" data-testid="campaign-rules" noValidate>
      <fieldset className="campaign-group">
        <legend>{t('campaignui.rules.bands')}</legend>
        <p className="muted">{t('campaignui.rules.bands_hint')}</p>
        <div className="campaign-bands">
          {initial.bands.map((b, i) => (
            <div key={b.code} className="campaign-band" data-testid={`campaign-band-${b.code}`}>
              {input(`bands.${i}.label`, `bands.${i}.label`, t('campaignui.rules.band_label', { code: b.code }), `campaign-band-${b.code}-label`, 200)}
              {input(`bands.${i}.minIndex`, `bands.${i}.minIndex`, t('campaignui.rules.band_minIndex', { code: b.code }), `campaign-band-${b.code}-min`)}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="campaign-group">
        <legend>{t('campaignui.rules.tie_breaks')}</legend>
        <Field id={`${uid}-tie`} label={t('campaignui.rules.tie_breaks_order')} error={messageAt(formState.errors, 'tieBreaks')} testId="campaign-tie-breaks">
          {({ id, describedBy }) => (
            <Controller
              name="tieBreaks"
              control={control}
              render={({ field }) => <Select {...field} id={id} mode="multiple" aria-describedby={describedBy} options={TIE_BREAKS.map((v) => ({ value: v, label: t(`campaignui.tie.${v.replace(':', '_')}`) }))} data-testid="campaign-tie-breaks" style={{ minWidth: 420 }} />}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="campaign-group">
        <legend>{t('campaignui.rules.late')}</legend>
        <Controller
          name="lateMode"
          control={control}
          render={({ field }) => (
            <Radio.Group {...field} aria-label={t('campaignui.rules.late')} data-testid="campaign-late">
              {(['not_ranked', 'rank_flagged', 'penalty'] as const).map((m) => (
                <Radio key={m} value={m} data-testid={`campaign-late-${m}`}>{t(`campaignui.late.${m}`)}</Radio>
              ))}
            </Radio.Group>
          )}
        />
        {mode === 'penalty' && input('penaltyPoints', 'late.penaltyPoints', t('campaignui.rules.penalty'), 'campaign-late-penalty')}
      </fieldset>
      <fieldset className="campaign-group">
        <legend>{t('campaignui.rules.scale')}</legend>
        <p className="muted">{t('campaignui.rules.scale_hint')}</p>
        <div className="campaign-band-grid">
          {initial.scale.map((s, i) => (
            <div key={s.letter}>{input(`scale.${i}.percent`, `surveyScale.${s.letter}`, t('campaignui.rules.scale_letter', { letter: s.letter }), `campaign-scale-${s.letter}`)}</div>
          ))}
        </div>
      </fieldset>
      {error && <Alert type="error" showIcon title={error} data-testid="campaign-rules-refused" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="campaign-rules-save">{t('campaignui.save')}</Button>
    </form>
  );
}
