import { App as AntApp, Button } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { useSelfReport } from './api.ts';

/** "Xuất báo cáo tự đánh giá": the workbook `parscore report --only agencies` writes for the agency; saved (Electron) or downloaded. */
export function SelfReportButton({ agency }: { agency: string }) {
  const { t } = useT();
  const report = useSelfReport(agency);
  const { message, notification } = AntApp.useApp();
  return (
    <Button
      data-testid="self-report"
      loading={report.isPending}
      onClick={() =>
        report.mutate(undefined, {
          onSuccess: (r) => void (r.savedTo || r.base64 ? message.success(t('round2.report_done', { file: r.savedTo ?? r.fileName })) : message.info(t('round2.report_cancelled'))),
          onError: (e) => notification.error({ title: t('round2.report_failed'), description: errorText(e, t) }),
        })
      }
    >
      {report.isPending ? t('round2.report_busy') : t('round2.report')}
    </Button>
  );
}
