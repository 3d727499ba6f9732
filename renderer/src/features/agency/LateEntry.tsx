import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm } from 'antd';
import type { AgencyAssessmentView } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText, unwrap } from '../../app/query.ts';
import { assessmentKeys } from './api.ts';

/**
 * Past the deadline the self-assessment is read-only, and the officer is offered to go on for a
 * late submission, told first what the campaign does with one. Once chosen, a line says the entries
 * are late. Nothing is offered for any other reason of read-only (received file, closed cycle).
 */
export function LateEntry({ view }: { view: AgencyAssessmentView }) {
  const { t } = useT();
  const qc = useQueryClient();
  const go = useMutation({
    mutationFn: () => unwrap(api.assessmentContinueLate({ agency: view.agency.code })),
    onSuccess: () => {
      // Every criteria set of the agency, and the send screen's read-only reason.
      void qc.invalidateQueries({ queryKey: assessmentKeys.one(view.agency.code) });
      void qc.invalidateQueries({ queryKey: ['send'] });
    },
  });
  const late = view.late;
  if (!late) return null;
  if (late.continuing) return <Alert type="warning" showIcon className="read-only" data-testid="late-entry" title={t('integrity.continuing_late', { consequence: late.consequence })} />;
  return (
    <div className="late-offer">
      <Popconfirm
        title={t('integrity.continue_late_confirm', { consequence: late.consequence })}
        okText={t('integrity.continue_late_ok')}
        cancelText={t('officer.evidence_cancel')}
        onConfirm={() => go.mutate()}
      >
        <Button data-testid="continue-late" loading={go.isPending}>
          {t('integrity.continue_late')}
        </Button>
      </Popconfirm>
      {go.isError && <div role="alert" className="field-error">{errorText(go.error, t)}</div>}
    </div>
  );
}
