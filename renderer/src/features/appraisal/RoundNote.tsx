import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { appraisalQuery } from './api.ts';

/**
 * On the send screen once an appraisal was received: the next file is revision N of round 2 and
 * carries the explanations given (nothing is shown before: round 1 is the ordinary case).
 */
export function RoundNote({ agency }: { agency: string }) {
  const { t } = useT();
  const q = useQuery(appraisalQuery(agency));
  const v = q.data;
  if (!v || (v.status !== 'appraised_1' && v.status !== 'explained')) return null;
  const n = Object.keys(v.explanations).length;
  return <Alert type="info" showIcon data-testid="send-round" className="send-round" title={t('round2.send_round', { revision: (v.sent?.revision ?? 0) + 1, round: 2 })} description={t('round2.send_round2', { revision: (v.sent?.revision ?? 0) + 1, n })} />;
}
