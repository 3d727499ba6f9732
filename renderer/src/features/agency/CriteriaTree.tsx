import { type KeyboardEvent, type Ref, useEffect } from 'react';
import type { AreaProgress } from '../../../../shared/scoring/progress.ts';
import type { ScoreReport } from '../../../../shared/scoring/index.ts';
import type { AppraisedItemView } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import type { TreeRow } from './tree-model.ts';

const rowId = (code: string) => `tree-item-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;

interface Props {
  rows: TreeRow[];
  report: ScoreReport;
  progress: Map<string, AreaProgress>;
  answered: (code: string) => boolean;
  selected: string | null;
  onSelect: (code: string) => void;
  onToggle: (code: string, expand: boolean) => void;
  /** Enter on an item to answer: the panel's control takes the focus. */
  onEdit: () => void;
  treeRef: Ref<HTMLDivElement>;
  /** The appraisal received, by item: a badge with the appraised score (and a mark when commented). */
  appraised?: Readonly<Record<string, AppraisedItemView>> | undefined;
  /** Items the agency has answered with an explanation. */
  explained?: ReadonlySet<string> | undefined;
}

/**
 * The criteria tree as one focusable ARIA tree (the selection is `aria-activedescendant`): ↑/↓
 * (Home/End) move between visible items, ← collapses or goes to the parent, → expands or goes to
 * the first child, Enter answers a leaf (toggles a parent).
 */
export function CriteriaTree({ rows, report, progress, answered, selected, onSelect, onToggle, onEdit, treeRef, appraised, explained }: Props) {
  const { t, points, title } = useT();
  const index = rows.findIndex((r) => r.item.code === selected);

  useEffect(() => {
    // Only the tree's pane scrolls (scrollIntoView would scroll the whole screen and hide its header).
    const row = selected ? document.getElementById(rowId(selected)) : null;
    const pane = row?.closest<HTMLElement>('.tree-pane');
    if (!row || !pane) return;
    if (row.offsetTop < pane.scrollTop) pane.scrollTop = row.offsetTop;
    else if (row.offsetTop + row.offsetHeight > pane.scrollTop + pane.clientHeight) pane.scrollTop = row.offsetTop + row.offsetHeight - pane.clientHeight;
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[index];
    const go = (i: number) => {
      const r = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (r) onSelect(r.item.code);
    };
    switch (e.key) {
      case 'ArrowDown':
        go(index < 0 ? 0 : index + 1);
        break;
      case 'ArrowUp':
        go(index < 0 ? 0 : index - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'ArrowLeft':
        if (row?.parent && row.expanded) onToggle(row.item.code, false);
        else if (row?.item.parent) onSelect(row.item.parent);
        break;
      case 'ArrowRight':
        if (row?.parent && !row.expanded) onToggle(row.item.code, true);
        else if (row?.parent) go(index + 1);
        break;
      case 'Enter':
        if (row?.parent) onToggle(row.item.code, !row.expanded);
        else if (row) onEdit();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div
      ref={treeRef}
      role="tree"
      tabIndex={0}
      className="criteria-tree"
      aria-label={t('officer.tree')}
      aria-describedby="tree-help"
      aria-activedescendant={index >= 0 && selected ? rowId(selected) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (index < 0 && rows[0]) onSelect(rows[0].item.code);
      }}
      data-testid="criteria-tree"
    >
      {rows.map((r) => {
        const s = report.items[r.item.code];
        const code = r.item.code;
        const p = r.depth === 0 ? progress.get(code) : undefined;
        const done = !r.parent && answered(code);
        return (
          <div
            key={code}
            id={rowId(code)}
            role="treeitem"
            aria-level={r.depth + 1}
            aria-selected={code === selected}
            aria-expanded={r.parent ? r.expanded : undefined}
            className={`tree-row depth-${Math.min(r.depth, 3)}${r.parent ? ' parent' : ''}${code === selected ? ' selected' : ''}`}
            style={{ paddingLeft: `${0.4 + r.depth * 1.1}rem` }}
            data-item={code}
            onClick={() => onSelect(code)}
          >
            <span
              className="twisty"
              aria-hidden="true"
              onClick={(e) => {
                if (!r.parent) return;
                e.stopPropagation();
                onToggle(code, !r.expanded);
              }}
            >
              {r.parent ? (r.expanded ? '▾' : '▸') : done ? '✓' : '○'}
            </span>
            <span className="code">{code}</span>
            <span className="tree-title">{title(r.item.title)}</span>
            {!r.parent && !s?.survey && <span className="visually-hidden">{t(done ? 'officer.answered' : 'officer.unanswered')}</span>}
            {p && (
              <span className="area-progress" data-testid={`area-progress-${code}`}>
                <span aria-hidden="true">{p.total > 0 ? t('officer.progress_short', { answered: p.answered, total: p.total }) : t('officer.survey_area')}</span>
                <span className="visually-hidden">{p.total > 0 ? t('officer.progress', { answered: p.answered, total: p.total }) : t('officer.survey_area')}</span>
              </span>
            )}
            {appraised?.[code] && (
              <span className={`appraised-badge${appraised[code].comment ? ' commented' : ''}`} data-testid="appraised-badge">
                <span aria-hidden="true">
                  {t('round2.badge', { score: points(appraised[code].score) })}
                  {explained?.has(code) ? ` · ${t('round2.badge_explained_short')}` : appraised[code].comment ? ` · ${t('round2.badge_comment_short')}` : ''}
                </span>
                <span className="visually-hidden">
                  {t('round2.badge_label', { score: points(appraised[code].score) })}
                  {appraised[code].comment ? `, ${t('round2.badge_comment')}` : ''}
                  {explained?.has(code) ? `, ${t('round2.explained_mark')}` : ''}
                </span>
              </span>
            )}
            {s && <span className="tree-score">{s.state === 'notApplicable' ? '—' : points(s.score)}<span className="tree-max">/{points(s.effectiveMax)}</span></span>}
          </div>
        );
      })}
    </div>
  );
}
