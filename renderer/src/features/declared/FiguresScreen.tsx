import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Radio } from 'antd';
import { useState } from 'react';
import { parseNumberText } from '../../../../shared/indicators/validate.ts';
import type { Indicator, IndicatorValue } from '../../../../shared/schema/index.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { navigate } from '../../app/router.ts';
import { AgencyNav } from './AgencyNav.tsx';
import { figuresQuery, useSetFigure } from './api.ts';
import { FieldState, useFieldSave } from './field-state.tsx';

/** A stored number as the officer reads and edits it: grouped the user's way (1.675; 82,5), read back the same. */
export function figureText(v: IndicatorValue, lang: 'vi' | 'en'): string {
  if (typeof v === 'number') return v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 6 });
  return typeof v === 'string' ? v : '';
}

/** What the figure accepts, in words: its type, range and the item it supports. */
function hint(def: Indicator, t: (k: string, p?: Record<string, string | number>) => string, n: (x: number) => string): string {
  const parts = [t(`declared.figures.type.${def.type}`)];
  if (def.min !== undefined && def.max !== undefined) parts.push(t('declared.figures.range', { min: n(def.min), max: n(def.max) }));
  else if (def.min !== undefined) parts.push(t('declared.figures.min', { min: n(def.min) }));
  else if (def.max !== undefined) parts.push(t('declared.figures.max', { max: n(def.max) }));
  if (def.item) parts.push(t('declared.figures.item', { item: def.item }));
  return parts.join(' · ');
}

/**
 * One declared figure: typed by its kind (a number with its unit, yes/no, text), saved on Enter or
 * when the field is left (an unchanged value writes nothing), refused at the field in the
 * template's words (main checks the type and range), what was typed kept.
 */
function FigureRow({ agency, def, value, disabled }: { agency: string; def: Indicator; value: IndicatorValue; disabled: boolean }) {
  const { t, lang, title } = useT();
  const set = useSetFigure(agency);
  const { save, run, reset } = useFieldSave();
  const stored = figureText(value, lang);
  const [text, setText] = useState(stored);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(figureText(value, lang));
  }
  const id = `figure-${def.code}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const label = `${def.code} ${title(def.title)}${def.unit ? ` (${def.unit})` : ''}`;
  const send = (v: { text: string } | IndicatorValue) => run(set.mutateAsync({ code: def.code, value: v }));
  const commit = () => {
    const s = text.trim();
    if (s === stored.trim()) return reset();
    if (s === '') return send(null);
    if (def.type === 'text') return send(s);
    // Read the user's way; anything else goes as typed, for main to refuse in the figure's words.
    const n = parseNumberText(s, lang);
    send(n === null ? { text: s } : n);
  };
  const failed = save.state === 'failed';
  const described = [hintId, failed ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="figure-row" data-testid={id} data-figure={def.code}>
      {/* A yes/no figure is a group of buttons (named by this text), not one labelable field. */}
      {def.type === 'boolean' ? (
        <span className="figure-label" id={`${id}-label`}>
          <span className="code">{def.code}</span> {title(def.title)}
        </span>
      ) : (
        <label htmlFor={id} className="figure-label" id={`${id}-label`}>
          <span className="code">{def.code}</span> {title(def.title)}
          {def.unit && <span className="muted"> ({def.unit})</span>}
        </label>
      )}
      <div className="figure-control">
        {def.type === 'boolean' ? (
          <span className="figure-boolean">
            <Radio.Group
              role="radiogroup"
              aria-labelledby={`${id}-label`}
              aria-describedby={described}
              optionType="button"
              disabled={disabled}
              value={value === null ? undefined : value}
              onChange={(e) => send(e.target.value as boolean)}
              options={[
                { value: true, label: t('declared.figures.yes') },
                { value: false, label: t('declared.figures.no') },
              ]}
            />
            <Button size="small" disabled={disabled || value === null} aria-label={t('declared.figures.clear_of', { code: def.code })} onClick={() => send(null)}>
              {t('declared.figures.clear')}
            </Button>
          </span>
        ) : def.type === 'text' ? (
          <Input.TextArea
            id={id}
            aria-label={label}
            aria-describedby={described}
            aria-invalid={failed || undefined}
            status={failed ? 'error' : undefined}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={5000}
            disabled={disabled}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
          />
        ) : (
          <Input
            id={id}
            aria-label={label}
            aria-describedby={described}
            aria-invalid={failed || undefined}
            status={failed ? 'error' : undefined}
            className="figure-number"
            inputMode="decimal"
            disabled={disabled}
            suffix={def.unit ? <span className="muted">{def.unit}</span> : undefined}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
            }}
          />
        )}
        <span id={hintId} className="muted figure-hint">
          {value === null ? `${t('declared.figures.missing')} · ` : ''}
          {hint(def, t, (x) => figureText(x, lang))}
        </span>
        <FieldState save={save} errorId={errorId} testId={id} />
      </div>
    </div>
  );
}

/** The ranked criteria set's declared figures (số liệu kê khai) of one agency. */
export default function FiguresScreen({ code }: { code: string }) {
  const { t, title } = useT();
  const query = useQuery(figuresQuery(code));
  if (query.isError) return <main><Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} /></main>;
  const view = query.data;
  if (!view) return <main aria-busy="true">{t('app.loading')}</main>;
  return (
    <main className="declared-screen" data-testid="figures-screen">
      <div className="toolbar">
        <Button onClick={() => navigate(`/agency/${code}`)}>{t('send.back')}</Button>
        <h1>{t('declared.figures.title')}</h1>
        <span className="muted">{title(view.template.title)}</span>
      </div>
      <AgencyNav code={code} current="figures" />
      {view.readOnly && <Alert type="info" showIcon className="read-only" data-testid="read-only" title={t('integrity.read_only_title')} description={view.readOnly.reason} />}
      <p className="muted">{t('declared.figures.help')}</p>
      {view.figures.length === 0 ? (
        <p className="muted">{t('declared.figures.none')}</p>
      ) : (
        <section className="figure-list" aria-label={t('declared.figures.title')}>
          {view.figures.map((f) => (
            <FigureRow key={f.def.code} agency={code} def={f.def} value={f.value} disabled={view.readOnly !== null} />
          ))}
        </section>
      )}
    </main>
  );
}
