import { Alert } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n.tsx';

const KEY = 'parscore.dismissedNotices';

function loadDismissed(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/**
 * The repair notices (a file restored from its backup, a copied workspace…), one each, naming the
 * agency and the file; each can be dismissed, and stays dismissed for the session (a reload too).
 */
export function Notices({ notices }: { notices: string[] }) {
  const { t } = useT();
  const [dismissed, setDismissed] = useState(loadDismissed);
  const shown = notices.filter((n) => !dismissed.has(n));
  if (shown.length === 0) return null;
  const dismiss = (n: string) => {
    const next = new Set(dismissed).add(n);
    setDismissed(next);
    try {
      sessionStorage.setItem(KEY, JSON.stringify([...next]));
    } catch {
      // the dismissal still holds until the page is reloaded
    }
  };
  return (
    <div className="notices" role="status" data-testid="notices">
      {shown.map((n) => (
        <Alert key={n} type="warning" showIcon className="notice" data-testid="notice" title={n} closable={{ 'aria-label': t('start.notice.dismiss') }} onClose={() => dismiss(n)} />
      ))}
    </div>
  );
}
