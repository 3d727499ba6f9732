import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Statistic, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewView } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { agencyPath, navigate, reviewPath } from '../../app/router.ts';
import { assessmentQuery } from '../agency/api.ts';
import { CriteriaSets } from '../agency/CriteriaSets.tsx';
import { visibleRows } from '../agency/tree-model.ts';
import { Adjustments } from './Adjustments.tsx';
import { reviewQuery, useExportOne } from './api.ts';
import { ExportAll } from './ExportAll.tsx';
import { ReviewPanel, scoreInput } from './ReviewPanel.tsx';
import { ReviewTree } from './ReviewTree.tsx';
import { FalsifiedMark, LockButton, StatusChange } from './StatusControls.tsx';

type Filter = 'all' | 'round2' | 'unappraised';

/** The totals at the top: self, appraised, survey (once imported), bonus and penalty, the total. */
function Totals({ view }: { view: ReviewView }) {
  const { t, points } = useT();
  const x = view.totals;
  const card = (label: string, value: string, testId: string) => (
    <Card size="small">
      <Statistic title={label} value={value} valueRender={(n) => <span data-testid={testId}>{n}</span>} />
    </Card>
  );
  return (
    <section className="totals review-totals" aria-label={t('review.totals')}>
      {card(t('app.total.self'), `${points(x.self.score)} / ${points(x.self.max)}`, 'review-total-self')}
      {card(t('review.total_appraised'), `${points(x.appraised.score)} / ${points(x.appraised.max)}`, 'review-total-appraised')}
      {view.set === null && card(t('app.total.survey'), x.survey ? `${points(x.survey.score)} / ${points(x.survey.max)}` : t('review.survey_none'), 'review-total-survey')}
      {view.set === null && card(t('review.total_adjust'), `+${points(x.bonus)} / −${points(x.penalty)}`, 'review-total-adjust')}
      {card(t('app.total.total'), `${points(x.total)} / ${points(x.max)}`, 'review-total')}
    </section>
  );
}

/**
 * Home Affairs appraises one agency's criteria set: the tree with self and appraised scores, the
 * selected item side by side (the agency's answer, documents and explanation; the appraised score
 * and comment), the totals, bonus and penalty, the falsified mark, the status moves and the lock,
 * the round-1 files. Keyboard: ↑/↓ in the tree, Enter to the score, Alt+↓ / Alt+↑ to the next or
 * previous item from the panel, Esc back to the tree.
 */
export default function ReviewScreen({ code, set = null, item = null }: { code: string; set: string | null; item: string | null }) {
  const { t, title, points } = useT();
  const assessment = useQuery(assessmentQuery(code, set));
  const review = useQuery(reviewQuery(code, set));
  const exportOne = useExportOne(code);
  const [selected, setSelected] = useState<string | null>(item);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState<Filter>('all');
  const [focusScore, setFocusScore] = useState(false);
  const treeRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const a = assessment.data;
  const view = review.data;

  const round2 = useMemo(() => new Set([...Object.keys(view?.explanations ?? {}), ...(view?.changed ?? [])]), [view]);
  const unappraised = useMemo(() => {
    if (!a || !view) return new Set<string>();
    return new Set(a.template.items.filter((i) => i.rule && !i.survey && !Object.hasOwn(view.items, i.code)).map((i) => i.code));
  }, [a, view]);
  const rows = useMemo(() => {
    if (!a) return [];
    if (filter === 'all') return visibleRows(a.template.items, a.entries, collapsed, 'all');
    return visibleRows(a.template.items, a.entries, collapsed, 'commented', filter === 'round2' ? round2 : unappraised);
  }, [a, collapsed, filter, round2, unappraised]);
  const loaded = a !== undefined && view !== undefined;
  useEffect(() => {
    if (loaded) treeRef.current?.focus({ preventScroll: true });
  }, [loaded]);

  if (assessment.isError || review.isError) {
    return (
      <main>
        <Button onClick={() => navigate('/')}>{t('app.back')}</Button>
        <Alert type="error" showIcon title={t('app.error')} description={errorText((assessment.error ?? review.error)!, t)} data-testid="review-load-error" />
      </main>
    );
  }
  if (!a || !view) return <main aria-busy="true">{t('app.loading')}</main>;

  const current = a.template.items.find((i) => i.code === (selected ?? rows[0]?.item.code)) ?? null;
  const leaves = rows.filter((r) => !r.parent);
  const toggle = (c: string, expand: boolean) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (expand) next.delete(c);
      else next.add(c);
      return next;
    });
  // From the panel: the field being typed in is left first (its value saved), then the next item's score field takes the focus.
  const step = (by: 1 | -1) => {
    const at = leaves.findIndex((r) => r.item.code === current?.code);
    const next = leaves[at < 0 ? 0 : at + by];
    if (!next) return;
    (document.activeElement as HTMLElement | null)?.blur();
    setFocusScore(true);
    setSelected(next.item.code);
  };

  return (
    <main className="agency-screen review-screen fill">
      <div className="toolbar">
        <Button onClick={() => navigate('/')}>{t('app.back')}</Button>
        <h1 className="agency-title">
          {t('review.title')}: {view.agency.name} <span className="code">{view.agency.code}</span>
        </h1>
        <Tag color={view.locked ? 'default' : 'blue'} data-testid="review-status">
          {t(`app.status.${view.status}`)}
        </Tag>
        {view.round !== null && <Tag data-testid="review-round">{t('review.round', { n: view.round })}</Tag>}
        {view.falsified && (
          <Tag color="red" data-testid="review-falsified-tag">
            {t('review.falsified_tag')}
          </Tag>
        )}
        <span className="toolbar-end toolbar-group">
          <Button data-testid="review-self-view" onClick={() => navigate(agencyPath(code, set))}>
            {t('review.open_self')}
          </Button>
          <Button data-testid="review-export" disabled={!view.exportable} loading={exportOne.isPending} onClick={() => exportOne.mutate()}>
            {t('review.export_one')}
          </Button>
          <ExportAll />
        </span>
      </div>
      {exportOne.isError && <Alert type="error" showIcon role="alert" data-testid="review-export-error" title={errorText(exportOne.error, t)} />}
      {exportOne.data?.savedTo && <Alert type="success" showIcon data-testid="review-export-saved" title={t('review.export_saved', { file: exportOne.data.savedTo })} />}
      <CriteriaSets sets={a.sets} current={a.additional} onChoose={(id) => navigate(reviewPath(code, id))} />
      <div className="template-line">{title(a.template.title)}</div>
      <Totals view={view} />
      {view.closed !== null && (
        // Said once, above the tree; every field is read-only (the services refuse the change too).
        <Alert type="info" showIcon className="read-only" data-testid="review-read-only" title={view.locked ? t('review.locked_title') : t('review.closed_title')} description={view.closed} />
      )}
      {!view.locked && (
        <div className="review-actions">
          <StatusChange key={view.status} view={view} />
          <LockButton view={view} />
          <FalsifiedMark key={`f-${String(view.falsified)}`} view={view} />
        </div>
      )}
      {view.locked && view.falsified && <p className="muted">{t('review.falsified')}</p>}
      {view.set === null && view.adjustments && (
        <details className="review-adj-box" data-testid="review-adj-box">
          <summary>{t('review.adj.title', { bonus: points(view.adjustments.bonus.total), penalty: points(view.adjustments.penalty.total) })}</summary>
          <Adjustments view={view} />
        </details>
      )}
      <div className="tree-toolbar">
        <Segmented<Filter>
          aria-label={t('review.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('review.filter.all') },
            { value: 'unappraised', label: t('review.filter.unappraised') },
            ...(round2.size > 0 ? [{ value: 'round2' as const, label: <span data-testid="review-filter-round2">{t('review.filter.round2', { n: round2.size })}</span> }] : []),
          ]}
        />
      </div>
      <p id="review-tree-help" className="muted tree-help">
        {t('review.tree_help')}
      </p>
      <div className="tree-layout fill-rest">
        <div className="tree-pane">
          {rows.length === 0 ? (
            <p className="muted">{t('officer.filter_empty')}</p>
          ) : (
            <ReviewTree
              rows={rows}
              report={a.report}
              view={view}
              round2={round2}
              selected={current?.code ?? null}
              onSelect={(c) => {
                setFocusScore(false);
                setSelected(c);
              }}
              onToggle={toggle}
              onEdit={() => scoreInput(panelRef.current)?.focus()}
              treeRef={treeRef}
            />
          )}
        </div>
        <div
          className="panel-pane"
          tabIndex={0}
          role="region"
          aria-label={t('review.panel')}
          onKeyDown={(e) => {
            if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
              e.preventDefault();
              step(e.key === 'ArrowDown' ? 1 : -1);
            }
          }}
        >
          {current ? (
            <ReviewPanel
              key={current.code}
              view={view}
              set={set}
              item={current}
              score={a.report.items[current.code]}
              entry={a.entries[current.code]}
              onBack={() => treeRef.current?.focus({ preventScroll: true })}
              panelRef={panelRef}
              focusScore={focusScore}
            />
          ) : (
            <p className="muted">{t('officer.select_item')}</p>
          )}
        </div>
      </div>
    </main>
  );
}
