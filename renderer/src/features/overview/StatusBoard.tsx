import { Button } from 'antd';
import { memo, useMemo } from 'react';
import type { WorkspaceSummary } from '../../../../shared/ipc/index.ts';
import type { AgencyStatus } from '../../../../shared/schema/index.ts';
import { formatNumber } from '../../../../shared/i18n/numbers.ts';
import { useT } from '../../app/i18n.tsx';

type Row = WorkspaceSummary['agencies'][number];
type Group = Row['group'];

/** What a count of the board stands for: "submitted" is every agency that has sent its file (any status past not_submitted). */
export type BoardStatus = 'submitted' | Exclude<AgencyStatus, 'not_submitted' | 'submitted'>;
export const BOARD_STATUSES: readonly BoardStatus[] = ['submitted', 'appraising', 'appraised_1', 'explained', 'appraised_2', 'locked'];
export interface BoardFilter {
  group: Group | 'all';
  status: BoardStatus;
}

export function matchesBoard(a: Row, f: BoardFilter): boolean {
  if (f.group !== 'all' && a.group !== f.group) return false;
  return f.status === 'submitted' ? a.status !== 'not_submitted' : a.status === f.status;
}

const GROUPS: readonly Group[] = ['department', 'district', 'commune'];
type Counts = Record<BoardStatus, number> & { total: number };
const zero = (): Counts => ({ total: 0, submitted: 0, appraising: 0, appraised_1: 0, explained: 0, appraised_2: 0, locked: 0 });

/** One pass over the agencies (10,000 in a few milliseconds): each group's counts and the province's. */
export function boardCounts(agencies: readonly Row[]): Map<Group | 'all', Counts> {
  const out = new Map<Group | 'all', Counts>([['all', zero()]]);
  for (const a of agencies) {
    let c = out.get(a.group);
    if (!c) out.set(a.group, (c = zero()));
    const all = out.get('all')!;
    c.total++;
    all.total++;
    if (a.status === 'not_submitted') continue;
    c.submitted++;
    all.submitted++;
    if (a.status !== 'submitted') {
      c[a.status]++;
      all[a.status]++;
    }
  }
  return out;
}

/**
 * Home Affairs' status board above the agencies' list: per group, how many submitted (of how many),
 * are being appraised, appraised in round 1, explained, appraised in round 2, locked. Each count
 * is a button that shows the list of those agencies.
 */
export const StatusBoard = memo(function StatusBoard({ agencies, current, onSelect }: { agencies: readonly Row[]; current: BoardFilter | null; onSelect: (f: BoardFilter) => void }) {
  const { t, lang } = useT();
  const n = (x: number) => formatNumber(lang, x);
  const counts = useMemo(() => boardCounts(agencies), [agencies]);
  const groups: (Group | 'all')[] = [...GROUPS.filter((g) => counts.has(g)), 'all'];
  const groupName = (g: Group | 'all') => (g === 'all' ? t('inbox.board.all') : t(`app.tab.${g}`));
  const statusName = (s: BoardStatus) => (s === 'submitted' ? t('inbox.board.submitted') : t(`app.status.${s}`));
  return (
    <section className="status-board" aria-labelledby="status-board-title" data-testid="status-board">
      <h2 id="status-board-title" className="visually-hidden">
        {t('inbox.board.title')}
      </h2>
      <table>
        <caption className="visually-hidden">{t('inbox.board.title')}</caption>
        <colgroup>
          <col className="board-group" />
          {BOARD_STATUSES.map((s) => (
            <col key={s} className="board-status" />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('inbox.board.group')}</th>
            {BOARD_STATUSES.map((s) => (
              <th scope="col" key={s}>
                {statusName(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const c = counts.get(g)!;
            return (
              <tr key={g} data-testid={`board-row-${g}`}>
                <th scope="row">{groupName(g)}</th>
                {BOARD_STATUSES.map((s) => {
                  const on = current?.group === g && current.status === s;
                  return (
                    <td key={s}>
                      <Button
                        type="link"
                        size="small"
                        className={`board-count${on ? ' current' : ''}`}
                        aria-pressed={on}
                        aria-label={t('inbox.board.open', { group: groupName(g), status: statusName(s), n: c[s] })}
                        data-testid={`board-${g}-${s}`}
                        onClick={() => onSelect({ group: g, status: s })}
                      >
                        {s === 'submitted' ? `${n(c.submitted)}/${n(c.total)}` : n(c[s])}
                      </Button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
});
