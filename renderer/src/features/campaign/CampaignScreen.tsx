import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Spin, Steps } from 'antd';
import { useState } from 'react';
import type { CampaignBasics, CampaignTemplates } from '../../../../shared/campaign/setup.ts';
import type { AgencyListPreview, CampaignSetupView } from '../../../../shared/ipc/index.ts';
import type { AgencyGroup } from '../../../../shared/schema/index.ts';
import { toPickedFile } from '../../app/files.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { RulesEditor } from '../awards/RulesEditor.tsx';
import { AgenciesStep } from './AgenciesStep.tsx';
import { call, campaignStateQuery, useCampaignSave } from './api.ts';
import { BasicsStep } from './BasicsStep.tsx';
import { DeadlinesStep } from './DeadlinesStep.tsx';
import { ExportStep } from './ExportStep.tsx';
import { basicsOf, deadlinesOf, issuerOf, rulesOf } from './forms.ts';
import { IssuerStep } from './IssuerStep.tsx';
import { RulesStep } from './RulesStep.tsx';
import { SetsStep, setsOf } from './SetsStep.tsx';

const STEPS = ['basics', 'agencies', 'sets', 'deadlines', 'rules', 'awards', 'issuer', 'export'] as const;
type StepKey = (typeof STEPS)[number];
const ORDER: AgencyGroup[] = ['department', 'district', 'commune'];
/** What Home Affairs' reports print under "Nơi nhận" when the campaign names none (electron/services/reports/kit/context.ts). */
const USUAL_RECIPIENTS = ['report.kit.recipient.province', 'report.kit.recipient.departments', 'report.kit.recipient.localities', 'report.kit.recipient.keep'];

/** When the campaign file went out and whether the campaign changed since: what a change now means, in words. */
function ExportNotice({ view }: { view: CampaignSetupView }) {
  const { t, date } = useT();
  const e = view.exported;
  if (!e) return view.campaign ? <Alert type="info" showIcon className="campaign-notice" title={t('campaignui.notice.not_exported')} data-testid="campaign-notice" /> : null;
  const at = { date: date(e.at.slice(0, 10)), time: new Date(e.at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }) };
  return e.changedSince ? (
    <Alert type="warning" showIcon className="campaign-notice" title={t('campaignui.notice.changed', at)} data-testid="campaign-notice" data-state="changed" />
  ) : (
    <Alert type="info" showIcon className="campaign-notice" title={t('campaignui.notice.exported', at)} data-testid="campaign-notice" data-state="exported" />
  );
}

/**
 * The campaign set-up as steps: the year and model, the agency list from Excel, the criteria sets,
 * the deadlines, bands and rules, the commendation rules, the issuer, the signed campaign file.
 * The campaign is created at the criteria-set step (agencies and sets known), then each step saves
 * on its own; the service refuses what would break submissions already received, with the reason.
 */
export default function CampaignScreen() {
  const { t, title } = useT();
  const state = useQuery(campaignStateQuery);
  const [step, setStep] = useState<StepKey>('basics');
  const [basics, setBasics] = useState<CampaignBasics | null>(null);
  const [agencyFile, setAgencyFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<AgencyListPreview | null>(null);

  const create = useCampaignSave(call.create, { typed: false });
  const saveBasics = useCampaignSave(call.setBasics);
  const saveAgencies = useCampaignSave(call.setAgencies, { typed: false });
  const saveSets = useCampaignSave(call.setTemplates);
  const saveDeadlines = useCampaignSave(call.setDeadlines);
  const saveRules = useCampaignSave(call.setRules);
  const saveIssuer = useCampaignSave(call.setIssuer);

  if (state.isPending) return <Spin />;
  if (state.isError) return <Alert type="error" showIcon title={errorText(state.error, t)} />;
  const view = state.data;
  const c = view.campaign;
  const model = basics?.model ?? c?.model ?? 'two-tier';
  const listOk = preview !== null && preview.problems.length === 0;
  const agencies = listOk ? preview.agencies : (c?.agencies ?? []);
  const groups = ORDER.filter((g) => agencies.some((a) => a.group === g));
  const reachable = (k: StepKey): boolean => {
    if (c) return true;
    if (k === 'basics') return true;
    if (k === 'agencies') return basics !== null;
    if (k === 'sets') return basics !== null && listOk;
    return false;
  };
  const index = STEPS.indexOf(step);
  const go = (k: StepKey) => reachable(k) && setStep(k);
  const next = () => {
    const k = STEPS[index + 1];
    if (k) go(k);
  };
  const err = (m: { error: Error | null }) => (m.error ? errorText(m.error, t) : null);
  const submitted = view.submitted > 0;

  const body = () => {
    switch (step) {
      case 'basics':
        return (
          <BasicsStep
            key={c?.uid ?? 'new'}
            initial={basics ? { ...basics, year: String(basics.year) } : basicsOf(c)}
            busy={saveBasics.isPending}
            error={err(saveBasics)}
            saveLabel={c ? t('campaignui.save_next') : t('campaignui.next')}
            onDone={(b) => {
              setBasics(b);
              if (c) saveBasics.mutate({ basics: b }, { onSuccess: () => setStep('agencies') });
              else setStep('agencies');
            }}
          />
        );
      case 'agencies':
        return (
          <>
            <AgenciesStep
              model={model}
              preview={preview}
              file={agencyFile}
              onPreview={(p, f) => {
                setPreview(p);
                setAgencyFile(f);
              }}
              {...(c
                ? {
                    current: c.agencies,
                    takeBusy: saveAgencies.isPending,
                    takeError: err(saveAgencies),
                    onTake: () =>
                      void (async () => {
                        if (agencyFile) saveAgencies.mutate({ file: await toPickedFile(agencyFile) }, { onSuccess: () => setPreview(null) });
                      })(),
                  }
                : {})}
            />
            {!c && (
              <Button type="primary" disabled={!listOk} onClick={next} data-testid="campaign-agencies-next">
                {t('campaignui.next')}
              </Button>
            )}
          </>
        );
      case 'sets':
        return (
          <SetsStep
            key={`${c?.uid ?? 'new'}-${groups.join()}`}
            groups={groups}
            options={view.options}
            initial={setsOf(c, view.options, groups)}
            busy={create.isPending || saveSets.isPending}
            error={err(c ? saveSets : create)}
            locked={submitted}
            saveLabel={c ? t('campaignui.save_next') : t('campaignui.create')}
            onSave={(sets: CampaignTemplates) =>
              void (async () => {
                if (c) saveSets.mutate({ sets }, { onSuccess: () => setStep('deadlines') });
                else if (basics && agencyFile) create.mutate({ basics, agencies: await toPickedFile(agencyFile), sets }, { onSuccess: () => (setPreview(null), setStep('deadlines')) });
              })()
            }
          />
        );
      case 'deadlines':
        return c && <DeadlinesStep key={c.uid} initial={deadlinesOf(c)} busy={saveDeadlines.isPending} error={err(saveDeadlines)} onSave={(deadlines) => saveDeadlines.mutate({ deadlines }, { onSuccess: () => setStep('rules') })} />;
      case 'rules':
        return c && <RulesStep key={c.uid} initial={rulesOf(c)} busy={saveRules.isPending} error={err(saveRules)} onSave={(rules) => saveRules.mutate({ rules }, { onSuccess: () => setStep('awards') })} />;
      case 'awards':
        return (
          <div className="campaign-step-body" data-testid="campaign-awards">
            <RulesEditor />
            <Button type="primary" onClick={next} data-testid="campaign-awards-next">{t('campaignui.next')}</Button>
          </div>
        );
      case 'issuer':
        return c && <IssuerStep key={c.uid} initial={issuerOf(c, USUAL_RECIPIENTS.map((k) => t(k)))} busy={saveIssuer.isPending} error={err(saveIssuer)} onSave={(issuer) => saveIssuer.mutate({ issuer }, { onSuccess: () => setStep('export') })} />;
      case 'export':
        return <ExportStep fingerprint={view.fingerprint} />;
    }
  };

  return (
    <main className="campaign-screen" data-testid="campaign-screen" data-step={step} data-created={c ? 'yes' : 'no'}>
      <h1 className="agency-title">{c ? t('campaignui.title_of', { title: title(c.title) }) : t('campaignui.title_new')}</h1>
      {!c && <p data-testid="campaign-intro">{t('campaignui.intro_new')}</p>}
      <ExportNotice view={view} />
      {submitted && <Alert type="warning" showIcon className="campaign-notice" title={t('campaignui.notice.submitted', { n: view.submitted })} data-testid="campaign-submitted" />}
      <div className="campaign-layout">
      <nav aria-label={t('campaignui.steps_label')} className="campaign-steps-nav">
        <Steps
          size="small"
          orientation="vertical"
          current={index}
          onChange={(i) => go(STEPS[i]!)}
          className="campaign-steps"
          items={STEPS.map((k) => ({ title: t(`campaignui.step.${k}`), disabled: !reachable(k), 'data-testid': `campaign-step-${k}` }) as { title: string; disabled: boolean })}
        />
      </nav>
      <section className="campaign-step" aria-labelledby="campaign-step-title">
        <h2 id="campaign-step-title" tabIndex={-1}>{t(`campaignui.step.${step}`)}</h2>
        {body()}
        <Space className="campaign-nav">
          <Button disabled={index === 0} onClick={() => go(STEPS[index - 1]!)} data-testid="campaign-prev">{t('campaignui.prev')}</Button>
          <Button disabled={!STEPS[index + 1] || !reachable(STEPS[index + 1]!)} onClick={next} data-testid="campaign-skip">{t('campaignui.skip')}</Button>
        </Space>
      </section>
      </div>
    </main>
  );
}
