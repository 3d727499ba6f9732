import type { Agency, AgencyGroup, Assessment, Campaign, Template } from '../../../shared/schema/index.ts';
import { campaignRuleDefaults } from '../../../shared/campaign/defaults.ts';
import { scoreAssessment } from '../../../shared/scoring/index.ts';
import { compileTemplate } from '../../../shared/template/compile.ts';
import { demoAgencies } from './agencies.ts';
import { demoAssessment } from './assessment.ts';
import { DEPARTMENTS, PROVINCE } from './province.ts';
import { createRng } from './rng.ts';

export interface DemoOptions {
  agencies: number;
  seed: number;
  /** Templates to use per group (the built-in samples by default, chosen by the caller). */
  templates: Record<AgencyGroup, Template>;
  /** Extra templates the workspace should carry (e.g. the ISO checklist). */
  extraTemplates?: Template[];
  /** The campaign's year (default 2024); its deadlines fall in that year and the next. */
  year?: number;
}

export interface DemoProvince {
  campaign: Campaign;
  templates: Template[];
  agencies: Agency[];
  assessments: Assessment[];
  /** Agencies that have not submitted (no assessment). */
  missing: string[];
}

const DEFAULT_YEAR = 2024;

/** The demo province: campaign, agencies in their groups, and deterministic self-assessments. */
export function generateDemo(opts: DemoOptions): DemoProvince {
  const YEAR = opts.year ?? DEFAULT_YEAR;
  const rng = createRng(opts.seed, 0);
  const agencies = demoAgencies(opts.agencies, rng);
  const campaignId = `cchc-${YEAR}`;
  const campaign: Campaign = {
    kind: 'parscore.campaign',
    schemaVersion: 5,
    // Deterministic (same seed, same demo); unique enough for a province that exists only as a demo.
    uid: `demo-${opts.seed}-${campaignId}`,
    additionalTemplates: {},
    exemptions: [],
    // The procedures of the three levels: the departments' own, plus the one set every district and
    // every commune applies (shared values, not sums over them); only the levels the demo has.
    headlines: [
      {
        code: 'TTHC_3CAP',
        title: { vi: 'Thủ tục hành chính ở cả ba cấp', en: 'Administrative procedures at the three levels' },
        unit: 'thủ tục',
        parts: (['department', 'district', 'commune'] as const).filter((g) => opts.templates[g]?.indicators.some((i) => i.code === 'KK05') && agencies.some((a) => a.group === g)).map((group) => ({ group, indicator: 'KK05' })),
      },
    ].filter((h) => h.parts.length > 0),
    id: campaignId,
    title: { vi: `Xác định Chỉ số cải cách hành chính năm ${YEAR} tỉnh ${PROVINCE.name}`, en: `${YEAR} PAR Index of ${PROVINCE.name} province` },
    year: YEAR,
    model: 'three-tier',
    templates: Object.fromEntries(
      (Object.entries(opts.templates) as [AgencyGroup, Template][]).map(([g, t]) => [g, { id: t.id, version: t.version }]),
    ),
    agencies,
    deadlines: { selfAssessment: `${YEAR}-12-15`, explanation: `${YEAR + 1}-01-10`, appraisal1: `${YEAR + 1}-01-05`, appraisal2: `${YEAR + 1}-01-20` },
    ...campaignRuleDefaults(),
    issuer: { parentBody: PROVINCE.parentBody, body: PROVINCE.body, place: PROVINCE.name, signerTitle: PROVINCE.signerTitle, signerName: PROVINCE.signerName },
  };
  // The ISO 9001 checklist (an extra template whose items carry ISO phases) is assessed beside the
  // PAR index by every group; a few communes do not apply it (exempt).
  const checklist = (opts.extraTemplates ?? []).find((t) => t.items.some((i) => i.isoPhase !== undefined));
  if (checklist) {
    const ref = { id: checklist.id, version: checklist.version };
    for (const g of Object.keys(opts.templates) as AgencyGroup[]) if (agencies.some((a) => a.group === g)) campaign.additionalTemplates[g] = [ref];
    const communes = agencies.filter((a) => a.group === 'commune');
    campaign.exemptions = communes.filter((_, i) => i % 9 === 4).map((a) => ({ agency: a.code, template: checklist.id, reason: 'Chưa thuộc đối tượng bắt buộc áp dụng' }));
  }
  const exempt = new Set(campaign.exemptions.map((e) => e.agency));
  const compiled = new Map([...Object.values(opts.templates), ...(checklist ? [checklist] : [])].map((t) => [t.id, compileTemplate(t)]));
  const assessments: Assessment[] = [];
  const missing: string[] = [];
  agencies.forEach((agency, k) => {
    const r = createRng(opts.seed, k + 1);
    if (r.chance(0.04)) {
      missing.push(agency.code);
      return;
    }
    const template = opts.templates[agency.group];
    const abbr = agency.group === 'department' ? (DEPARTMENTS.find((d) => d.name === agency.name)?.abbr ?? 'SNV') : 'UBND';
    const quality = Math.min(0.99, Math.max(0.45, r.normal(agency.group === 'department' ? 0.85 : 0.8, 0.09)));
    const day = String(r.int(1, 14)).padStart(2, '0');
    const a = demoAssessment({ template, agency, abbr, campaign: campaignId, year: YEAR, quality, rng: r, updatedAt: `${YEAR}-12-${day}T0${r.int(7, 9)}:${String(r.int(10, 59))}:00+07:00` });
    const { report } = scoreAssessment(compiled.get(template.id)!, a);
    for (const [code, entry] of Object.entries(a.items)) {
      const s = report.items[code];
      entry.selfScore = s && s.state !== 'notApplicable' ? s.score : null;
    }
    if (checklist && !exempt.has(agency.code)) {
      // A stream of its own, so the PAR figures do not move when the checklist is added.
      const ri = createRng(opts.seed, 1_000_000 + k);
      const iq = Math.min(0.99, Math.max(0.3, ri.normal(quality, 0.12)));
      const c = demoAssessment({ template: checklist, agency, abbr, campaign: campaignId, year: YEAR, quality: iq, rng: ri, updatedAt: a.updatedAt });
      const { report: ir } = scoreAssessment(compiled.get(checklist.id)!, c);
      for (const [code, entry] of Object.entries(c.items)) {
        const s = ir.items[code];
        entry.selfScore = s && s.state !== 'notApplicable' ? s.score : null;
      }
      a.additional = { [checklist.id]: { template: { id: checklist.id, version: checklist.version }, items: c.items } };
    }
    assessments.push(a);
  });
  const templates = [...new Map([...Object.values(opts.templates), ...(opts.extraTemplates ?? [])].map((t) => [`${t.id}@${t.version}`, t])).values()];
  return { campaign, templates, agencies, assessments, missing };
}
