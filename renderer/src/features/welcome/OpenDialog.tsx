import { useMutation } from '@tanstack/react-query';
import { Alert, Button, ConfigProvider, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import type { StartState } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { IpcError, errorText, unwrap } from '../../app/query.ts';
import { LOCK_CODES, useEntered } from './api.ts';
import { FolderField } from '../../ui/FolderField.tsx';

/** Opens a workspace folder; a lock held elsewhere is explained, with "Open anyway" behind a warning. */
export function useOpenWorkspace(onOpened: () => void) {
  const entered = useEntered();
  const [failed, setFailed] = useState<{ path: string; error: Error } | null>(null);
  const open = useMutation({
    mutationFn: (v: { path: string; force?: boolean }) => unwrap(api.workspaceOpen({ path: v.path, ...(v.force ? { force: true } : {}) })),
    onMutate: () => setFailed(null),
    onSuccess: () => (onOpened(), entered()),
    onError: (error, v) => setFailed({ path: v.path, error }),
  });
  const lockedElsewhere = failed?.error instanceof IpcError && LOCK_CODES.has(failed.error.code);
  return { open, failed, lockedElsewhere };
}

/** The "Open anyway" button: only after a warning that says what two writers do. */
export function OpenAnyway({ onConfirm }: { onConfirm: () => void }) {
  const { t } = useT();
  // antd's danger red (#ff4d4f) fails AA contrast with white text: a darker red here.
  return (
    <ConfigProvider theme={{ token: { colorError: '#a8071a' }}}>
      <Popconfirm
        title={t('start.lock.warning_title')}
        description={<div className="start-warning">{t('start.lock.confirm')}</div>}
        okText={t('start.lock.open_anyway')}
        okButtonProps={{ danger: true, 'data-testid': 'open-anyway-confirm' }}
        cancelText={t('start.cancel')}
        onConfirm={onConfirm}
      >
        <Button danger data-testid="open-anyway">
          {t('start.lock.open_anyway')}
        </Button>
      </Popconfirm>
    </ConfigProvider>
  );
}

export function OpenDialog({ state, initial, onClose }: { state: StartState; initial: string; onClose: () => void }) {
  const { t } = useT();
  const [folder, setFolder] = useState(initial);
  const [required, setRequired] = useState(false);
  const { open, failed, lockedElsewhere } = useOpenWorkspace(onClose);
  const submit = () => {
    setRequired(!folder.trim());
    if (folder.trim()) open.mutate({ path: folder.trim() });
  };
  return (
    <Modal open title={t('start.open.title')} okText={t('start.open')} cancelText={t('start.cancel')} onOk={submit} onCancel={onClose} confirmLoading={open.isPending} okButtonProps={{ 'data-testid': 'open-submit' }} destroyOnHidden>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <FolderField value={folder} onChange={setFolder} error={required ? t('start.field.folder_required') : failed ? errorText(failed.error, t) : null} help={t('start.field.folder_open_help')} canPick={state.canPickFolder} testId="open-folder" autoFocus />
        <button type="submit" hidden />
      </form>
      {lockedElsewhere && failed && <Alert type="warning" showIcon title={t('start.lock.warning_title')} action={<OpenAnyway onConfirm={() => open.mutate({ path: failed.path, force: true })} />} />}
    </Modal>
  );
}
