import { Button, Segmented } from 'antd';
import { type ReactNode, useState } from 'react';
import type { FormulaVariable, ItemInput, TemplateItem } from '../../../../shared/schema/index.ts';
import { useT } from '../../app/i18n.tsx';
import { NumberField } from './NumberField.tsx';

type Save = (input: ItemInput | null) => void;

interface Props {
  item: TemplateItem;
  input: ItemInput | undefined;
  onSave: Save;
  /** Why the last save failed, in the user's words; shown under the controls, which keep what was typed. */
  error?: string | null | undefined;
  errorId: string;
  /** Called when a field is back to its stored value (the failed save's message goes). */
  onUnchanged?: (() => void) | undefined;
  disabled?: boolean | undefined;
}

/** Two-way choice buttons (yes/no, percentage/ratio) as one labelled group, the chosen one pressed. */
function Choice<V extends string>({ label, options, value, onChoose, disabled }: { label: string; options: { value: V; label: string }[]; value: V | undefined; onChoose: (v: V) => void; disabled?: boolean | undefined }) {
  return (
    <div className="choice" role="group" aria-label={label}>
      {options.map((o) => (
        <Button key={o.value} type={value === o.value ? 'primary' : 'default'} aria-pressed={value === o.value} disabled={disabled} onClick={() => onChoose(o.value)}>
          {o.label}
        </Button>
      ))}
    </div>
  );
}

/** Numerator and denominator: saved once both are typed. */
function RatioFields({ ratio, onSave, errorId, disabled }: { ratio: { numerator: number; denominator: number } | undefined; onSave: Save; errorId: string | undefined; disabled?: boolean | undefined }) {
  const { t } = useT();
  const [num, setNum] = useState<number | null>(ratio?.numerator ?? null);
  const [den, setDen] = useState<number | null>(ratio?.denominator ?? null);
  const stored = `${ratio?.numerator}/${ratio?.denominator}`;
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setNum(ratio?.numerator ?? null);
    setDen(ratio?.denominator ?? null);
  }
  const save = (n: number | null, d: number | null) => {
    setNum(n);
    setDen(d);
    if (n === null && d === null) onSave(null);
    else if (n !== null && d !== null) onSave({ kind: 'ratio', numerator: n, denominator: d });
  };
  return (
    <>
      <div className="editor">
        <NumberField value={ratio?.numerator} label={t('app.numerator')} saveError={errorId} disabled={disabled} onCommit={(n) => save(n, den)} />
        <span aria-hidden="true">/</span>
        <NumberField value={ratio?.denominator} label={t('app.denominator')} saveError={errorId} disabled={disabled} onCommit={(d) => save(num, d)} />
      </div>
      {(num === null) !== (den === null) && <div className="muted">{t('officer.need_both')}</div>}
    </>
  );
}

/** The formula's figures: saved once every one is typed; clearing them all clears the answer. */
function FormulaFields({ variables, values, onSave, errorId, disabled }: { variables: FormulaVariable[]; values: Record<string, number>; onSave: Save; errorId: string | undefined; disabled?: boolean | undefined }) {
  const { t, title } = useT();
  const [typed, setTyped] = useState<Record<string, number>>(values);
  const stored = JSON.stringify(values);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setTyped(values);
  }
  const complete = variables.every((x) => typed[x.name] !== undefined);
  return (
    <>
      <div className="editor">
        {variables.map((v) => (
          <NumberField
            key={v.name}
            value={values[v.name]}
            label={title(v.label)}
            saveError={errorId}
            disabled={disabled}
            onCommit={(n) => {
              const next = { ...typed };
              if (n === null) delete next[v.name];
              else next[v.name] = n;
              setTyped(next);
              if (variables.every((x) => next[x.name] !== undefined)) onSave({ kind: 'variables', values: next });
              else if (Object.keys(next).length === 0) onSave(null);
            }}
          />
        ))}
      </div>
      {!complete && Object.keys(typed).length > 0 && <div className="muted">{t('officer.need_all')}</div>}
    </>
  );
}

/** The control fitting an item's rule type: yes/no, a number, a ratio, a percentage or a ratio (bands), the formula's figures. */
export function ItemInputEditor({ item, input, onSave, error, errorId, onUnchanged, disabled }: Props) {
  const { t } = useT();
  const rule = item.rule;
  const [mode, setMode] = useState<'percent' | 'ratio'>(input?.kind === 'ratio' ? 'ratio' : 'percent');
  if (!rule) return null;
  const errId = error ? errorId : undefined;
  const na = item.notApplicableAllowed ? (
    <Button type={input?.kind === 'notApplicable' ? 'primary' : 'default'} aria-pressed={input?.kind === 'notApplicable'} disabled={disabled} onClick={() => onSave(input?.kind === 'notApplicable' ? null : { kind: 'notApplicable' })}>
      {t('app.na')}
    </Button>
  ) : null;

  let control: ReactNode;
  if (input?.kind === 'notApplicable') control = null;
  else
    switch (rule.type) {
      case 'BINARY':
        control = (
          <Choice
            label={t('officer.answer')}
            disabled={disabled}
            value={input?.kind === 'binary' ? input.value : undefined}
            options={[
              { value: 'yes', label: t('app.yes') },
              { value: 'no', label: t('app.no') },
            ]}
            onChoose={(v) => onSave({ kind: 'binary', value: v })}
          />
        );
        break;
      case 'PERCENT_BANDS':
        control = (
          <>
            <Segmented
              aria-label={t('officer.mode')}
              value={mode}
              disabled={disabled}
              onChange={(v) => setMode(v)}
              options={[
                { value: 'percent' as const, label: t('officer.mode.percent') },
                { value: 'ratio' as const, label: t('officer.mode.ratio') },
              ]}
            />
            {mode === 'percent' ? (
              <div className="editor">
                <NumberField value={input?.kind === 'percent' ? input.value : undefined} label={t('app.percent')} saveError={errId} onUnchanged={onUnchanged} disabled={disabled} onCommit={(n) => onSave(n === null ? null : { kind: 'percent', value: n })} />
              </div>
            ) : (
              <RatioFields ratio={input?.kind === 'ratio' ? input : undefined} onSave={onSave} errorId={errId} disabled={disabled} />
            )}
          </>
        );
        break;
      case 'RATIO':
        control = <RatioFields ratio={input?.kind === 'ratio' ? input : undefined} onSave={onSave} errorId={errId} disabled={disabled} />;
        break;
      case 'COUNT_DEDUCT':
        control = (
          <div className="editor">
            <NumberField value={input?.kind === 'count' ? input.value : undefined} label={t('app.count_input')} saveError={errId} onUnchanged={onUnchanged} disabled={disabled} onCommit={(n) => onSave(n === null ? null : { kind: 'count', value: n })} />
          </div>
        );
        break;
      case 'MANUAL':
        control = (
          <div className="editor">
            <NumberField value={input?.kind === 'manual' ? input.value : undefined} label={t('app.col.score')} saveError={errId} onUnchanged={onUnchanged} disabled={disabled} onCommit={(n) => onSave(n === null ? null : { kind: 'manual', value: n })} />
          </div>
        );
        break;
      case 'SURVEY':
        control = <div className="muted">{t('app.survey_pending')}</div>;
        break;
      case 'FORMULA':
        control = <FormulaFields variables={rule.variables} values={input?.kind === 'variables' ? input.values : {}} onSave={onSave} errorId={errId} disabled={disabled} />;
        break;
    }

  return (
    <div className="item-editor">
      {control}
      {na && <div className="editor">{na}</div>}
      {error && (
        <div id={errorId} role="alert" className="field-error" data-testid="save-error">
          {t('officer.save_failed', { reason: error })}
        </div>
      )}
    </div>
  );
}
