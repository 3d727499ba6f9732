import { Button, Form, Input, Space } from 'antd';
import { useId } from 'react';
import { api } from '../app/bridge.ts';
import { useT } from '../app/i18n.tsx';

/**
 * A folder: typed (the browser mode, or to paste a path), or chosen in Electron's native dialog.
 * The error, if any, shows at the field. Used wherever the user names a folder (a new workspace,
 * the destination of reports or exported appraisals).
 */
export function FolderField(props: { value: string; onChange: (v: string) => void; error: string | null; help: string; canPick: boolean; testId: string; autoFocus?: boolean; label?: string }) {
  const { t } = useT();
  const id = useId();
  return (
    <Form.Item layout="vertical" label={props.label ?? t('start.field.folder')} htmlFor={id} validateStatus={props.error ? 'error' : ''} help={props.error ? <span role="alert" data-testid={`${props.testId}-error`}>{props.error}</span> : props.help}>
      <Space.Compact block>
        <Input id={id} data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)} spellCheck={false} autoFocus={props.autoFocus} aria-invalid={!!props.error} />
        {props.canPick && (
          <Button
            onClick={async () => {
              const r = await api.startPickFolder({});
              if (r.ok && r.value.path) props.onChange(r.value.path);
            }}
          >
            {t('start.pick')}
          </Button>
        )}
      </Space.Compact>
    </Form.Item>
  );
}
