import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useId, useState } from 'react';
import type { AwardRow } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { useDecision } from './api.ts';

/** Shortest reason the council may give (the service refuses shorter ones too, in the same words). */
const MIN_REASON = 5;

export type DecisionAction = 'include' | 'exclude' | 'remove';

/**
 * The council's decision on one row: include (an excluded nominee), exclude (a candidate), or
 * withdraw a decision. The reason is required and said at its field; the service checks it again.
 */
export function DecisionDialog({ row, action, onClose }: { row: AwardRow | null; action: DecisionAction; onClose: () => void }) {
  const { t } = useT();
  const id = useId();
  const decide = useDecision();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
    decide.reset();
    // A fresh form for every row opened.
  }, [row?.key, action]);
  if (!row) return null;
  const submit = () => {
    if (reason.trim().length < MIN_REASON) {
      setError(t('awardsui.reason_required', { min: MIN_REASON }));
      return;
    }
    setError(null);
    decide.mutate({ rule: row.rule, agency: row.agency, subject: row.subject, action, reason }, { onSuccess: onClose, onError: (e) => setError(errorText(e, t)) });
  };
  return (
    <Modal
      open
      title={t(`awardsui.dialog.${action}`, { name: row.name })}
      okText={t(`awardsui.dialog.ok_${action}`)}
      cancelText={t('awardsui.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'decision-ok' } as Record<string, string>}
      destroyOnHidden
    >
      <p>
        {row.name === row.agencyName ? row.name : `${row.name} — ${row.agencyName}`} ({row.agency}) · {row.rule}
      </p>
      {action === 'remove' && row.decision && <Alert type="info" showIcon title={t('awardsui.dialog.current', { reason: row.decision.reason })} />}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t(action === 'remove' ? 'awardsui.reason_remove' : 'awardsui.reason')}
          htmlFor={id}
          required
          validateStatus={error ? 'error' : ''}
          help={error ? <span role="alert" data-testid="decision-reason-error">{error}</span> : t('awardsui.reason_help')}
        >
          <Input.TextArea id={id} data-testid="decision-reason" value={reason} autoFocus rows={3} maxLength={2000} aria-invalid={!!error} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
