import { Button, Input } from 'antd';
import { useState } from 'react';
import type { ItemInput, TemplateItem } from '../../../../shared/schema/index.ts';
import { useT } from '../../app/i18n.tsx';

type Save = (input: ItemInput | null) => void;

/** A number field that saves when the user leaves it or presses Enter; accepts "1,5" and "1.5". */
function NumberField({ value, label, step, onCommit }: { value: number | undefined; label: string; step?: number; onCommit: (n: number | null) => void }) {
  const { lang } = useT();
  const [text, setText] = useState(value === undefined ? '' : value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { useGrouping: false, maximumFractionDigits: 4 }));
  const commit = () => {
    const s = text.trim().replace(',', '.');
    if (s === '') return onCommit(null);
    const n = Number(s);
    if (Number.isFinite(n)) onCommit(n);
  };
  return (
    <Input
      size="small"
      className="number"
      inputMode="decimal"
      aria-label={label}
      title={label}
      placeholder={label}
      value={text}
      data-step={step}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

/** The input control fitting an item's rule type. */
export function ItemInputEditor({ item, input, onSave }: { item: TemplateItem; input: ItemInput | undefined; onSave: Save }) {
  const { t, title } = useT();
  const rule = item.rule;
  if (!rule) return null;
  const na = item.notApplicableAllowed ? (
    <Button size="small" shape="round" type={input?.kind === 'notApplicable' ? 'primary' : 'default'} aria-pressed={input?.kind === 'notApplicable'} onClick={() => onSave(input?.kind === 'notApplicable' ? null : { kind: 'notApplicable' })}>
      {t('app.na')}
    </Button>
  ) : null;
  if (input?.kind === 'notApplicable') return <div className="editor">{na}</div>;
  switch (rule.type) {
    case 'BINARY':
      return (
        <div className="editor" role="group" aria-label={item.code}>
          {(['yes', 'no'] as const).map((v) => (
            <Button key={v} size="small" shape="round" type={input?.kind === 'binary' && input.value === v ? 'primary' : 'default'} aria-pressed={input?.kind === 'binary' && input.value === v} onClick={() => onSave({ kind: 'binary', value: v })}>
              {t(v === 'yes' ? 'app.yes' : 'app.no')}
            </Button>
          ))}
          {na}
        </div>
      );
    case 'PERCENT_BANDS':
    case 'RATIO': {
      if (rule.type === 'PERCENT_BANDS' && input?.kind === 'percent') {
        return (
          <div className="editor">
            <NumberField value={input.value} label={t('app.percent')} onCommit={(n) => onSave(n === null ? null : { kind: 'percent', value: n })} /> % {na}
          </div>
        );
      }
      const ratio = input?.kind === 'ratio' ? input : undefined;
      const save = (num: number | null, den: number | null) => {
        if (num === null || den === null) return;
        onSave({ kind: 'ratio', numerator: num, denominator: den });
      };
      return (
        <div className="editor">
          <NumberField value={ratio?.numerator} label={t('app.numerator')} onCommit={(n) => save(n, ratio?.denominator ?? null)} />
          <span>/</span>
          <NumberField value={ratio?.denominator} label={t('app.denominator')} onCommit={(d) => save(ratio?.numerator ?? null, d)} />
          {na}
        </div>
      );
    }
    case 'COUNT_DEDUCT':
      return (
        <div className="editor">
          <NumberField value={input?.kind === 'count' ? input.value : undefined} label={t('app.count_input')} onCommit={(n) => onSave(n === null ? null : { kind: 'count', value: Math.round(n) })} />
          {na}
        </div>
      );
    case 'MANUAL':
      return (
        <div className="editor">
          <NumberField value={input?.kind === 'manual' ? input.value : undefined} label={t('app.col.score')} step={rule.step} onCommit={(n) => onSave(n === null ? null : { kind: 'manual', value: n })} />
          {na}
        </div>
      );
    case 'SURVEY':
      return <div className="editor muted">{t('app.survey_pending')}</div>;
    case 'FORMULA': {
      const values = input?.kind === 'variables' ? input.values : {};
      return (
        <div className="editor">
          {rule.variables.map((v) => (
            <NumberField
              key={v.name}
              value={values[v.name]}
              label={title(v.label)}
              onCommit={(n) => {
                if (n === null) return;
                const next = { ...values, [v.name]: n };
                if (rule.variables.every((x) => next[x.name] !== undefined)) onSave({ kind: 'variables', values: next });
              }}
            />
          ))}
          {na}
        </div>
      );
    }
  }
}
