import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Input } from 'antd';
import { useId, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { CampaignIssuer } from '../../../../shared/campaign/setup.ts';
import { useT } from '../../app/i18n.tsx';
import { type IssuerValues, errorMap, issuerSchema } from './forms.ts';
import { Field, messageAt } from './Field.tsx';

const FIELDS = ['parentBody', 'body', 'place', 'signerTitle', 'signerName'] as const;

/** Step 7: who issues the campaign and its reports, and who signs. */
export function IssuerStep({ initial, busy, error, onSave }: { initial: IssuerValues; busy: boolean; error: string | null; onSave: (i: CampaignIssuer) => void }) {
  const { t } = useT();
  const uid = useId();
  const map = useMemo(() => errorMap(t, (p) => t(`campaignui.issuer.${String(p[0] ?? 'body')}`)), [t]);
  const { control, handleSubmit, formState } = useForm<IssuerValues, unknown, CampaignIssuer>({ resolver: zodResolver(issuerSchema, { error: map }), defaultValues: initial, reValidateMode: 'onChange' });
  return (
    <form onSubmit={(e) => void handleSubmit(onSave)(e)} className="campaign-form" data-testid="campaign-issuer" noValidate>
      {FIELDS.map((f) => (
        <Field key={f} id={`${uid}-${f}`} label={t(`campaignui.issuer.${f}`)} error={messageAt(formState.errors, f)} testId={`campaign-issuer-${f}`} required>
          {({ id, invalid, describedBy }) => (
            <Controller name={f} control={control} render={({ field }) => <Input {...field} id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy} data-testid={`campaign-issuer-${f}`} />} />
          )}
        </Field>
      ))}
      <Field id={`${uid}-recipients`} label={t('campaignui.issuer.recipients')} error={messageAt(formState.errors, 'recipients')} testId="campaign-issuer-recipients" extra={t('campaignui.issuer.recipients_hint')}>
        {({ id, invalid, describedBy }) => (
          <Controller name="recipients" control={control} render={({ field }) => <Input.TextArea {...field} id={id} autoSize={{ minRows: 3, maxRows: 10 }} aria-invalid={invalid || undefined} aria-describedby={describedBy} data-testid="campaign-issuer-recipients" />} />
        )}
      </Field>
      {error && <Alert type="error" showIcon title={error} data-testid="campaign-issuer-refused" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="campaign-issuer-save">{t('campaignui.save')}</Button>
    </form>
  );
}
