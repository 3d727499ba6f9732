import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Input, Radio } from 'antd';
import { useId, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { CampaignBasics } from '../../../../shared/campaign/setup.ts';
import { useT } from '../../app/i18n.tsx';
import { type BasicsValues, basicsSchema, errorMap } from './forms.ts';
import { Field, messageAt } from './Field.tsx';

/** Step 1: year, title, province and model. Before the campaign exists it only keeps the answers for the next steps. */
export function BasicsStep({ initial, busy, error, onDone, saveLabel }: { initial: BasicsValues; busy: boolean; error: string | null; onDone: (b: CampaignBasics) => void; saveLabel: string }) {
  const { t } = useT();
  const uid = useId();
  const resolverError = useMemo(() => errorMap(t, (p) => t(`campaignui.basics.${String(p[0] ?? 'year')}`)), [t]);
  const { control, handleSubmit, formState } = useForm<BasicsValues, unknown, CampaignBasics>({ resolver: zodResolver(basicsSchema, { error: resolverError }), defaultValues: initial, reValidateMode: 'onChange' });
  const text = (f: 'year' | 'title' | 'province', extra?: string) => (
    <Field id={`${uid}-${f}`} label={t(`campaignui.basics.${f}`)} error={messageAt(formState.errors, f)} testId={`campaign-${f}`} required={f !== 'title'} extra={extra}>
      {({ id, invalid, describedBy }) => (
        <Controller name={f} control={control} render={({ field }) => <Input {...field} id={id} inputMode={f === 'year' ? 'numeric' : undefined} aria-invalid={invalid || undefined} aria-describedby={describedBy} data-testid={`campaign-${f}`} />} />
      )}
    </Field>
  );
  return (
    <form onSubmit={(e) => void handleSubmit(onDone)(e)} className="campaign-form" data-testid="campaign-basics" noValidate>
      {text('year')}
      {text('province', t('campaignui.basics.province_hint'))}
      {text('title', t('campaignui.basics.title_hint'))}
      <Field id={`${uid}-model`} label={t('campaignui.basics.model')} error={messageAt(formState.errors, 'model')} testId="campaign-model" required>
        {({ id, describedBy }) => (
          <Controller
            name="model"
            control={control}
            render={({ field }) => (
              <Radio.Group {...field} id={id} aria-label={t('campaignui.basics.model')} aria-describedby={describedBy} data-testid="campaign-model">
                <Radio value="two-tier" data-testid="campaign-model-two-tier">{t('campaignui.model.two-tier')}</Radio>
                <Radio value="three-tier" data-testid="campaign-model-three-tier">{t('campaignui.model.three-tier')}</Radio>
              </Radio.Group>
            )}
          />
        )}
      </Field>
      {error && <Alert type="error" showIcon title={error} data-testid="campaign-basics-refused" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="campaign-basics-next">
        {saveLabel}
      </Button>
    </form>
  );
}
