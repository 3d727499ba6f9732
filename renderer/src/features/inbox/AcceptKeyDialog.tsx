import { Alert, Button, Descriptions, Modal } from 'antd';
import type { InboxVerdictRow } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import { groupsOfFour } from './api.ts';

/**
 * The explicit decision to accept an agency's new signing key: a warning, the recorded and the new
 * fingerprints in groups of four (read out over the phone), and a button that says what it does.
 * "Không nhận" is the default (focused) choice.
 */
export function AcceptKeyDialog({ row, busy, error, onAccept, onClose }: { row: InboxVerdictRow | null; busy: boolean; error: string | null; onAccept: () => void; onClose: () => void }) {
  const { t } = useT();
  const change = row?.keyChange ?? null;
  return (
    <Modal
      open={change !== null}
      title={change ? t('inbox.accept_key_title', { agency: change.agency }) : ''}
      onCancel={onClose}
      destroyOnHidden
      data-testid="accept-key-dialog"
      footer={
        <>
          <Button autoFocus onClick={onClose} data-testid="accept-key-cancel">
            {t('inbox.accept_key_cancel')}
          </Button>
          <Button type="primary" danger loading={busy} onClick={onAccept} data-testid="accept-key-ok">
            {t('inbox.accept_key_ok')}
          </Button>
        </>
      }
    >
      {change && (
        <div data-testid="accept-key-body">
          <Alert type="warning" showIcon title={t('inbox.accept_key_warning')} />
          <Descriptions bordered size="small" column={1} className="key-compare">
            <Descriptions.Item label={t('inbox.key_old')}>
              <code className="fingerprint" data-testid="key-old">{groupsOfFour(change.from)}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('inbox.key_new')}>
              <code className="fingerprint" data-testid="key-new">{groupsOfFour(change.to)}</code>
            </Descriptions.Item>
          </Descriptions>
          {error && (
            <Alert type="error" showIcon role="alert" title={error} data-testid="accept-key-error" />
          )}
        </div>
      )}
    </Modal>
  );
}
