import { Form, Input } from 'antd';
import { useEffect, useId, useState } from 'react';
import { formatDate } from '../../../shared/i18n/index.ts';
import { useT } from '../app/i18n.tsx';

/**
 * A day typed the way the user writes it: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or
 * yyyy-mm-dd; the ISO day (yyyy-mm-dd), '' when empty, or null when it is no day of the calendar.
 * (The browser's date input shows the machine's format, often mm/dd/yyyy.)
 */
export function parseDay(text: string): string | null | '' {
  const s = text.trim();
  if (s === '') return '';
  let y: number;
  let m: number;
  let d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A labelled day field: the value is an ISO day or ''; what the user types stays as typed until it
 * reads as a day; a text that is no day is said at the field (and `onChange` is not called).
 */
export function DayField(props: { label: string; value: string; onChange: (iso: string) => void; testId: string; help?: string; error?: string | null; width?: number }) {
  const { t, lang } = useT();
  const id = useId();
  const [text, setText] = useState(props.value ? formatDate(lang, props.value) : '');
  const [bad, setBad] = useState(false);
  // Shown again when the value changes from outside (a default, a reset) or the language does.
  useEffect(() => {
    setText(props.value ? formatDate(lang, props.value) : '');
    setBad(false);
  }, [props.value, lang]);
  const error = bad ? t('ui.day.invalid') : (props.error ?? null);
  return (
    <Form.Item label={props.label} htmlFor={id} validateStatus={error ? 'error' : ''} help={error ? <span role="alert" data-testid={`${props.testId}-error`}>{error}</span> : props.help}>
      <Input
        id={id}
        data-testid={props.testId}
        style={{ width: props.width ?? 140 }}
        value={text}
        placeholder={t('ui.day.placeholder')}
        aria-invalid={!!error}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseDay(e.target.value);
          if (iso !== null) {
            setBad(false);
            props.onChange(iso);
          }
        }}
        // Said when the user leaves the field, not while a day is half typed.
        onBlur={() => setBad(parseDay(text) === null)}
      />
    </Form.Item>
  );
}
