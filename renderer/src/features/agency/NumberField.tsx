import { Input } from 'antd';
import { useId, useState } from 'react';
import { parseNumberText } from '../../../../shared/indicators/validate.ts';
import { useT } from '../../app/i18n.tsx';

/** How a stored number is shown for editing: decimal comma in Vietnamese, no grouping (so it reads back the same). */
export function numberText(value: number | undefined, lang: 'vi' | 'en'): string {
  return value === undefined ? '' : value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { useGrouping: false, maximumFractionDigits: 4 });
}

interface Props {
  value: number | undefined;
  label: string;
  /** The saved value changed or was cleared (null). Not called when the text is unchanged. */
  onCommit: (n: number | null) => void;
  /** The text is back to the stored value: nothing to save, a failed save's message no longer applies. */
  onUnchanged?: (() => void) | undefined;
  /** The id of the save's error shown by the editor (the field is then marked invalid); what was typed stays. */
  saveError?: string | undefined;
  disabled?: boolean | undefined;
}

/**
 * A number typed the Vietnamese way ("8,5", "1.675") or plainly ("8.5"), saved on Enter or when the
 * field is left. Text that is not a number is refused at the field, in words, and nothing is saved.
 */
export function NumberField({ value, label, onCommit, onUnchanged, saveError, disabled }: Props) {
  const { t, lang } = useT();
  const id = useId();
  const initial = numberText(value, lang);
  const [text, setText] = useState(initial);
  const [bad, setBad] = useState(false);
  // A save that went through (or a clear) shows the stored value; a refused one keeps what was typed.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(initial);
    setBad(false);
  }
  const commit = () => {
    const s = text.trim();
    if (s === initial.trim()) {
      setBad(false);
      return onUnchanged?.();
    }
    if (s === '') {
      setBad(false);
      return onCommit(null);
    }
    const n = parseNumberText(s, lang);
    setBad(n === null);
    if (n !== null) onCommit(n);
  };
  const describedBy = bad ? `${id}-error` : saveError;
  return (
    <span className="number-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <Input
        id={id}
        className="number"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        status={describedBy ? 'error' : undefined}
        aria-invalid={describedBy ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setText(e.target.value);
          if (bad) setBad(false);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {bad && (
        <span id={`${id}-error`} role="alert" className="field-error">
          {t('officer.not_a_number')}
        </span>
      )}
    </span>
  );
}
