import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input, Radio, Select } from 'antd';
import { type ReactNode, useEffect, useId, useMemo, useRef } from 'react';
import { Controller, type FieldPath, useForm } from 'react-hook-form';
import type { AwardOption } from '../../../../shared/ipc/index.ts';
import { RATINGS, type Nomination } from '../../../../shared/schema/index.ts';
import { useT } from '../../app/i18n.tsx';
import { type NominationFormValues, nominationFormSchema } from './form.ts';

type Field = FieldPath<NominationFormValues>;

interface Props {
  initial: NominationFormValues;
  /** Editing: kind and id stay (the service keeps them). */
  editing: string | null;
  awards: { collective: AwardOption[]; individual: AwardOption[] };
  /** Ids already used (a new nomination needs its own). */
  taken: string[];
  busy: boolean;
  /** The service's refusal, in the user's words (every message). */
  error: string[] | null;
  onSubmit: (v: NominationFormValues, parsed: Nomination) => void;
  onCancel: () => void;
}

/**
 * One nomination with every column of the provincial list: collective (name) or individual
 * (full name, gender, birth year, position, unit, ratings, discipline, initiatives), the achievements
 * and the proposed award. Checked by the service's own schema, every error at its field at once,
 * each cleared as soon as it is fixed.
 */
export function NominationForm({ initial, editing, awards, taken, busy, error, onSubmit, onCancel }: Props) {
  const { t, title } = useT();
  const uid = useId();
  const { schema, error: errorMap } = useMemo(() => nominationFormSchema(t), [t]);
  const { control, handleSubmit, formState, watch, setError } = useForm<NominationFormValues, unknown, Nomination>({
    resolver: zodResolver(schema, { error: errorMap }),
    defaultValues: initial,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const kind = watch('kind');
  // Opened: the focus goes to its first control that can change (keyboard users start typing at once).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])')?.focus(), []);

  const item = (f: Field, control_: (p: { id: string; invalid: boolean; describedBy: string | undefined }) => ReactNode, opts: { required?: boolean; extra?: string } = {}) => {
    const err = formState.errors[f]?.message;
    const id = `${uid}-${f}`;
    const describedBy = [err ? `${id}-error` : null, opts.extra ? `${id}-extra` : null].filter(Boolean).join(' ') || undefined;
    return (
      <Form.Item
        key={f}
        layout="vertical"
        label={t(`nominations.col.${f}`)}
        htmlFor={id}
        required={opts.required}
        validateStatus={err ? 'error' : ''}
        help={err && <span id={`${id}-error`} className="field-error" data-testid={`nomination-${f}-error`}>{err}</span>}
        extra={opts.extra && <span id={`${id}-extra`}>{opts.extra}</span>}
        className={`nomination-field nomination-${f}`}
      >
        {control_({ id, invalid: !!err, describedBy })}
      </Form.Item>
    );
  };
  const text = (f: Field, o: { required?: boolean; area?: boolean; extra?: string; max?: number } = {}) =>
    item(
      f,
      ({ id, invalid, describedBy }) => (
        <Controller
          name={f}
          control={control}
          render={({ field }) =>
            o.area ? (
              <Input.TextArea {...field} id={id} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={o.max} aria-invalid={invalid || undefined} aria-describedby={describedBy} data-testid={`nomination-${f}`} />
            ) : (
              <Input {...field} id={id} maxLength={o.max} aria-invalid={invalid || undefined} aria-describedby={describedBy} disabled={f === 'id' && editing !== null} data-testid={`nomination-${f}`} />
            )
          }
        />
      ),
      o,
    );
  const select = (f: Field, options: { value: string; label: string }[], o: { required?: boolean } = {}) =>
    item(
      f,
      ({ id, invalid, describedBy }) => (
        <Controller
          name={f}
          control={control}
          render={({ field }) => (
            <Select
              id={id}
              value={field.value === '' ? undefined : field.value}
              onChange={(v: string | undefined) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              options={options}
              allowClear
              status={invalid ? 'error' : undefined}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              data-testid={`nomination-${f}`}
              popupMatchSelectWidth={false}
            />
          )}
        />
      ),
      o,
    );
  const ratings = RATINGS.map((r) => ({ value: r, label: t(`awards.rating.${r}`) }));
  const awardOptions = (kind === 'collective' ? awards.collective : awards.individual).map((a) => ({ value: a.id, label: title(a.award) }));

  return (
    <form
      ref={formRef}
      className="nomination-form"
      data-testid="nomination-form"
      aria-label={editing ? t('nominations.form_edit', { id: editing }) : t('nominations.form_add')}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      onSubmit={(e) =>
        void handleSubmit((parsed) => {
          if (!editing && taken.includes(parsed.id)) return setError('id', { message: t('nominations.err.duplicate', { id: parsed.id }) });
          onSubmit(watch(), parsed);
        })(e)
      }
    >
      <h2 className="card-title">{editing ? t('nominations.form_edit', { id: editing }) : t('nominations.form_add')}</h2>
      <div className="nomination-grid">
        {item(
          'kind',
          ({ id, describedBy }) => (
            <Controller
              name="kind"
              control={control}
              render={({ field }) => (
                <Radio.Group
                  id={id}
                  role="radiogroup"
                  aria-label={t('nominations.col.kind')}
                  aria-describedby={describedBy}
                  optionType="button"
                  disabled={editing !== null}
                  value={field.value}
                  onChange={(e) => field.onChange(e.target.value)}
                  options={[
                    { value: 'individual', label: t('nominations.kind.individual') },
                    { value: 'collective', label: t('nominations.kind.collective') },
                  ]}
                />
              )}
            />
          ),
          { required: true },
        )}
        {text('id', { required: true, max: 40 })}
        {kind === 'collective' ? (
          text('name', { required: true, max: 300 })
        ) : (
          <>
            {text('fullName', { required: true, max: 200 })}
            {select('gender', [
              { value: 'male', label: t('nominations.gender.male') },
              { value: 'female', label: t('nominations.gender.female') },
            ], { required: true })}
            {text('birthYear', { required: true, max: 10 })}
            {text('position', { required: true, max: 300 })}
            {text('unit', { required: true, max: 300 })}
            {select('ratingThisYear', ratings, { required: true })}
            {select('ratingLastYear', ratings)}
            {text('discipline', { max: 500, extra: t('nominations.discipline_help') })}
            {text('initiatives', { max: 10 })}
          </>
        )}
        {select('proposedAward', awardOptions, { required: true })}
      </div>
      {text('achievements', { required: true, area: true, max: 5000 })}
      {text('note', { area: true, max: 2000 })}
      {error && (
        <Alert type="error" showIcon role="alert" data-testid="nomination-error" title={error.map((m) => <div key={m}>{m}</div>)} />
      )}
      <div className="panel-actions">
        <Button type="primary" htmlType="submit" loading={busy} data-testid="nomination-save">
          {t('nominations.save')}
        </Button>
        <Button onClick={onCancel} data-testid="nomination-cancel">{t('nominations.cancel')}</Button>
      </div>
    </form>
  );
}
