import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';

export type FieldSave = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: string };

/**
 * One field's save as the item panel shows it: saving, saved, or failed with why (what was typed
 * stays in the field). `run` takes the save; `reset` forgets a failure once the text is back to the stored value.
 */
export function useFieldSave() {
  const { t } = useT();
  const [save, setSave] = useState<FieldSave>({ state: 'idle' });
  const run = (p: Promise<unknown>) => {
    setSave({ state: 'saving' });
    p.then(
      () => setSave({ state: 'saved' }),
      (e: unknown) => setSave({ state: 'failed', error: e instanceof Error ? errorText(e, t) : String(e) }),
    );
  };
  const reset = () => setSave((s) => (s.state === 'failed' ? { state: 'idle' } : s));
  return { save, run, reset, setSave };
}

/** The field's save state (a live region) and, when it failed, the reason at the field under `errorId`. */
export function FieldState({ save, errorId, testId }: { save: FieldSave; errorId: string; testId: string }) {
  const { t } = useT();
  return (
    <>
      <span className={`field-state save-${save.state}`} role="status" data-testid={`${testId}-state`} data-state={save.state}>
        {save.state === 'idle' ? '' : t(`declared.state.${save.state}`)}
      </span>
      {save.state === 'failed' && (
        <span id={errorId} className="field-error" role="alert" data-testid={`${testId}-error`}>
          {save.error}
        </span>
      )}
    </>
  );
}
