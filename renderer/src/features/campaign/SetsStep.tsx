import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Select, Space, Tree } from 'antd';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CampaignTemplates } from '../../../../shared/campaign/setup.ts';
import type { TemplateImport, TemplateOption, TemplateTreeNode } from '../../../../shared/ipc/index.ts';
import type { AgencyGroup, Campaign } from '../../../../shared/schema/index.ts';
import { api } from '../../app/bridge.ts';
import { toPickedFile } from '../../app/files.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText, unwrap } from '../../app/query.ts';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { campaignKeys, handOver } from './api.ts';
import { ProblemTable } from './ProblemTable.tsx';

const DEFAULT_RANKED: Record<AgencyGroup, string> = { department: 'par-so', district: 'par-huyen', commune: 'par-xa' };

/** What the steps start from: the campaign's sets, else the built-in sample of each group (newest version). */
export function setsOf(c: Campaign | null, options: TemplateOption[], groups: AgencyGroup[]): CampaignTemplates {
  if (c) {
    const ref = (r: { id: string; version: number }) => `${r.id}@${r.version}`;
    return {
      templates: Object.fromEntries(Object.entries(c.templates).map(([g, r]) => [g, ref(r)])),
      additional: Object.fromEntries(Object.entries(c.additionalTemplates).map(([g, l]) => [g, (l ?? []).map(ref)])),
    };
  }
  const newest = (id: string) => options.filter((o) => o.id === id).sort((a, b) => b.version - a.version)[0]?.ref;
  return { templates: Object.fromEntries(groups.flatMap((g) => { const r = newest(DEFAULT_RANKED[g]); return r ? [[g, r]] : []; })), additional: {} };
}

function treeData(nodes: TemplateTreeNode[], points: (n: number) => string): { key: string; title: string; children: ReturnType<typeof treeData> }[] {
  return nodes.map((n) => ({ key: n.code, title: `${n.code}. ${n.title} (${points(n.max)})`, children: treeData(n.children, points) }));
}

/** A criteria set as a read-only tree, and its export back to Excel. */
function SetViewer({ option, onClose }: { option: TemplateOption; onClose: () => void }) {
  const { t, title, points } = useT();
  const tree = useQuery({ queryKey: campaignKeys.tree(option.ref), queryFn: () => unwrap(api.campaignTemplateTree({ ref: option.ref })) });
  const data = useMemo(() => treeData(tree.data ?? [], points), [tree.data, points]);
  const exp = useMutation({ mutationFn: () => unwrap(api.campaignExportTemplate({ ref: option.ref })), onSuccess: handOver });
  const headingId = useId();
  const box = useRef<HTMLElement>(null);
  // Opened below the groups: brought into view (and its heading focused) so the user sees what opened.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
    box.current?.querySelector<HTMLElement>('h3')?.focus();
  }, [option.ref]);
  return (
    <section className="campaign-tree" aria-labelledby={headingId} data-testid="campaign-set-tree" ref={box}>
      <h3 id={headingId} tabIndex={-1}>{title(option.title)} <span className="muted">({option.ref})</span></h3>
      <Space wrap>
        <Button onClick={() => exp.mutate()} loading={exp.isPending} data-testid="campaign-set-export">{t('campaignui.sets.export')}</Button>
        <Button onClick={onClose} data-testid="campaign-set-tree-close">{t('campaignui.sets.close_tree')}</Button>
      </Space>
      {exp.isError && <Alert type="error" showIcon title={errorText(exp.error, t)} />}
      {tree.isError && <Alert type="error" showIcon title={errorText(tree.error, t)} />}
      {data.length > 0 && <Tree treeData={data} defaultExpandedKeys={data.map((d) => d.key)} selectable={false} height={320} aria-label={title(option.title)} />}
    </section>
  );
}

/**
 * Step 3: the criteria sets of each group that has agencies: a built-in sample or the province's
 * own imported from Excel (every problem by sheet, row and column; nothing stored), viewable as a
 * tree, exported back to Excel, and the sets assessed beside it (ISO 9001).
 */
export function SetsStep(props: { groups: AgencyGroup[]; options: TemplateOption[]; initial: CampaignTemplates; busy: boolean; error: string | null; onSave: (s: CampaignTemplates) => void; saveLabel: string; locked: boolean }) {
  const { t, title } = useT();
  const qc = useQueryClient();
  const uid = useId();
  const [sets, setSets] = useState<CampaignTemplates>(props.initial);
  const [viewing, setViewing] = useState<TemplateOption | null>(null);
  const [imported, setImported] = useState<TemplateImport | null>(null);
  const imp = useMutation({
    mutationFn: async (f: File) => unwrap(api.campaignImportTemplate({ file: await toPickedFile(f) })),
    onSuccess: (r) => {
      setImported(r);
      if (r.ok) void qc.invalidateQueries({ queryKey: campaignKeys.state() });
    },
  });
  const label = (o: TemplateOption) => `${o.ref} (${t(o.builtin ? 'campaignui.sets.sample' : 'campaignui.sets.own')}) — ${title(o.title)}`;
  return (
    <div className="campaign-step-body" data-testid="campaign-sets">
      {props.locked && <Alert type="warning" showIcon title={t('campaignui.sets.locked')} data-testid="campaign-sets-locked" />}
      {props.groups.map((g) => {
        const ranked = props.options.filter((o) => o.appliesTo.includes(g) && !o.iso);
        const extra = props.options.filter((o) => o.appliesTo.includes(g) && o.ref !== sets.templates[g]);
        const current = props.options.find((o) => o.ref === sets.templates[g]);
        return (
          <fieldset key={g} className="campaign-group" data-testid={`campaign-sets-${g}`}>
            <legend>{t(`campaignui.group.${g}`)}</legend>
            <Form.Item layout="vertical" label={t('campaignui.sets.ranked')} htmlFor={`${uid}-${g}-ranked`}>
              <Space.Compact block className="campaign-ranked">
                <Select
                  id={`${uid}-${g}-ranked`}
                  value={sets.templates[g]}
                  disabled={props.locked}
                  options={ranked.map((o) => ({ value: o.ref, label: label(o) }))}
                  onChange={(v: string) => setSets((s) => ({ ...s, templates: { ...s.templates, [g]: v } }))}
                  data-testid={`campaign-ranked-${g}`}
                  style={{ width: '100%' }}
                />
                <Button disabled={!current} onClick={() => current && setViewing(current)} data-testid={`campaign-view-${g}`}>{t('campaignui.sets.view')}</Button>
              </Space.Compact>
            </Form.Item>
            <Form.Item layout="vertical" label={t('campaignui.sets.additional')} htmlFor={`${uid}-${g}-extra`} extra={t('campaignui.sets.additional_hint')}>
              <Select
                id={`${uid}-${g}-extra`}
                mode="multiple"
                allowClear
                disabled={props.locked}
                value={sets.additional[g] ?? []}
                options={extra.map((o) => ({ value: o.ref, label: label(o) }))}
                onChange={(v: string[]) => setSets((s) => ({ ...s, additional: { ...s.additional, [g]: v } }))}
                data-testid={`campaign-additional-${g}`}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </fieldset>
        );
      })}
      <section className="campaign-import" aria-label={t('campaignui.sets.import')}>
        <FileDrop className="campaign-drop" testId="campaign-set-drop" accept=".xlsx" disabled={props.locked} onFile={(f) => imp.mutate(f)} title={t('campaignui.sets.import')} hint={t('campaignui.sets.import_hint')} />
        {imp.isPending && <p role="status">{t('campaignui.reading')}</p>}
        {imp.isError && <Alert type="error" showIcon title={errorText(imp.error, t)} />}
        {imported && !imported.ok && <ProblemTable file={imported.file} problems={imported.problems} testId="campaign-set-problems" />}
        {imported?.ok && (
          <Alert type="success" showIcon role="status" data-testid="campaign-set-imported" title={t('campaignui.sets.imported', { title: title(imported.option.title), ref: imported.option.ref })} action={<Button size="small" onClick={() => setViewing(imported.option)}>{t('campaignui.sets.view')}</Button>} />
        )}
      </section>
      {viewing && <SetViewer option={viewing} onClose={() => setViewing(null)} />}
      {props.error && <Alert type="error" showIcon title={props.error} data-testid="campaign-sets-refused" />}
      <Button type="primary" onClick={() => props.onSave(sets)} loading={props.busy} disabled={props.locked} data-testid="campaign-sets-save">
        {props.saveLabel}
      </Button>
    </div>
  );
}
