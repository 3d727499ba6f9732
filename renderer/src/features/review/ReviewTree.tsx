import { type KeyboardEvent, type Ref, useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewView } from '../../../../shared/ipc/index.ts';
import type { ScoreReport } from '../../../../shared/scoring/index.ts';
import { useT } from '../../app/i18n.tsx';
import type { TreeRow } from '../agency/tree-model.ts';
import { ROW_HEIGHT, VIRTUAL_FROM, rowsToDraw } from './tree-window.ts';

export const reviewRowId = (code: string) => `review-item-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`;

interface Props {
  rows: TreeRow[];
  /** The agency's own scores (its self-assessment). */
  report: ScoreReport;
  view: ReviewView;
  /** Items explained or changed since round 1. */
  round2: ReadonlySet<string>;
  selected: string | null;
  onSelect: (code: string) => void;
  onToggle: (code: string, expand: boolean) => void;
  /** Enter on a leaf: the panel's appraised score takes the focus. */
  onEdit: () => void;
  treeRef: Ref<HTMLDivElement>;
}

/**
 * The criteria tree of the appraisal, one focusable ARIA tree like the officer's (↑/↓, Home/End,
 * ←/→, Enter): per item the self score and the appraised one, and in round 2 a tag on the items the
 * agency explained or changed since round 1.
 */
export function ReviewTree({ rows, report, view, round2, selected, onSelect, onToggle, onEdit, treeRef }: Props) {
  const { t, points, title } = useT();
  const index = rows.findIndex((r) => r.item.code === selected);
  const long = rows.length >= VIRTUAL_FROM;
  // The scrolling pane's offset and height: a long tree draws only what is seen (tree-window.ts).
  const [band, setBand] = useState({ top: 0, height: 800 });
  const own = useRef<HTMLDivElement | null>(null);
  const setRef = useCallback(
    (el: HTMLDivElement | null) => {
      own.current = el;
      if (typeof treeRef === 'function') treeRef(el);
      else if (treeRef) (treeRef as { current: HTMLDivElement | null }).current = el;
    },
    [treeRef],
  );
  useEffect(() => {
    const pane = own.current?.closest<HTMLElement>('.tree-pane');
    if (!pane || !long) return;
    const read = () => setBand({ top: pane.scrollTop, height: pane.clientHeight });
    read();
    pane.addEventListener('scroll', read, { passive: true });
    const ro = new ResizeObserver(read);
    ro.observe(pane);
    return () => {
      pane.removeEventListener('scroll', read);
      ro.disconnect();
    };
  }, [long]);
  const drawn = rowsToDraw(rows.length, band.top, band.height, index);

  useEffect(() => {
    const row = selected ? document.getElementById(reviewRowId(selected)) : null;
    const pane = row?.closest<HTMLElement>('.tree-pane');
    if (!row || !pane) return;
    // Offsets within the tree (the long tree's rows are placed absolutely in it).
    const y = long ? index * ROW_HEIGHT : row.offsetTop;
    const h = long ? ROW_HEIGHT : row.offsetHeight;
    if (y < pane.scrollTop) pane.scrollTop = y;
    else if (y + h > pane.scrollTop + pane.clientHeight) pane.scrollTop = y + h - pane.clientHeight;
  }, [selected, index, long]);

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
      ref={setRef}
      role="tree"
      tabIndex={0}
      className={`criteria-tree${long ? ' long' : ''}`}
      style={long ? { height: rows.length * ROW_HEIGHT } : undefined}
      aria-label={t('review.tree')}
      aria-describedby="review-tree-help"
      aria-activedescendant={index >= 0 && selected ? reviewRowId(selected) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (index < 0 && rows[0]) onSelect(rows[0].item.code);
      }}
      data-testid="review-tree"
    >
      {drawn.map((i) => {
        const r = rows[i]!;
        const code = r.item.code;
        const s = report.items[code];
        const a = view.items[code];
        const explained = Object.hasOwn(view.explanations, code);
        const changed = !explained && round2.has(code);
        return (
          <div
            key={code}
            id={reviewRowId(code)}
            role="treeitem"
            aria-level={r.depth + 1}
            aria-selected={code === selected}
            aria-expanded={r.parent ? r.expanded : undefined}
            className={`tree-row depth-${Math.min(r.depth, 3)}${r.parent ? ' parent' : ''}${code === selected ? ' selected' : ''}`}
            style={long ? { paddingLeft: `${0.4 + r.depth * 1.1}rem`, position: 'absolute', top: i * ROW_HEIGHT, height: ROW_HEIGHT, left: 0, right: 0 } : { paddingLeft: `${0.4 + r.depth * 1.1}rem` }}
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
              {r.parent ? (r.expanded ? '▾' : '▸') : a ? '✓' : '○'}
            </span>
            <span className="code">{code}</span>
            <span className="tree-title">{title(r.item.title)}</span>
            {explained && (
              <span className="review-tag explained" data-testid="review-tag-explained">
                {t('review.tag.explained')}
              </span>
            )}
            {changed && (
              <span className="review-tag changed" data-testid="review-tag-changed">
                {t('review.tag.changed')}
              </span>
            )}
            {s && (
              <span className="tree-score" data-testid="tree-self">
                <span className="visually-hidden">{t('review.self_score')} </span>
                {s.state === 'notApplicable' ? '—' : points(s.score)}
                <span className="tree-max">/{points(s.effectiveMax)}</span>
              </span>
            )}
            {a && (
              <span className={`appraised-badge${a.comment ? ' commented' : ''}`} data-testid="tree-appraised">
                <span aria-hidden="true">{t('round2.badge', { score: points(a.score) })}</span>
                <span className="visually-hidden">
                  {t('round2.badge_label', { score: points(a.score) })}
                  {a.comment ? `, ${t('round2.badge_comment')}` : ''}
                </span>
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
