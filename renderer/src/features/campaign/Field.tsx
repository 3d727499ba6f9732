import { Form } from 'antd';
import type { ReactNode } from 'react';

/** The first message under `path` of react-hook-form's errors (a schema path may go deeper than the field: label.vi). */
export function messageAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const find = (n: unknown): string | undefined => {
    if (!n || typeof n !== 'object') return undefined;
    const m = (n as { message?: unknown }).message;
    if (typeof m === 'string') return m;
    for (const v of Object.values(n)) {
      const x = find(v);
      if (x) return x;
    }
    return undefined;
  };
  return find(node);
}

/** A labelled field with its error said at it (aria-describedby points there). */
export function Field(props: { id: string; label: ReactNode; error: string | undefined; testId: string; required?: boolean; extra?: ReactNode; children: (a: { id: string; invalid: boolean; describedBy: string | undefined }) => ReactNode }) {
  const { id, error } = props;
  const describedBy = [error ? `${id}-error` : null, props.extra ? `${id}-extra` : null].filter(Boolean).join(' ') || undefined;
  return (
    <Form.Item
      layout="vertical"
      label={props.label}
      htmlFor={id}
      required={props.required}
      validateStatus={error ? 'error' : ''}
      help={error && <span id={`${id}-error`} className="field-error" data-testid={`${props.testId}-error`}>{error}</span>}
      extra={props.extra && <span id={`${id}-extra`}>{props.extra}</span>}
    >
      {props.children({ id, invalid: !!error, describedBy })}
    </Form.Item>
  );
}
