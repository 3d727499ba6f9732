import { Button } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { REDO_EVENT, UNDO_EVENT, isTextField } from '../../app/commands.ts';
import { useLang, useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { type Edit, type History, type Words, describe, nextRedo, nextUndo } from './history.ts';
import type { useAgencyHistory } from './useHistory.ts';

type AgencyHistory = ReturnType<typeof useAgencyHistory>;

export interface UndoState {
  busy: boolean;
  error: string | null;
  undo: () => void;
  redo: () => void;
}

/** The words the descriptions use, in the user's language (numbers the Vietnamese way: 8,5; 1.675). */
function useWords(): Words {
  const { t } = useT();
  const { lang } = useLang();
  const nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 4 });
  return {
    yes: t('undo.yes'),
    no: t('undo.no'),
    notApplicable: t('undo.na'),
    empty: t('undo.empty'),
    number: (n) => nf.format(n),
    explanation: (item) => t('undo.explanation', { item }),
    evidence: (item, index) => t('undo.evidence', { item, index }),
  };
}

/**
 * Undo and redo from the Chỉnh sửa menu (Ctrl+Z, Ctrl+Y: commands.ts sends them here unless a
 * text field is focused) and Ctrl+Shift+Z; `show` brings the edit's item into view afterwards.
 */
export function useUndoKeys(h: AgencyHistory, show: (e: Edit) => void): UndoState {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useEffectEvent(async (which: 'undo' | 'redo') => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const e = await (which === 'undo' ? h.undo() : h.redo());
      if (e) show(e);
    } catch (err) {
      setError(err instanceof Error ? errorText(err, t) : String(err));
    } finally {
      setBusy(false);
    }
  });
  useEffect(() => {
    const onUndo = () => void run('undo');
    const onRedo = () => void run('redo');
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z' || isTextField(e.target)) return;
      e.preventDefault();
      void run('redo');
    };
    window.addEventListener(UNDO_EVENT, onUndo);
    window.addEventListener(REDO_EVENT, onRedo);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(UNDO_EVENT, onUndo);
      window.removeEventListener(REDO_EVENT, onRedo);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return { busy, error, undo: () => void run('undo'), redo: () => void run('redo') };
}

/** What an undo would take back ("Hoàn tác: 1.1.2 = Có") and the two buttons; a refused undo says why. */
export function UndoBar({ history, state }: { history: History; state: UndoState }) {
  const { t } = useT();
  const words = useWords();
  const u = nextUndo(history);
  const r = nextRedo(history);
  return (
    <span className="undo-bar" data-testid="undo-bar">
      <Button size="small" disabled={!u || state.busy} aria-keyshortcuts="Control+Z" title={u ? t('undo.undo', { what: describe(u, words) }) : t('undo.nothing')} onClick={state.undo} data-testid="undo">
        {t('undo.undo_button')}
      </Button>
      <Button size="small" disabled={!r || state.busy} aria-keyshortcuts="Control+Y Control+Shift+Z" title={r ? t('undo.redo', { what: describe(r, words) }) : undefined} onClick={state.redo} data-testid="redo">
        {t('undo.redo_button')}
      </Button>
      <span className="muted" role="status" data-testid="undo-next">
        {u ? t('undo.undo', { what: describe(u, words) }) : r ? t('undo.redo', { what: describe(r, words) }) : ''}
      </span>
      {state.error && (
        <span className="undo-error" role="alert" data-testid="undo-error">
          {state.error}
        </span>
      )}
    </span>
  );
}
