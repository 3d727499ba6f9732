import { useIsMutating, useMutationState } from '@tanstack/react-query';
import { Segmented } from 'antd';
import type { WorkspaceSummary } from '../../../shared/ipc/index.ts';
import { useLang, useT } from './i18n.tsx';
import { SAVE_KEY } from './query.ts';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Saving while any save runs; otherwise what the last save did. */
function useSaveState(): SaveState {
  const running = useIsMutating({ mutationKey: SAVE_KEY });
  const statuses = useMutationState({ filters: { mutationKey: SAVE_KEY }, select: (m) => m.state.status });
  if (running > 0) return 'saving';
  const last = statuses.at(-1);
  return last === 'error' ? 'failed' : last === 'success' ? 'saved' : 'idle';
}

/** Workspace, role, campaign, save state and the language switch, always at the bottom of the window. */
export function StatusBar({ summary, workspacePath, none = false }: { summary: WorkspaceSummary | undefined; workspacePath: string | undefined; /** No workspace is open (the start screen). */ none?: boolean }) {
  const { t } = useT();
  const { lang, setLang } = useLang();
  const save = useSaveState();
  return (
    <footer className="status-bar" aria-label={t('shell.status.bar')} data-testid="status-bar">
      <span title={workspacePath}>
        <span className="status-label">{t('shell.status.workspace')}:</span> <span data-testid="status-workspace">{none ? t('start.status.none') : (summary?.name ?? '…')}</span>
      </span>
      {!none && (
        <>
          <span>
            <span className="status-label">{t('shell.status.role')}:</span> <span data-testid="status-role">{summary ? t(`app.role.${summary.role}`) : '…'}</span>
          </span>
          <span className="status-campaign">
            <span className="status-label">{t('shell.status.campaign')}:</span>{' '}
            <span data-testid="status-campaign">{summary ? (summary.campaign?.title ?? t('app.no_campaign')) : '…'}</span>
          </span>
        </>
      )}
      {none && <span className="status-campaign" />}
      <span role="status" aria-live="polite" data-testid="status-save" data-state={save} className={`save-${save}`}>
        {t(`shell.save.${save}`)}
      </span>
      <Segmented
        size="small"
        aria-label={t('shell.lang.label')}
        value={lang}
        onChange={(v) => setLang(v as 'vi' | 'en')}
        options={[
          { value: 'vi', label: 'VI', title: t('shell.menu.lang_vi') },
          { value: 'en', label: 'EN', title: t('shell.menu.lang_en') },
        ]}
      />
    </footer>
  );
}
