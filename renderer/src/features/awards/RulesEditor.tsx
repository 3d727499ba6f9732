import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Empty, Form, Input, InputNumber, Select, Space } from 'antd';
import { type ReactNode, useEffect, useId, useMemo, useRef } from 'react';
import { type Control, Controller, type FieldErrors, get, useFieldArray, useForm } from 'react-hook-form';
import type { AwardsView, RulesView } from '../../../../shared/ipc/index.ts';
import { AgencyGroup, CommendationRules, RATINGS } from '../../../../shared/schema/index.ts';
import { api } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { SAVE_KEY, errorText, unwrap } from '../../app/query.ts';
import { z } from '../../ui/zod.ts';
import { awardsKeys, rulesQuery } from './api.ts';
import { NEW_COLLECTIVE, NEW_INDIVIDUAL, type RulesFormValues, rulesErrorMap, rulesOf } from './rules-form.ts';

type Kind = 'collectives' | 'individuals';
const LEVELS = ['province', 'department', 'district', 'commune'] as const;
const GROUPS = AgencyGroup.options;

interface FieldCtx {
  control: Control<RulesFormValues>;
  errors: FieldErrors<RulesFormValues>;
  uid: string;
}

/** One labelled field with its error at it. */
function Field({ ctx, name, label, children }: { ctx: FieldCtx; name: string; label: string; children: (p: { id: string; invalid: boolean }) => ReactNode }) {
  const err = (get(ctx.errors, name) as { message?: string } | undefined)?.message;
  const id = `${ctx.uid}-${name}`;
  return (
    <Form.Item
      layout="vertical"
      label={label}
      htmlFor={id}
      validateStatus={err ? 'error' : ''}
      help={err && <span className="field-error" data-testid={`rules-error-${name}`}>{err}</span>}
      className="rules-field"
    >
      {children({ id, invalid: !!err })}
    </Form.Item>
  );
}

function RuleCard({ ctx, kind, index, count, bands, onMove, onRemove }: { ctx: FieldCtx; kind: Kind; index: number; count: number; bands: RulesView['bands']; onMove: (to: number) => void; onRemove: () => void }) {
  const { t, lang } = useT();
  const p = `${kind}.${index}` as const;
  const text = (name: string, label: string, area = false, width = 200) => (
    <Field ctx={ctx} name={`${p}.${name}`} label={label}>
      {({ id, invalid }) => (
        <Controller
          name={`${p}.${name}` as never}
          control={ctx.control}
          render={({ field }) =>
            area ? (
              <Input.TextArea ref={field.ref} id={id} value={(field.value as string | undefined) ?? ''} onChange={field.onChange} onBlur={field.onBlur} autoSize={{ minRows: 2, maxRows: 4 }} aria-invalid={invalid || undefined} data-testid={`rules-${p}.${name}`} />
            ) : (
              <Input ref={field.ref} id={id} style={{ width }} value={(field.value as string | undefined) ?? ''} onChange={field.onChange} onBlur={field.onBlur} aria-invalid={invalid || undefined} data-testid={`rules-${p}.${name}`} />
            )
          }
        />
      )}
    </Field>
  );
  const num = (name: string, label: string, o: { min?: number; max?: number; step?: number } = {}) => (
    <Field ctx={ctx} name={`${p}.${name}`} label={label}>
      {({ id, invalid }) => (
        <Controller
          name={`${p}.${name}` as never}
          control={ctx.control}
          render={({ field }) => (
            <InputNumber
              ref={field.ref}
              id={id}
              value={(field.value as number | undefined) ?? null}
              onChange={(v) => field.onChange(v ?? undefined)}
              onBlur={field.onBlur}
              min={o.min}
              max={o.max}
              step={o.step ?? 1}
              decimalSeparator={lang === 'vi' ? ',' : '.'}
              aria-invalid={invalid || undefined}
              data-testid={`rules-${p}.${name}`}
            />
          )}
        />
      )}
    </Field>
  );
  const multi = (name: string, label: string, options: { value: string; label: string }[]) => (
    <Field ctx={ctx} name={`${p}.${name}`} label={label}>
      {({ id, invalid }) => (
        <Controller
          name={`${p}.${name}` as never}
          control={ctx.control}
          render={({ field }) => <Select ref={field.ref} id={id} mode="multiple" style={{ minWidth: 200 }} value={(field.value as string[] | undefined) ?? []} onChange={field.onChange} options={options} aria-invalid={invalid || undefined} data-testid={`rules-${p}.${name}`} />}
        />
      )}
    </Field>
  );
  const check = (name: string, label: string) => (
    <Controller
      name={`${p}.${name}` as never}
      control={ctx.control}
      render={({ field }) => (
        <Checkbox checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)} data-testid={`rules-${p}.${name}`}>
          {label}
        </Checkbox>
      )}
    />
  );
  const bandOptions = bands.map((b) => ({ value: b.code, label: `${b.code} — ${b.label}` }));
  const f = (k: string) => t(`awardsui.rules.field.${k}`);
  return (
    <fieldset className="rule-card" data-testid={`rules-card-${kind}-${index}`}>
      <legend>{t(`awardsui.rules.place.${kind}`, { n: index + 1 })}</legend>
      <Space wrap align="start">
        {text('id', f('id'))}
        {text('award.vi', f('award_vi'), false, 340)}
        {text('award.en', f('award_en'), false, 340)}
        <Field ctx={ctx} name={`${p}.level`} label={f('level')}>
          {({ id }) => (
            <Controller
              name={`${p}.level`}
              control={ctx.control}
              render={({ field }) => <Select id={id} style={{ width: 160 }} value={field.value} onChange={field.onChange} options={LEVELS.map((l) => ({ value: l, label: t(`awards.level.${l}`) }))} />}
            />
          )}
        </Field>
      </Space>
      <Space wrap align="start">
        {kind === 'collectives' ? multi('bands', f('bands'), bandOptions) : multi('agencyBands', f('agencyBands'), bandOptions)}
        {GROUPS.map((g) => num(`${kind === 'collectives' ? 'topN' : 'agencyTopN'}.${g}`, t('awardsui.rules.field.top_of', { group: t(`cli.group.${g}`) }), { min: 1 }))}
        {kind === 'collectives' && num('minIndex', f('minIndex'), { min: 0, max: 100, step: 0.5 })}
        {kind === 'collectives' && num('consecutiveYears', f('consecutiveYears'), { min: 1, max: 10 })}
      </Space>
      {kind === 'individuals' && (
        <Space wrap align="start">
          {multi('ratingThisYear', f('ratingThisYear'), RATINGS.map((r) => ({ value: r, label: t(`awards.rating.${r}`) })))}
          {multi('ratingLastYear', f('ratingLastYear'), RATINGS.map((r) => ({ value: r, label: t(`awards.rating.${r}`) })))}
          {num('minInitiatives', f('minInitiatives'), { min: 0 })}
          {num('capPerAgency', f('capPerAgency'), { min: 1 })}
        </Space>
      )}
      <Space wrap>
        {kind === 'collectives' ? check('noPenalty', f('noPenalty')) : check('noDiscipline', f('noDiscipline'))}
        {kind === 'collectives' && check('requireNomination', f('requireNomination'))}
        {check('cumulative', f('cumulative'))}
      </Space>
      {text('certificateWording.vi', f('certificateWording'), true)}
      <Space>
        <Button size="small" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('awardsui.rules.up_of', { n: index + 1 })}>
          {t('awardsui.rules.up')}
        </Button>
        <Button size="small" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('awardsui.rules.down_of', { n: index + 1 })}>
          {t('awardsui.rules.down')}
        </Button>
        <Button size="small" danger onClick={onRemove} aria-label={t('awardsui.rules.remove_of', { n: index + 1 })} data-testid={`rules-remove-${kind}-${index}`}>
          {t('awardsui.rules.remove')}
        </Button>
      </Space>
    </fieldset>
  );
}

function PreviewList({ view }: { view: AwardsView }) {
  const { t } = useT();
  if (view.state === 'no-results') return <Empty description={t('awardsui.no_results')} data-testid="rules-preview-none" />;
  return (
    <ul className="rules-preview" data-testid="rules-preview">
      {view.rules.map((r) => (
        <li key={`${r.kind}:${r.rule}`}>
          <strong>{r.award}</strong> ({r.rule}): {t(`awardsui.counts.${r.kind}`, { candidates: r.candidates.length, excluded: r.excluded.length })}
          {r.candidates.length > 0 && <div className="muted">{r.candidates.slice(0, 10).map((c) => (c.name === c.agencyName ? `${c.name} (${c.agency})` : `${c.name}, ${c.agencyName}`)).join('; ')}{r.candidates.length > 10 ? ` ${t('awardsui.rules.and_more', { n: r.candidates.length - 10 })}` : ''}</div>}
        </li>
      ))}
    </ul>
  );
}

function Editor({ initial }: { initial: RulesView }) {
  const { t } = useT();
  const qc = useQueryClient();
  const uid = useId();
  const schema = useMemo(() => z.preprocess((v) => rulesOf(v as RulesFormValues), CommendationRules), []);
  const errorMap = useMemo(() => rulesErrorMap(t), [t]);
  const { control, handleSubmit, formState, setError, getValues, trigger, reset } = useForm<RulesFormValues>({
    resolver: zodResolver(schema as never, { error: errorMap as never }) as never,
    defaultValues: initial.rules as RulesFormValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const collectives = useFieldArray({ control, name: 'collectives' });
  const individuals = useFieldArray({ control, name: 'individuals' });
  const arrays = { collectives, individuals };
  const ctx: FieldCtx = { control, errors: formState.errors, uid };
  /** The service's problems at their fields; those of no field come back for an alert. */
  const place = (problems: { path: string; message: string }[]): string[] => {
    const rest: string[] = [];
    let first = true;
    for (const p of problems) {
      // The first one is focused (scrolled into view): the rules are a long form.
      if (p.path) setError(p.path as never, { type: 'server', message: p.message }, { shouldFocus: first });
      if (p.path) first = false;
      else rest.push(p.message);
    }
    return rest;
  };
  const save = useMutation({
    mutationKey: SAVE_KEY,
    mutationFn: async (v: RulesFormValues) => {
      const r = await unwrap(api.awardsSetRules({ rules: rulesOf(v) }));
      if (!r.ok) return { saved: false as const, rest: place(r.problems) };
      qc.setQueryData(awardsKeys.rules(), r.rules);
      void qc.invalidateQueries({ queryKey: awardsKeys.view() });
      reset(r.rules.rules as RulesFormValues);
      return { saved: true as const, rest: [] };
    },
  });
  const preview = useMutation({
    mutationFn: async () => {
      const r = await unwrap(api.awardsPreviewRules({ rules: rulesOf(getValues()) }));
      if (!r.ok) return { view: null, rest: place(r.problems) };
      return { view: r.view, rest: [] };
    },
  });
  // A new preview comes into view (it is under the rules, often below the window's edge).
  const previewRef = useRef<HTMLElement>(null);
  useEffect(() => previewRef.current?.scrollIntoView({ block: 'nearest' }), [preview.data]);
  const band = initial.bands[0]?.code ?? 'A';
  const section = (kind: Kind) => {
    const arr = arrays[kind];
    return (
      <section className="rules-kind" aria-labelledby={`${uid}-${kind}`}>
        <h3 id={`${uid}-${kind}`}>{t(`awardsui.rules.kind.${kind}`)}</h3>
        {arr.fields.length === 0 && <p className="muted">{t('awardsui.rules.none')}</p>}
        {arr.fields.map((f, i) => (
          <RuleCard key={f.id} ctx={ctx} kind={kind} index={i} count={arr.fields.length} bands={initial.bands} onMove={(to) => arr.move(i, to)} onRemove={() => arr.remove(i)} />
        ))}
        <Button data-testid={`rules-add-${kind}`} onClick={() => (kind === 'collectives' ? collectives.append(NEW_COLLECTIVE(collectives.fields.length + 1, band)) : individuals.append(NEW_INDIVIDUAL(individuals.fields.length + 1, band)))}>
          {t(`awardsui.rules.add.${kind}`)}
        </Button>
      </section>
    );
  };
  const rest = [...(save.data?.rest ?? []), ...(preview.data?.rest ?? [])];
  return (
    <Form layout="vertical" className="rules-editor" data-testid="rules-editor" onFinish={() => void handleSubmit((v) => save.mutate(v))()}>
      {section('collectives')}
      {section('individuals')}
      {rest.length > 0 && <Alert type="error" showIcon title={t('awardsui.rules.problems')} description={<ul>{rest.map((m) => <li key={m}>{m}</li>)}</ul>} />}
      {save.isError && <Alert type="error" showIcon title={errorText(save.error, t)} />}
      {save.data?.saved && !formState.isDirty && <Alert type="success" showIcon title={t('awardsui.rules.saved')} data-testid="rules-saved" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rules-save">
          {t('awardsui.rules.save')}
        </Button>
        <Button loading={preview.isPending} data-testid="rules-preview-run" onClick={() => void trigger().then((valid) => valid && preview.mutate())}>
          {t('awardsui.rules.preview')}
        </Button>
      </Space>
      {preview.isError && <Alert type="error" showIcon title={errorText(preview.error, t)} />}
      {preview.data?.view && (
        <section aria-labelledby={`${uid}-preview`} ref={previewRef}>
          <h3 id={`${uid}-preview`}>{t('awardsui.rules.preview_title')}</h3>
          <PreviewList view={preview.data.view} />
        </section>
      )}
    </Form>
  );
}

/**
 * The campaign's commendation rules, each rule's parameters in a form (the service's schema, errors
 * at the field), rules added, removed and reordered (highest award first), saved through the same
 * setRules as `parscore award set-rules`, with a preview of whom the unsaved rules would select.
 * Embedded in the campaign setup as a step (no props).
 */
export function RulesEditor() {
  const { t } = useT();
  const query = useQuery(rulesQuery());
  if (query.isError) return <Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} />;
  if (!query.data) return <p aria-busy="true">{t('app.loading')}</p>;
  return <Editor initial={query.data} />;
}
