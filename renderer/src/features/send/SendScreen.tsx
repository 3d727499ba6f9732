import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input } from 'antd';
import type { SendCheckKind } from '../../../../shared/cycle/send-check.ts';
import { sentTime } from '../../../../shared/cycle/send-check.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { agencyPath, navigate } from '../../app/router.ts';
import { sendCheckQuery, useExportSubmission } from './api.ts';
import { areaBars } from './area-bars.ts';
import { assessmentQuery } from '../agency/api.ts';
import { BarChart } from '../../ui/BarChart.tsx';
import { useCallback, useMemo } from 'react';
import { RoundNote } from '../appraisal/RoundNote.tsx';

/** The self score of each area as a share of its maximum: where the agency stands before it sends. */
function AreaScores({ code }: { code: string }) {
  const { t, points, title } = useT();
  const view = useQuery(assessmentQuery(code)).data;
  const bars = useMemo(() => (view ? areaBars(view.report, view.template) : []), [view]);
  const chartBars = useMemo(() => bars.map((b) => ({ label: `${b.code}. ${title(b.title)}`, value: b.percent, text: `${points(b.score)} / ${points(b.max)}` })), [bars, points, title]);
  const description = useMemo(() => t('send.areas_description', { areas: chartBars.map((b) => `${b.label} ${b.text}`).join('; ') }), [chartBars, t]);
  const percent = useCallback((n: number) => `${n}%`, []);
  if (bars.length === 0) return null;
  return (
    <section aria-labelledby="send-areas-title" className="send-areas">
      <h2 id="send-areas-title">{t('send.areas_title')}</h2>
      <BarChart bars={chartBars} max={100} description={description} testId="area-chart" axisFormat={percent} />
    </section>
  );
}

const GROUPS: SendCheckKind[] = ['unanswered', 'no_evidence', 'figure_missing', 'refused'];

/**
 * "Check before sending": what is still missing, grouped, each line opening the agency screen on
 * its item; then the signer and the export of the signed file, and what was sent.
 */
export default function SendScreen({ code }: { code: string }) {
  const { t } = useT();
  const query = useQuery(sendCheckQuery(code));
  const exp = useExportSubmission(code);
  const [form] = Form.useForm<{ name: string; position: string }>();

  if (query.isError) return <main><Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} /></main>;
  const check = query.data;
  if (!check) return <main aria-busy="true">{t('app.loading')}</main>;
  const sent = exp.data;

  return (
    <main className="send-screen">
      <div className="toolbar">
        <Button onClick={() => navigate(`/agency/${code}`)}>{t('send.back')}</Button>
        <h1>{t('send.title')}</h1>
      </div>
      <RoundNote agency={code} />
      <AreaScores code={code} />
      <section aria-labelledby="send-lines-title" data-testid="send-check">
        {/* Read-only: nothing is missing, yet nothing may be sent (said at the button). */}
        <h2 id="send-lines-title">
          {check.lines.length === 0 ? t(check.readOnly ? 'send.nothing_missing' : 'send.all_clear') : t('send.count', { count: check.lines.length })}
        </h2>
        {GROUPS.map((g) => {
          const lines = check.lines.filter((l) => l.kind === g);
          if (lines.length === 0) return null;
          return (
            <div key={g} className="send-group" data-group={g}>
              <h3>{t(`send.group.${g}`)}</h3>
              <ul className="send-lines">
                {lines.map((l, i) => {
                  // A figure not declared opens the figures screen; other lines open their item (in its criteria set).
                  const href = l.kind === 'figure_missing' ? `#/agency/${code}/figures` : l.item ? `#${agencyPath(code, l.set ?? null, l.item)}` : null;
                  return (
                    <li key={`${l.item ?? ''}-${i}`} data-item={l.item ?? undefined}>
                      {href ? <a href={href}>{l.message}</a> : l.message}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </section>
      <Card className="send-export" title={<h2 className="card-title">{t('send.export_title')}</h2>}>
        <Form
          form={form}
          layout="vertical"
          initialValues={check.signer}
          onFinish={(v) => exp.mutate({ name: v.name.trim(), position: v.position.trim() })}
          disabled={check.readOnly !== null}
        >
          <Form.Item name="name" label={t('send.signer_name')} rules={[{ required: true, whitespace: true, message: t('send.signer_name_required') }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="position" label={t('send.signer_position')} rules={[{ required: true, whitespace: true, message: t('send.signer_position_required') }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={exp.isPending} data-testid="send-export" aria-describedby={check.readOnly ? 'send-read-only' : undefined}>
            {exp.isPending ? t('send.exporting') : t('send.export')}
          </Button>
          {check.readOnly && (
            <p id="send-read-only" className="muted" data-testid="send-read-only">
              {check.readOnly}
            </p>
          )}
        </Form>
        {exp.isError && <Alert type="error" showIcon role="alert" title={t('send.export_failed')} description={errorText(exp.error, t)} data-testid="send-error" />}
        {sent && !sent.savedTo && !sent.base64 && <Alert type="info" showIcon title={t('send.cancelled')} />}
        {sent && (sent.savedTo || sent.base64) && (
          <Descriptions bordered size="small" column={1} title={t('send.sent_title')} data-testid="send-sent">
            <Descriptions.Item label={t('send.sent.revision')}>
              <span data-testid="sent-revision">{sent.revision}</span> · {t('send.sent.round', { round: sent.round })}
            </Descriptions.Item>
            <Descriptions.Item label={t('send.sent.time')}>
              <span data-testid="sent-time">{sentTime(sent.createdAt)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('send.sent.sha')}>
              <span data-testid="sent-sha" className="fingerprint">{sent.sha256.slice(0, 16)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('send.sent.fingerprint')}>
              <span data-testid="sent-fingerprint" className="fingerprint">{sent.fingerprint}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('send.sent.file')}>{sent.savedTo ?? sent.fileName}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </main>
  );
}
