import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Progress, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { StartState } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { settingsQuery, useT } from '../../app/i18n.tsx';
import { errorText, unwrap } from '../../app/query.ts';
import { useEntered } from './api.ts';
import { CreateDialog } from './CreateDialog.tsx';
import { JoinDialog } from './JoinDialog.tsx';
import { OpenAnyway, OpenDialog, useOpenWorkspace } from './OpenDialog.tsx';

type Choice = 'create' | 'join' | 'open';

/** The demo's progress while it is being written (its events carry phase "start.job.demo"). */
function useDemoProgress(): number | null {
  const [p, setP] = useState<number | null>(null);
  useEffect(() => api.onJobProgress((e) => (e.phase === 'start.job.demo' && e.total ? setP(e.done >= e.total ? null : Math.round((100 * e.done) / e.total)) : undefined)), []);
  return p;
}

/**
 * The first-run screen (also File › Close workspace): four big choices, each a small dialog or,
 * for the demo, straight away with its progress; and the recent workspaces.
 */
export default function WelcomeScreen({ state }: { state: StartState }) {
  const { t } = useT();
  const [choice, setChoice] = useState<Choice | null>(null);
  const settings = useQuery(settingsQuery);
  const recent = settings.data?.recent ?? [];
  const entered = useEntered();
  const demo = useMutation({ mutationFn: () => unwrap(api.startOpenDemo({})), onSuccess: entered });
  const progress = useDemoProgress();
  const reopen = useOpenWorkspace(() => undefined);
  const cards: { id: Choice | 'demo'; title: string; desc: string }[] = [
    { id: 'create', title: t('start.create.title'), desc: t('start.create.desc') },
    { id: 'join', title: t('start.join.title'), desc: t('start.join.desc') },
    { id: 'open', title: t('start.open.title'), desc: t('start.open.desc') },
    { id: 'demo', title: t('start.demo.title'), desc: t('start.demo.desc') },
  ];
  return (
    <main className="start" data-testid="start-screen">
      <h1>{t('start.title')}</h1>
      <p>{t('start.intro')}</p>
      <div className="start-choices">
        {cards.map((c) => (
          <button key={c.id} type="button" className="start-choice" data-testid={`start-${c.id}`} aria-describedby={`start-${c.id}-desc`} disabled={demo.isPending} onClick={() => (c.id === 'demo' ? demo.mutate() : setChoice(c.id))}>
            <span className="start-choice-title">{c.title}</span>
            <span className="start-choice-desc" id={`start-${c.id}-desc`}>
              {c.desc}
            </span>
          </button>
        ))}
      </div>
      {demo.isPending && (
        <div className="start-progress" role="status" data-testid="demo-progress">
          <Spin size="small" /> {t('start.demo.working')}
          {progress !== null && <Progress percent={progress} size="small" aria-label={t('start.job.demo')} />}
        </div>
      )}
      {demo.isError && <Alert type="error" showIcon role="alert" title={t('start.failed')} description={errorText(demo.error, t)} />}
      <section className="start-recent" aria-labelledby="start-recent-title">
        <h2 id="start-recent-title">{t('start.recent')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('start.recent_none')}</p>
        ) : (
          <ul>
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link-button" data-testid="start-recent" aria-label={t('start.recent_open', { name: r.name })} onClick={() => reopen.open.mutate({ path: r.path })}>
                  <strong>{r.name}</strong> <span className="muted">{r.path}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {reopen.failed && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="start-recent-error"
            title={t('start.failed')}
            description={errorText(reopen.failed.error, t)}
            action={reopen.lockedElsewhere ? <OpenAnyway onConfirm={() => reopen.open.mutate({ path: reopen.failed!.path, force: true })} /> : undefined}
          />
        )}
      </section>
      {choice === 'create' && <CreateDialog state={state} onClose={() => setChoice(null)} />}
      {choice === 'join' && <JoinDialog state={state} onClose={() => setChoice(null)} />}
      {choice === 'open' && <OpenDialog state={state} initial={recent[0]?.path ?? ''} onClose={() => setChoice(null)} />}
    </main>
  );
}
