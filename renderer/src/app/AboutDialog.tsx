import { useQuery } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { api } from './bridge.ts';
import { useT } from './i18n.tsx';
import { unwrap } from './query.ts';

export const appInfoQuery = { queryKey: ['app', 'info'] as const, queryFn: () => unwrap(api.appInfo({})) };

/** Help › About: name, version from package.json, mode and the open workspace's folder. */
export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useT();
  const info = useQuery(appInfoQuery);
  return (
    <Modal
      open={open}
      title={t('shell.about.title')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('shell.about.close')}
        </Button>
      }
    >
      {info.data && (
        <>
          <p data-testid="about-version">{t('shell.about.version', { version: info.data.version })}</p>
          <p>{t(info.data.mode === 'electron' ? 'shell.about.mode_electron' : 'shell.about.mode_browser')}</p>
        </>
      )}
      <p>{t('shell.about.body')}</p>
      {info.data && (
        <p className="muted">
          {t('shell.status.workspace')}: <code>{info.data.workspacePath}</code>
        </p>
      )}
    </Modal>
  );
}
