import { useEffect, useState } from 'react';
import type { AgencyAssessmentView } from '../../shared/ipc/contract.ts';
import type { ItemInput } from '../../shared/schema/index.ts';
import { api } from './bridge.ts';
import { useT } from './i18n.tsx';
import { ItemInputEditor } from './ItemInputEditor.tsx';

/** One agency's criteria tree: inputs, live scores per item, area and total. */
export function AgencyView({ code, onBack }: { code: string; onBack: () => void }) {
  const { t, points, lang } = useT();
  const [view, setView] = useState<AgencyAssessmentView | null>(null);
  const [error, setError] = useState<{ item?: string; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void api.assessmentGet({ agency: code }).then((r) => (r.ok ? setView(r.value) : setError({ message: r.error.message })));
  }, [code]);

  if (!view) return <main>{error ? <p role="alert" className="error">{error.message}</p> : t('app.loading')}</main>;
  const { template, report, assessment } = view;
  const title = (x: { vi: string; en?: string | undefined }) => (lang === 'en' && x.en ? x.en : x.vi);

  const save = async (item: string, input: ItemInput | null) => {
    const r = await api.assessmentSetItemInput({ agency: code, item, input });
    if (!r.ok) {
      setError({ item, message: r.error.message });
      return;
    }
    setError(null);
    setSaved(item);
    const items = { ...(view.assessment?.items ?? {}) };
    const prev = items[item];
    items[item] = { ...(prev ?? { selfScore: null, evidence: [] }), ...(input ? { input } : {}), selfScore: r.value.item.score };
    if (!input && prev) delete items[item]!.input;
    setView({
      ...view,
      report: r.value.report,
      assessment: view.assessment ? { ...view.assessment, items } : null,
    });
  };

  return (
    <main>
      <div className="toolbar">
        <button className="back" onClick={onBack}>
          {t('app.back')}
        </button>
        <h1 className="agency-title">
          {view.agency.name} <span className="code">{view.agency.code}</span>
        </h1>
      </div>
      <div className="template-line">
        {title(template.title)}
        {template.sample && <span className="badge">{t('app.sample_template')}</span>}
      </div>
      <section className="totals" aria-label={t('app.total.total')}>
        <div>
          <span>{t('app.total.self')}</span>
          <strong>
            {points(report.self.score)} / {points(report.self.max)}
          </strong>
        </div>
        <div>
          <span>{t('app.total.survey')}</span>
          <strong>
            {points(report.survey.score)} / {points(report.survey.max)}
          </strong>
        </div>
        <div>
          <span>{t('app.total.total')}</span>
          <strong data-testid="total">
            {points(report.total)} / {points(report.max)}
          </strong>
        </div>
        <div>
          <span>{t('app.total.index')}</span>
          <strong data-testid="index">{points(report.index)}%</strong>
        </div>
      </section>
      <table className="grid tree">
        <thead>
          <tr>
            <th>{t('app.col.criterion')}</th>
            <th>{t('app.col.input')}</th>
            <th className="num">{t('app.col.score')}</th>
            <th className="num">{t('app.col.max')}</th>
            <th>{t('app.col.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {template.items.map((item) => {
            const s = report.items[item.code];
            if (!s) return null;
            const entry = assessment?.items[item.code];
            return (
              <tr key={item.code} data-item={item.code} className={`depth-${Math.min(s.depth, 3)}${item.rule ? '' : ' parent'}`}>
                <td style={{ paddingLeft: `${0.6 + s.depth * 1.2}rem` }}>
                  <span className="code">{item.code}</span> {title(item.title)}
                  {error?.item === item.code && (
                    <div role="alert" className="error small">
                      {error.message}
                    </div>
                  )}
                </td>
                <td>{item.rule && <ItemInputEditor key={JSON.stringify(entry?.input ?? null)} item={item} input={entry?.input} onSave={(inp) => void save(item.code, inp)} />}</td>
                <td className="num score" title={s.explain ? t(s.explain.key, s.explain.params) : undefined}>
                  {s.state === 'notApplicable' ? '—' : points(s.score)}
                  {saved === item.code && <span className="saved"> ✓</span>}
                </td>
                <td className="num">{points(s.effectiveMax)}</td>
                <td className="muted">{entry?.evidence.length ? t('app.evidence_count', { n: entry.evidence.length }) : entry?.explanation ? t('app.explanation_only') : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
