import { Button, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useId, useState } from 'react';
import type { ReviewView } from '../../../../shared/ipc/index.ts';
import type { AgencyStatus } from '../../../../shared/schema/index.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { useSetFalsified, useSetStatus } from './api.ts';

/**
 * The agency's status moves the service allows from where it stands (locking apart, behind its own
 * confirmation), each with its reason where the service wants one; the refusal in words at the field.
 */
export function StatusChange({ view }: { view: ReviewView }) {
  const { t } = useT();
  const id = useId();
  const set = useSetStatus(view.agency.code);
  const moves = view.moves.filter((m) => m.to !== 'locked');
  const [to, setTo] = useState<AgencyStatus | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (moves.length === 0) return null;
  const move = moves.find((m) => m.to === to) ?? null;
  const apply = () => {
    if (!move) return setError(t('review.status_choose'));
    if (move.reason && !reason.trim()) return setError(t('review.reason_required'));
    setError(null);
    set.mutate(
      { status: move.to, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          setTo(null);
          setReason('');
        },
        onError: (e) => setError(errorText(e, t)),
      },
    );
  };
  return (
    <form
      className="review-status"
      data-testid="review-status-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <Form.Item layout="vertical" label={t('review.status_to')} htmlFor={`${id}-to`}>
        <Select<AgencyStatus>
          id={`${id}-to`}
          data-testid="review-status-to"
          style={{ minWidth: '14rem' }}
          value={to ?? undefined}
          placeholder={t('review.status_choose')}
          onChange={(v) => {
            setTo(v);
            setError(null);
          }}
          options={moves.map((m) => ({ value: m.to, label: <span data-testid={`review-status-option-${m.to}`}>{t(`app.status.${m.to}`) + (m.reason ? ` (${t('review.needs_reason')})` : '')}</span> }))}
        />
      </Form.Item>
      <Form.Item
        layout="vertical"
        label={t('review.reason')}
        htmlFor={`${id}-reason`}
        required={move?.reason === true}
        validateStatus={error ? 'error' : ''}
        help={error ? <span role="alert" data-testid="review-status-error">{error}</span> : move?.reason ? t('review.reason_help_required') : t('review.reason_help')}
      >
        <Input id={`${id}-reason`} data-testid="review-status-reason" value={reason} maxLength={5000} aria-invalid={error ? true : undefined} onChange={(e) => setReason(e.target.value)} />
      </Form.Item>
      <Button htmlType="submit" data-testid="review-status-apply" loading={set.isPending}>
        {t('review.status_apply')}
      </Button>
    </form>
  );
}

/** "Chốt" (lock): behind a confirmation that says nothing changes afterwards; a reason where the service wants one. */
export function LockButton({ view }: { view: ReviewView }) {
  const { t } = useT();
  const id = useId();
  const set = useSetStatus(view.agency.code);
  const move = view.moves.find((m) => m.to === 'locked');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!move) return null;
  const confirm = () => {
    if (move.reason && !reason.trim()) return setError(t('review.reason_required'));
    set.mutate(
      { status: 'locked', ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: () => setOpen(false), onError: (e) => setError(errorText(e, t)) },
    );
  };
  return (
    <>
      <Button danger data-testid="review-lock" onClick={() => setOpen(true)}>
        {t('review.lock')}
      </Button>
      <Modal
        open={open}
        title={t('review.lock_title', { name: view.agency.name })}
        onCancel={() => setOpen(false)}
        okText={t('review.lock_confirm')}
        cancelText={t('review.cancel')}
        okButtonProps={{ danger: true, loading: set.isPending, ...({ 'data-testid': 'review-lock-confirm' } as object) }}
        onOk={confirm}
        destroyOnHidden
      >
        <p data-testid="review-lock-warning">{t('review.lock_warning')}</p>
        <Form.Item
          layout="vertical"
          label={t('review.reason')}
          htmlFor={`${id}-reason`}
          required={move.reason}
          validateStatus={error ? 'error' : ''}
          help={error ? <span role="alert" data-testid="review-lock-error">{error}</span> : move.reason ? t('review.reason_help_required') : t('review.reason_help')}
        >
          <Input id={`${id}-reason`} data-testid="review-lock-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Modal>
    </>
  );
}

/** The finding that the agency's evidence was falsified (it disqualifies the agency from commendation), with its required reason. */
export function FalsifiedMark({ view }: { view: ReviewView }) {
  const { t } = useT();
  const id = useId();
  const set = useSetFalsified(view.agency.code);
  const [value, setValue] = useState(view.falsified);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canChange = !view.locked && view.status !== 'not_submitted';
  const save = () => {
    if (!reason.trim()) return setError(t('review.reason_required'));
    set.mutate({ value, reason: reason.trim() }, { onSuccess: () => setReason(''), onError: (e) => setError(errorText(e, t)) });
  };
  return (
    <form
      className="review-falsified"
      data-testid="review-falsified-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Checkbox data-testid="review-falsified" checked={value} disabled={!canChange} onChange={(e) => setValue(e.target.checked)}>
        {t('review.falsified')}
      </Checkbox>
      {canChange && value !== view.falsified && (
        <>
          <Form.Item
            layout="vertical"
            label={t('review.reason')}
            htmlFor={`${id}-reason`}
            required
            validateStatus={error ? 'error' : ''}
            help={error ? <span role="alert" data-testid="review-falsified-error">{error}</span> : t('review.falsified_help')}
          >
            <Input id={`${id}-reason`} data-testid="review-falsified-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
          <Button htmlType="submit" data-testid="review-falsified-save" loading={set.isPending}>
            {t('review.falsified_save')}
          </Button>
        </>
      )}
    </form>
  );
}
