import { useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Popconfirm, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import type { Nomination } from '../../../../shared/schema/index.ts';
import { useT } from '../../app/i18n.tsx';
import { IpcError, errorText } from '../../app/query.ts';
import { navigate } from '../../app/router.ts';
import { AgencyNav } from '../declared/AgencyNav.tsx';
import { useNominationChange, nominationsQuery } from './api.ts';
import { EMPTY_FORM, columnsOf, formOf } from './form.ts';
import { NominationForm } from './NominationForm.tsx';

const nameOf = (n: Nomination) => (n.kind === 'collective' ? n.name : n.fullName);

/**
 * The agency's commendation proposals (đề nghị khen thưởng): a table with every column of the
 * province's list, a form to add or edit one, removal after confirmation; read-only with its reason.
 */
export default function NominationsScreen({ code }: { code: string }) {
  const { t, title } = useT();
  const { message } = AntApp.useApp();
  const query = useQuery(nominationsQuery(code));
  const change = useNominationChange(code);
  // null: no form; '': a new nomination; else the id being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string[] | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // Set when the form closes; the focus moves once "add" is enabled again (after that render, not on a timer).
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || editing !== null || !addRef.current || addRef.current.disabled) return;
    addRef.current.focus();
    setRefocus(false);
  });

  if (query.isError) return <main><Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} /></main>;
  const view = query.data;
  if (!view) return <main aria-busy="true">{t('app.loading')}</main>;
  const disabled = view.readOnly !== null;
  const award = (id: string) => {
    const a = [...view.awards.collective, ...view.awards.individual].find((x) => x.id === id);
    return a ? title(a.award) : id;
  };
  const failed = (e: Error) => setError(e instanceof IpcError && e.issues.length > 0 ? e.issues : [errorText(e, t)]);
  // The form is gone: the focus goes back to "add" rather than being lost at the top of the page.
  const close = () => {
    setEditing(null);
    setError(null);
    setRefocus(true);
  };
  const dash = <span className="muted">—</span>;

  const columns: ColumnsType<Nomination> = [
    { key: 'id', title: t('nominations.col.id'), dataIndex: 'id', width: 110 },
    // Right after the code: edit and remove are in view without scrolling the wide list sideways.
    {
      key: 'actions',
      title: t('nominations.col.actions'),
      width: 150,
      render: (_, n) => (
        <span className="row-actions">
          <Button size="small" disabled={disabled || change.isPending} aria-label={t('nominations.edit_of', { id: n.id })} onClick={() => (setError(null), setEditing(n.id))}>
            {t('nominations.edit')}
          </Button>
          <Popconfirm
            title={t('nominations.remove_confirm', { id: n.id, name: nameOf(n) })}
            okText={t('nominations.remove')}
            cancelText={t('nominations.keep')}
            // Keyboard users land on the confirmation (it opens at the end of the page otherwise); mounted anew each time so the focus goes there every time.
            okButtonProps={{ autoFocus: true }}
            destroyOnHidden
            onConfirm={() =>
              change.mutate(
                { kind: 'remove', id: n.id },
                { onSuccess: () => void message.success(t('nominations.removed', { id: n.id })), onError: (e) => void message.error(errorText(e, t)) },
              )
            }
          >
            <Button size="small" disabled={disabled || change.isPending} aria-label={t('nominations.remove_of', { id: n.id })}>
              {t('nominations.remove')}
            </Button>
          </Popconfirm>
        </span>
      ),
    },
    { key: 'kind', title: t('nominations.col.kind'), width: 100, render: (_, n) => t(`nominations.kind.${n.kind}`) },
    { key: 'name', title: t('nominations.name_or_full'), width: 180, render: (_, n) => <strong>{nameOf(n)}</strong> },
    { key: 'gender', title: t('nominations.col.gender'), width: 80, render: (_, n) => (n.kind === 'individual' ? t(`nominations.gender.${n.gender}`) : dash) },
    { key: 'birthYear', title: t('nominations.col.birthYear'), width: 80, render: (_, n) => (n.kind === 'individual' ? n.birthYear : dash) },
    { key: 'position', title: t('nominations.position_unit'), width: 180, render: (_, n) => (n.kind === 'individual' ? `${n.position}, ${n.unit}` : dash) },
    {
      key: 'rating',
      title: `${t('nominations.col.ratingThisYear')} / ${t('nominations.col.ratingLastYear')}`,
      width: 200,
      render: (_, n) => (n.kind === 'individual' ? `${t(`awards.rating.${n.ratingThisYear}`)} / ${n.ratingLastYear ? t(`awards.rating.${n.ratingLastYear}`) : t('nominations.rating.none')}` : dash),
    },
    { key: 'achievements', title: t('nominations.col.achievements'), width: 260, render: (_, n) => <span className="clamp">{n.achievements}</span> },
    { key: 'discipline', title: t('nominations.col.discipline'), width: 120, render: (_, n) => (n.kind === 'individual' ? (n.discipline ?? t('nominations.discipline.none')) : dash) },
    { key: 'initiatives', title: t('nominations.col.initiatives'), width: 100, render: (_, n) => (n.kind === 'individual' ? n.initiatives : dash) },
    { key: 'award', title: t('nominations.col.proposedAward'), width: 200, render: (_, n) => award(n.proposedAward) },
    { key: 'note', title: t('nominations.col.note'), width: 140, render: (_, n) => n.note ?? '' },
  ];
  const current = editing ? view.nominations.find((n) => n.id === editing) : undefined;

  return (
    <main className="declared-screen nominations-screen" data-testid="nominations-screen">
      <div className="toolbar">
        <Button onClick={() => navigate(`/agency/${code}`)}>{t('send.back')}</Button>
        <h1>{t('nominations.title')}</h1>
        <span className="count" data-testid="nominations-count">{t('nominations.count', { n: view.nominations.length })}</span>
        <Button ref={addRef} type="primary" className="toolbar-end" disabled={disabled || editing !== null} onClick={() => (setError(null), setEditing(''))} data-testid="nomination-add">
          {t('nominations.add')}
        </Button>
      </div>
      <AgencyNav code={code} current="nominations" />
      {view.readOnly && <Alert type="info" showIcon className="read-only" data-testid="read-only" title={t('integrity.read_only_title')} description={view.readOnly.reason} />}
      <p className="muted">{t('nominations.help')}</p>
      {editing !== null && (
        <NominationForm
          key={editing || '+'}
          initial={current ? formOf(current) : EMPTY_FORM}
          editing={editing || null}
          awards={view.awards}
          taken={view.nominations.map((n) => n.id)}
          busy={change.isPending}
          error={error}
          onCancel={close}
          onSubmit={(v) => {
            const columns = columnsOf(v);
            change.mutate(editing ? { kind: 'edit', id: editing, columns } : { kind: 'add', columns }, {
              onSuccess: (r) => {
                close();
                void message.success(t(r.changed ? 'nominations.saved' : 'nominations.unchanged', { id: r.id }));
              },
              onError: failed,
            });
          }}
        />
      )}
      {/* The wide list scrolls in a region keyboard users can reach (Tab, then the arrow keys). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('nominations.title')}>
      <Table<Nomination>
        className="nominations-table"
        data-testid="nominations-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={view.nominations}
        pagination={false}
        locale={{ emptyText: <span className="muted">{t('nominations.none')}</span> }}
        onRow={(n) => ({ 'data-id': n.id }) as React.HTMLAttributes<HTMLElement>}
      />
      </div>
    </main>
  );
}
