import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { parseNumberText } from '../../../../shared/indicators/validate.ts';
import type { AdjustmentBlockView, AdjustmentRow } from '../../../../shared/ipc/index.ts';
import { useT } from '../../app/i18n.tsx';
import { errorText } from '../../app/query.ts';
import { navigate } from '../../app/router.ts';
import { AgencyNav } from './AgencyNav.tsx';
import { adjustmentsQuery, useSetAdjustment } from './api.ts';
import { FieldState, useFieldSave } from './field-state.tsx';
import { figureText } from './FiguresScreen.tsx';

type Block = 'bonus' | 'penalty';

/**
 * One bonus or penalty item: its maximum, the points claimed and the reason with its supporting
 * document. Saved together when either field is left or on Enter (unchanged: nothing written);
 * points over the item's maximum or the block's cap are refused at the field by the service.
 */
function AdjustmentItemRow({ agency, block, row, disabled }: { agency: string; block: Block; row: AdjustmentRow; disabled: boolean }) {
  const { t, lang, title, points: pts } = useT();
  const set = useSetAdjustment(agency);
  const { save, run, reset, setSave } = useFieldSave();
  const storedPoints = row.points === null ? '' : figureText(row.points, lang);
  const storedNote = row.note ?? '';
  const [pointsText, setPointsText] = useState(storedPoints);
  const [note, setNote] = useState(storedNote);
  const [seen, setSeen] = useState(row);
  if (seen.points !== row.points || seen.note !== row.note) {
    setSeen(row);
    setPointsText(storedPoints);
    setNote(storedNote);
  }
  const [bad, setBad] = useState(false);
  const id = `${block}-${row.code}`;
  const errorId = `${id}-error`;
  const commit = () => {
    const p = pointsText.trim();
    const n = note.trim();
    if (p === storedPoints.trim() && n === storedNote.trim()) {
      setBad(false);
      return reset();
    }
    if (p === '') {
      setBad(false);
      return run(set.mutateAsync({ block, code: row.code, points: null }));
    }
    const v = parseNumberText(p, lang);
    setBad(v === null);
    if (v === null) return setSave({ state: 'failed', error: t('declared.not_a_number') });
    run(set.mutateAsync({ block, code: row.code, points: v, note: n }));
  };
  const failed = save.state === 'failed' || bad;
  const onKey = (e: { key: string }) => {
    if (e.key === 'Enter') commit();
  };
  return (
    <tr data-testid={id} data-code={row.code}>
      <th scope="row" className="code">{row.code}</th>
      <td id={`${id}-title`}>{title(row.title)}</td>
      <td className="number-cell" data-testid={`${id}-max`}>{pts(row.max)}</td>
      <td>
        <Input
          className="number"
          inputMode="decimal"
          aria-label={t('declared.adjustments.points_of', { block: t(`declared.adjustments.${block}`), code: row.code })}
          aria-describedby={failed ? errorId : `${id}-title`}
          aria-invalid={failed || undefined}
          status={failed ? 'error' : undefined}
          disabled={disabled}
          value={pointsText}
          onChange={(e) => setPointsText(e.target.value)}
          onBlur={commit}
          onKeyDown={onKey}
          data-testid={`${id}-points`}
        />
      </td>
      <td className="note-cell">
        <Input
          className="note-input"
          aria-label={t('declared.adjustments.note_of', { code: row.code })}
          maxLength={2000}
          disabled={disabled}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onBlur={commit}
          onKeyDown={onKey}
          data-testid={`${id}-note`}
        />
      </td>
      <td>
        <Button
          size="small"
          disabled={disabled || row.points === null}
          aria-label={t('declared.adjustments.clear_of', { code: row.code })}
          onClick={() => run(set.mutateAsync({ block, code: row.code, points: null }))}
        >
          {t('declared.figures.clear')}
        </Button>
      </td>
      <td className="state-cell">
        <FieldState save={save} errorId={errorId} testId={id} />
      </td>
    </tr>
  );
}

function BlockTable({ agency, block, view, disabled }: { agency: string; block: Block; view: AdjustmentBlockView; disabled: boolean }) {
  const { t, points } = useT();
  const headingId = `${block}-heading`;
  return (
    <section className="adjustment-block" aria-labelledby={headingId} data-testid={`${block}-block`}>
      <h2 id={headingId} className="block-title">
        {t(`declared.adjustments.${block}`)}{' '}
        <span className="muted" data-testid={`${block}-cap`}>
          {t('declared.adjustments.cap', { total: points(view.total), cap: points(view.cap) })}
        </span>
      </h2>
      {view.items.length === 0 ? (
        <p className="muted">{t('declared.adjustments.none')}</p>
      ) : (
        <table className="adjustment-table">
          <thead>
            <tr>
              <th scope="col">{t('declared.adjustments.col.code')}</th>
              <th scope="col">{t('declared.adjustments.col.item')}</th>
              <th scope="col">{t('declared.adjustments.col.max')}</th>
              <th scope="col">{t('declared.adjustments.points')}</th>
              <th scope="col">{t('declared.adjustments.note')}</th>
              <th scope="col"><span className="visually-hidden">{t('nominations.col.actions')}</span></th>
              <th scope="col"><span className="visually-hidden">{t('declared.adjustments.col.state')}</span></th>
            </tr>
          </thead>
          <tbody>
            {view.items.map((r) => (
              <AdjustmentItemRow key={r.code} agency={agency} block={block} row={r} disabled={disabled} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The agency's own bonus and penalty (điểm thưởng, điểm trừ), each item within its maximum and the block's cap. */
export default function AdjustmentsScreen({ code }: { code: string }) {
  const { t, points } = useT();
  const query = useQuery(adjustmentsQuery(code));
  if (query.isError) return <main><Alert type="error" showIcon title={t('app.error')} description={errorText(query.error, t)} /></main>;
  const view = query.data;
  if (!view) return <main aria-busy="true">{t('app.loading')}</main>;
  const disabled = view.readOnly !== null;
  return (
    <main className="declared-screen" data-testid="adjustments-screen">
      <div className="toolbar">
        <Button onClick={() => navigate(`/agency/${code}`)}>{t('send.back')}</Button>
        <h1>{t('declared.adjustments.title')}</h1>
        <span className="muted" data-testid="adjusted-total">{t('declared.adjustments.total', { total: points(view.total), max: points(view.max) })}</span>
      </div>
      <AgencyNav code={code} current="adjustments" />
      {view.readOnly && <Alert type="info" showIcon className="read-only" data-testid="read-only" title={t('integrity.read_only_title')} description={view.readOnly.reason} />}
      <p className="muted">{t('declared.adjustments.help')}</p>
      <BlockTable agency={code} block="bonus" view={view.bonus} disabled={disabled} />
      <BlockTable agency={code} block="penalty" view={view.penalty} disabled={disabled} />
    </main>
  );
}
