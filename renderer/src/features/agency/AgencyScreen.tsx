import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Statistic, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AgencyAssessmentView } from '../../../../shared/ipc/index.ts';
import type { ItemInput } from '../../../../shared/schema/index.ts';
import { areaProgress } from '../../../../shared/scoring/progress.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { agencyPath, navigate } from '../../app/router.ts';
import { assessmentQuery, useEntryChange, useSetItemInput } from './api.ts';
import { CriteriaSets } from './CriteriaSets.tsx';
import type { Edit } from './history.ts';
import { UndoBar, useUndoKeys } from './UndoBar.tsx';
import { useAgencyHistory } from './useHistory.ts';
import { appraisalQuery } from '../appraisal/api.ts';
import { AppraisalBlock } from '../appraisal/AppraisalBlock.tsx';
import { ImportAppraisal } from '../appraisal/ImportAppraisal.tsx';
import { SelfReportButton } from '../appraisal/SelfReport.tsx';
import { AgencyNav } from '../declared/AgencyNav.tsx';
import { CriteriaTree } from './CriteriaTree.tsx';
import { ItemPanel, firstControl } from './ItemPanel.tsx';
import { LateEntry } from './LateEntry.tsx';
import { type TreeFilter, visibleRows } from './tree-model.ts';

/** "Hạn tự đánh giá 15/01/2026 · còn 12 ngày": red on the last days and once past. */
function DeadlineTag({ deadline }: { deadline: NonNullable<AgencyAssessmentView['deadline']> }) {
  const { t, date } = useT();
  const left = deadline.daysLeft;
  const when = left > 0 ? t(left === 1 ? 'officer.day_left' : 'officer.days_left', { n: left }) : left === 0 ? t('officer.last_day') : t(left === -1 ? 'officer.day_past' : 'officer.days_past', { n: -left });
  return (
    <Tag color={left <= 3 ? 'red' : 'blue'} data-testid="deadline">
      {t(deadline.phase === 'self' ? 'officer.deadline_self' : 'officer.deadline_explanation', { day: date(deadline.day) })} · {when}
    </Tag>
  );
}

/**
 * One agency's self-assessment: the criteria tree (keyboard-driven, filtered, progress per area)
 * beside the selected item's panel (guide, evidence hint, the answer). The officer's main screen.
 */
export default function AgencyScreen({ code, home = false, item = null, set = null }: { code: string; home?: boolean; item?: string | null; set?: string | null }) {
  const { t, points, title } = useT();
  const query = useQuery(assessmentQuery(code, set));
  // The appraisal received from Home Affairs: only in the agency's own workspace.
  const received = useQuery(appraisalQuery(code, home)).data ?? null;
  const commented = useMemo(() => new Set(received?.commented ?? []), [received]);
  const explained = useMemo(() => new Set(Object.keys(received?.explanations ?? {})), [received]);
  const save = useSetItemInput(code);
  const entryChange = useEntryChange(code);
  // Undo and redo: the edit's value saved again through its own channel (read-only, validation, save state apply).
  const { mutateAsync: saveInput } = save;
  const { mutateAsync: saveEntry } = entryChange;
  const apply = useCallback(
    (e: Edit) =>
      e.kind === 'input'
        ? saveInput({ item: e.item, input: e.after, set: e.set })
        : e.kind === 'explanation'
          ? saveEntry({ set: e.set, kind: 'explain', item: e.item, text: e.after })
          : saveEntry({ set: e.set, kind: 'edit', item: e.item, index: e.index, details: e.after }),
    [saveInput, saveEntry],
  );
  const history = useAgencyHistory(code, apply);
  const [error, setError] = useState<{ item: string; message: string } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState<TreeFilter>('all');
  const treeRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const view = query.data;
  const entries = useMemo(() => view?.entries ?? {}, [view]);

  const rows = useMemo(() => (view ? visibleRows(view.template.items, entries, collapsed, filter, commented) : []), [view, entries, collapsed, filter, commented]);
  // The tree takes the focus once loaded: the officer starts moving with the arrow keys at once.
  const loaded = view !== undefined;
  useEffect(() => {
    if (loaded) treeRef.current?.focus({ preventScroll: true });
  }, [loaded]);
  // An item named by the route ("check before sending" links here): selected, its areas expanded, shown
  // whatever the filter. Once per route and template: a save's refetch does not take the officer back to it.
  const shownTemplate = view?.template;
  useEffect(() => {
    if (!item || !shownTemplate) return;
    setSelected(item);
    setFilter('all');
    const parent = new Map(shownTemplate.items.map((i) => [i.code, i.parent]));
    setCollapsed((s) => {
      const next = new Set(s);
      for (let p = parent.get(item); p; p = parent.get(p)) next.delete(p);
      return next;
    });
  }, [item, shownTemplate]);
  const progress = useMemo(() => (view ? areaProgress(view.template.items, entries) : null), [view, entries]);
  // After an undo or redo: its item shown, in its criteria set.
  const show = (e: Edit) => {
    if (e.set !== set) navigate(agencyPath(code, e.set, e.item));
    else setSelected(e.item);
  };
  const undoKeys = useUndoKeys(history, show);

  if (query.isError) return <main><Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} /></main>;
  if (!view || !progress) return <main aria-busy="true">{t('app.loading')}</main>;
  const { template, report } = view;
  const current = template.items.find((i) => i.code === (selected ?? rows[0]?.item.code)) ?? null;

  const onSave = (item: string, input: ItemInput | null) => {
    const before = entries[item]?.input ?? null;
    save.mutate(
      { item, input, set },
      {
        onSuccess: () => {
          setError((e) => (e?.item === item ? null : e));
          history.add({ set, item, kind: 'input', before, after: input });
        },
        onError: (e) => setError({ item, message: errorText(e, t) }),
      },
    );
  };
  const toggle = (c: string, expand: boolean) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (expand) next.delete(c);
      else next.add(c);
      return next;
    });
  // Enter: the panel's first control (a choice button or a field) takes the focus.
  const edit = () => firstControl(panelRef.current)?.focus();

  return (
    <main className="agency-screen fill">
      <div className="toolbar">
        {!home && <Button onClick={() => navigate('/')}>{t('app.back')}</Button>}
        <h1 className="agency-title">
          {view.agency.name} <span className="code">{view.agency.code}</span>
        </h1>
        {/* The agency's own workspace: what is missing before it signs and sends its file. */}
        {home && (
          <span className="toolbar-end toolbar-group">
            <ImportAppraisal agency={view.agency.code} />
            <SelfReportButton agency={view.agency.code} />
            <Button data-testid="send-open" onClick={() => navigate(`/send/${view.agency.code}`)}>
              {t('send.open')}
            </Button>
          </span>
        )}
      </div>
      <AgencyNav code={view.agency.code} current="tree" />
      <CriteriaSets sets={view.sets} current={view.additional} onChoose={(id) => navigate(agencyPath(code, id))} />
      <div className="template-line">
        {title(template.title)}
        {template.sample && <Tag className="badge-sample">{t('app.sample_template')}</Tag>}
        {view.deadline && <DeadlineTag deadline={view.deadline} />}
      </div>
      <section className="totals" aria-label={t('app.total.total')}>
        <Card size="small"><Statistic title={t('app.total.self')} value={`${points(report.self.score)} / ${points(report.self.max)}`} valueRender={(n) => <span data-testid="self-total">{n}</span>} /></Card>
        {received && (
          <Card size="small">
            <Statistic title={t('round2.card_appraised')} value={`${points(received.totals.appraised)} / ${points(received.totals.max)}`} valueRender={(n) => <span data-testid="appraised-total">{n}</span>} />
          </Card>
        )}
        {/* An additional checklist (ISO 9001) has no sociological survey. */}
        {view.additional === null && <Card size="small"><Statistic title={t('app.total.survey')} value={`${points(report.survey.score)} / ${points(report.survey.max)}`} /></Card>}
        <Card size="small"><Statistic title={t('app.total.total')} value={`${points(report.total)} / ${points(report.max)}`} valueRender={(n) => <span data-testid="total">{n}</span>} /></Card>
        <Card size="small"><Statistic title={t('app.total.index')} value={`${points(report.index)}%`} valueRender={(n) => <span data-testid="index">{n}</span>} /></Card>
      </section>
      {view.readOnly && (
        // Said once, above the tree; every input is disabled (the services refuse the change too).
        <Alert type="info" showIcon className="read-only" data-testid="read-only" title={t('integrity.read_only_title')} description={view.readOnly.reason} action={<LateEntry view={view} />} />
      )}
      {!view.readOnly && view.late && <LateEntry view={view} />}
      <div className="tree-toolbar">
        <Segmented<TreeFilter>
          aria-label={t('officer.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('officer.filter.all') },
            { value: 'unanswered', label: t('officer.filter.unanswered') },
            { value: 'noEvidence', label: t('officer.filter.no_evidence') },
            ...(received ? [{ value: 'commented' as const, label: t('round2.filter') }] : []),
          ]}
        />
        <UndoBar history={history.history} state={undoKeys} />
        <span className="count" data-testid="overall-progress">{t('officer.progress', { answered: progress.all.answered, total: progress.all.total })}</span>
      </div>
      <p id="tree-help" className="muted tree-help">{t('officer.tree_help')}</p>
      <div className="tree-layout fill-rest">
        <div className="tree-pane">
          {rows.length === 0 ? (
            <p className="muted">{t('officer.filter_empty')}</p>
          ) : (
            <CriteriaTree
              rows={rows}
              report={report}
              progress={progress.areas}
              answered={(c) => entries[c]?.input !== undefined}
              selected={current?.code ?? null}
              onSelect={setSelected}
              onToggle={toggle}
              onEdit={edit}
              treeRef={treeRef}
              appraised={received?.items}
              explained={explained}
            />
          )}
        </div>
        {/* Focusable: read-only, the panel may hold no control, yet it scrolls (keyboard users reach it too). */}
        <div className="panel-pane" tabIndex={0} role="region" aria-label={t('officer.panel')}>
          {current ? (
            <ItemPanel
              key={current.code}
              agency={view.agency.code}
              set={set}
              onRecord={history.add}
              item={current}
              score={report.items[current.code]}
              entry={entries[current.code]}
              onSave={(input) => onSave(current.code, input)}
              saving={save.isPending && save.variables?.item === current.code}
              error={error?.item === current.code ? error.message : null}
              onUnchanged={() => setError((e) => (e?.item === current.code ? null : e))}
              onBack={() => treeRef.current?.focus({ preventScroll: true })}
              panelRef={panelRef}
              disabled={view.readOnly !== null}
              // A parent's appraised points are its leaves' sum: the block is a leaf's.
              appraisal={received && !template.items.some((i) => i.parent === current.code) && <AppraisalBlock agency={view.agency.code} item={current.code} view={received} self={report.items[current.code]?.score ?? null} />}
            />
          ) : (
            <p className="muted">{t('officer.select_item')}</p>
          )}
        </div>
      </div>
    </main>
  );
}
