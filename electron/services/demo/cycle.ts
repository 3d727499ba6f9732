import ExcelJS from 'exceljs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgencyGroup, Assessment, EvidenceRef, Template } from '../../../shared/schema/index.ts';
import { exportCampaignPackage, exportSubmission, initAgencyWorkspace, setNominations, setupHomeAffairs } from '../cycle/index.ts';
import { WorkspaceStore } from '../store/workspace.ts';
import { surveyContext } from '../survey/import.ts';
import { writeSurveyForm } from '../xlsx-import/survey.ts';
import { findBuiltin } from '../templates/builtin.ts';
import { groupSizes } from './agencies.ts';
import { generateDemo } from './generate.ts';
import { demoNominations } from './nominations.ts';
import { PROVINCE } from './province.ts';
import { createRng } from './rng.ts';

export interface DemoCycleSummary {
  dir: string;
  outDir: string;
  agencies: number;
  departments: number;
  districts: number;
  communes: number;
  files: string[];
  missing: number;
  surveyFile: string;
}

function builtin(id: string): Template {
  const t = findBuiltin(id);
  if (!t) throw new Error(`built-in template ${id} is missing`);
  return t;
}

/** A small text document standing in for each piece of evidence: its bytes are what gets hashed and signed. */
function evidenceText(ref: EvidenceRef, agencyName: string): Uint8Array {
  return new TextEncoder().encode(`${agencyName}\nSố: ${ref.docNo}\nNgày: ${ref.date ?? ''}\n${ref.title ?? ''}\n`);
}

const HEADS: Record<AgencyGroup, string> = { department: 'Giám đốc', district: 'Chủ tịch UBND', commune: 'Chủ tịch UBND' };

/**
 * The demo of the whole cycle: `dir` becomes the Home Affairs workspace (campaign set up, its key,
 * nothing imported), every demo agency gets its own workspace and key under `outDir/agencies/`,
 * and their signed submission files land in `outDir` — ready for `parscore import`.
 * Deadlines are set from today so that the demo files arrive on time; with `year`, the campaign is
 * that year's and keeps its own deadlines (15 December of that year for the self-assessments), so
 * that an earlier year can be run through (its files imported with the date they were received).
 */
export async function writeDemoCycle(dir: string, outDir: string, opts: { agencies: number; seed: number; today?: Date; year?: number }): Promise<DemoCycleSummary> {
  const templates: Record<AgencyGroup, Template> = { department: builtin('par-so'), district: builtin('par-huyen'), commune: builtin('par-xa') };
  const demo = generateDemo({ agencies: opts.agencies, seed: opts.seed, templates, extraTemplates: [builtin('iso-9001')], ...(opts.year ? { year: opts.year } : {}) });
  const day = (offset: number) => new Date((opts.today ?? new Date()).getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const campaign = opts.year ? demo.campaign : { ...demo.campaign, deadlines: { selfAssessment: day(14), appraisal1: day(28), explanation: day(42), appraisal2: day(56) } };
  const name = `Sở Nội vụ tỉnh ${PROVINCE.name}`;
  const ha = await WorkspaceStore.create(dir, { name, role: 'home-affairs', campaign, templates: demo.templates, agencies: demo.agencies.map((a) => ({ ...a, status: 'not_submitted', hasAssessment: false })) });
  let campaignFile: Uint8Array;
  try {
    const key = await setupHomeAffairs(ha, { name });
    if (!key.ok) throw new Error(key.error.map((i) => i.code).join(', '));
    campaignFile = await exportCampaignPackage(ha);
  } finally {
    await ha.close();
  }
  // The campaign file sits with the agency workspaces, so that outDir/*.parscore are submissions only.
  await mkdir(join(outDir, 'agencies'), { recursive: true });
  await writeFile(join(outDir, 'agencies', 'campaign.parscore'), campaignFile);
  const files: string[] = [];
  const byCode = new Map(demo.agencies.map((a, i) => [a.code, { agency: a, index: i }]));
  for (const assessment of demo.assessments) {
    const { agency, index } = byCode.get(assessment.agency)!;
    const rng = createRng(opts.seed, 100_000 + index);
    const init = await initAgencyWorkspace(join(outDir, 'agencies', agency.code), campaignFile, 'campaign.parscore', { agency: agency.code });
    if (!init.ok) throw new Error(init.error.map((i) => i.code).join(', '));
    const aws = init.value;
    try {
      // Every referenced document gets a small file of its own, for the ranked template and the checklists alike.
      const withFiles = async (from: Assessment['items']): Promise<Assessment['items']> => {
        const items: Assessment['items'] = {};
        for (const [code, entry] of Object.entries(from)) {
          const evidence: EvidenceRef[] = [];
          for (const ref of entry.evidence) {
            const stored = await aws.putEvidence(evidenceText(ref, agency.name));
            evidence.push({ ...ref, fileName: ref.fileName?.replace(/\.pdf$/, '.txt'), sha256: stored.sha256, size: stored.size });
          }
          items[code] = { ...entry, evidence };
        }
        return items;
      };
      const items = await withFiles(assessment.items);
      const additional: Assessment['additional'] = {};
      for (const [id, part] of Object.entries(assessment.additional)) additional[id] = { ...part, items: await withFiles(part.items) };
      await aws.writeAssessment({ ...assessment, campaign: campaign.id, items, additional });
      await setNominations(aws, demoNominations(agency, 0.6 + 0.4 * rng.float(), campaign.year, rng));
      const sub = await exportSubmission(aws, { signer: { name: `${HEADS[agency.group]} ${agency.name}`, position: HEADS[agency.group] } });
      const file = join(outDir, sub.fileName);
      await writeFile(file, sub.bytes);
      files.push(file);
    } finally {
      await aws.close();
    }
  }
  const surveyFile = join(outDir, 'agencies', 'dieu-tra-xa-hoi-hoc.xlsx');
  await writeFile(surveyFile, await demoSurvey(dir, opts.seed));
  return { dir, outDir, agencies: demo.agencies.length, ...groupSizes(opts.agencies), files, missing: demo.missing.length, surveyFile };
}

/**
 * Survey answers as the survey team would type them (answers layout, A/B/C/D): eight respondents
 * per agency and survey question, better agencies drawing better answers.
 */
async function demoSurvey(dir: string, seed: number): Promise<Buffer> {
  const ws = await WorkspaceStore.openReadOnly(dir);
  try {
    const ctx = surveyContext(ws);
    if (!ctx.ok) throw new Error(ctx.error.map((i) => i.code).join(', '));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeSurveyForm('answers', ctx.value, 'vi')) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    let row = 3;
    ctx.value.agencies.forEach((agency, k) => {
      const rng = createRng(seed, 200_000 + k);
      const q = 0.55 + 0.45 * rng.float();
      for (const item of ctx.value.surveyItems.get(agency.group) ?? []) {
        for (let r = 1; r <= 8; r++) {
          const x = rng.float();
          const answer = x < q * 0.8 ? 'A' : x < q * 0.8 + 0.25 ? 'B' : x < 0.97 ? 'C' : 'D';
          sheet.getRow(row).values = [row - 2, `P${String(r).padStart(2, '0')}`, 'Người dân', agency.code, item.code, answer];
          row++;
        }
      }
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  } finally {
    await ws.close();
  }
}
