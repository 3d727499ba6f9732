import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Input } from 'antd';
import { useId, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { CampaignDeadlines } from '../../../../shared/campaign/setup.ts';
import { useT } from '../../app/i18n.tsx';
import { type DeadlineValues, PHASES, deadlinesSchema, errorMap } from './forms.ts';
import { Field, messageAt } from './Field.tsx';

/** Step 4: the deadline of each phase, typed dd/mm/yyyy; an empty one is no deadline. */
export function DeadlinesStep({ initial, busy, error, onSave }: { initial: DeadlineValues; busy: boolean; error: string | null; onSave: (d: CampaignDeadlines) => void }) {
  const { t } = useT();
  const uid = useId();
  const map = useMemo(() => errorMap(t, (p) => t(`campaignui.deadline.${String(p[0] ?? 'selfAssessment')}`)), [t]);
  const { control, handleSubmit, formState } = useForm<DeadlineValues, unknown, CampaignDeadlines>({ resolver: zodResolver(deadlinesSchema, { error: map }), defaultValues: initial, reValidateMode: 'onChange' });
  return (
    <form onSubmit={(e) => void handleSubmit(onSave)(e)} className="campaign-form" data-testid="campaign-deadlines" noValidate>
      <p>{t('campaignui.deadline.intro')}</p>
      {PHASES.map((f) => (
        <Field key={f} id={`${uid}-${f}`} label={t(`campaignui.deadline.${f}`)} error={messageAt(formState.errors, f)} testId={`campaign-deadline-${f}`} extra={t('campaignui.date_hint')}>
          {({ id, invalid, describedBy }) => (
            <Controller name={f} control={control} render={({ field }) => <Input {...field} id={id} placeholder="dd/mm/yyyy" aria-invalid={invalid || undefined} aria-describedby={describedBy} data-testid={`campaign-deadline-${f}`} style={{ maxWidth: 180 }} />} />
          )}
        </Field>
      ))}
      {error && <Alert type="error" showIcon title={error} data-testid="campaign-deadlines-refused" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="campaign-deadlines-save">{t('campaignui.save')}</Button>
    </form>
  );
}
