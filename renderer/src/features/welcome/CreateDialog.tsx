import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { useId, useState } from 'react';
import type { StartState } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText, unwrap } from '../../app/query.ts';
import { useEntered } from './api.ts';
import { FolderField } from '../../ui/FolderField.tsx';

/** Create a Home Affairs workspace: folder and name, each error at its field. */
export function CreateDialog({ state, onClose }: { state: StartState; onClose: () => void }) {
  const { t } = useT();
  const id = useId();
  const [folder, setFolder] = useState(`${state.defaultParent}${state.sep}so-noi-vu`);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ folder?: string; name?: string }>({});
  const entered = useEntered();
  const create = useMutation({
    mutationFn: () => unwrap(api.startCreateHomeAffairs({ path: folder.trim(), name: name.trim() })),
    onSuccess: () => (onClose(), entered()),
    // Every refusal of the service is about the folder (the name is checked here first).
    onError: (e) => setErrors({ folder: errorText(e, t) }),
  });
  const submit = () => {
    const next = { ...(folder.trim() ? {} : { folder: t('start.field.folder_required') }), ...(name.trim() ? {} : { name: t('start.field.name_required') }) };
    setErrors(next);
    if (Object.keys(next).length === 0) create.mutate();
  };
  return (
    <Modal open title={t('start.create.title')} okText={t('start.create')} cancelText={t('start.cancel')} onOk={submit} onCancel={onClose} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'create-submit' }} destroyOnHidden>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Form.Item layout="vertical" label={t('start.field.name')} htmlFor={id} validateStatus={errors.name ? 'error' : ''} help={errors.name && <span role="alert">{errors.name}</span>}>
          <Input id={id} data-testid="create-name" value={name} placeholder={t('start.field.name_placeholder')} onChange={(e) => setName(e.target.value)} autoFocus aria-invalid={!!errors.name} />
        </Form.Item>
        <FolderField value={folder} onChange={setFolder} error={errors.folder ?? null} help={t('start.field.folder_new_help')} canPick={state.canPickFolder} testId="create-folder" />
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
