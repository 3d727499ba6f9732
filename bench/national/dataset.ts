// A deterministic national-scale dataset: a Home Affairs workspace whose campaign lists N communes
// on the commune template, and one signed submission file per commune (assessment with realistic
// Vietnamese text, declared figures, nominations, an evidence manifest with every evidence file
// embedded), written as the agencies' ParScore would write them.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agency, Assessment, Campaign, CampaignBinding, EvidenceRef, Submission, Template } from '../../shared/schema/index.ts';
import { SUBMISSION_KIND } from '../../shared/schema/index.ts';
import { scoreAssessment } from '../../shared/scoring/index.ts';
import { type CompiledTemplate, compileTemplate } from '../../shared/template/compile.ts';
import { campaignRuleDefaults } from '../../shared/campaign/defaults.ts';
import { PAYLOAD, evidenceEntry } from '../../electron/services/cycle/common.ts';
import { setupHomeAffairs } from '../../electron/services/cycle/identity.ts';
import { demoAssessment } from '../../electron/services/demo/assessment.ts';
import { demoNominations } from '../../electron/services/demo/nominations.ts';
import { communeKind } from '../../electron/services/demo/agencies.ts';
import { COMMUNE_NAMES, DISTRICTS } from '../../electron/services/demo/province.ts';
import { type Rng, createRng } from '../../electron/services/demo/rng.ts';
import { writePackage } from '../../electron/services/packages/container.ts';
import type { Identity } from '../../electron/services/packages/keys.ts';
import { WorkspaceStore } from '../../electron/services/store/workspace.ts';
import { findBuiltin } from '../../electron/services/templates/builtin.ts';

export const YEAR = 2026;
export const CAMPAIGN_ID = `cchc-${YEAR}-toan-quoc`;
/** Every submission arrives on this day (before the self-assessment deadline). */
export const RECEIVED_AT = `${YEAR}-12-10T09:00:00+07:00`;

export interface DatasetFile {
  path: string;
  /** Where the deflated payload (submission.json) lies in the file: what the floor inflates and parses. */
  payloadStart: number;
  payloadLength: number;
}

export interface Dataset {
  /** The Home Affairs workspace (campaign and key set up, nothing imported). */
  haDir: string;
  files: DatasetFile[];
  agencies: number;
  /** Total bytes of the submission files. */
  bytes: number;
  evidenceFiles: number;
}

export function communeTemplate(): Template {
  const t = findBuiltin('par-xa');
  if (!t) throw new Error('built-in template par-xa is missing');
  return t;
}

/** N communes with Vietnamese names, spread over the districts of the country (codes X00001 …). */
export function communes(n: number, seed: number): Agency[] {
  const rng = createRng(seed, 0);
  const width = Math.max(5, String(n).length);
  return Array.from({ length: n }, (_, k) => {
    const prefix = communeKind(rng.float());
    const stem = COMMUNE_NAMES[k % COMMUNE_NAMES.length]!;
    const district = DISTRICTS[Math.floor(k / COMMUNE_NAMES.length) % DISTRICTS.length]!.name;
    const round = Math.floor(k / (COMMUNE_NAMES.length * DISTRICTS.length));
    const name = `${prefix} ${stem}${round > 0 ? ` ${round + 1}` : ''} (${district})`;
    return { code: `X${String(k + 1).padStart(width, '0')}`, name, group: 'commune', parent: null };
  });
}

export function nationalCampaign(agencies: Agency[], template: Template): Campaign {
  return {
    kind: 'parscore.campaign',
    schemaVersion: 5,
    uid: `bench-${CAMPAIGN_ID}`,
    additionalTemplates: {}, exemptions: [], headlines: [],
    id: CAMPAIGN_ID,
    title: { vi: `Xác định Chỉ số cải cách hành chính cấp xã năm ${YEAR}`, en: `${YEAR} commune PAR Index` },
    year: YEAR,
    model: 'two-tier',
    templates: { commune: { id: template.id, version: template.version } },
    agencies,
    deadlines: { selfAssessment: `${YEAR}-12-15`, appraisal1: `${YEAR + 1}-01-05`, explanation: `${YEAR + 1}-01-10`, appraisal2: `${YEAR + 1}-01-20` },
    ...campaignRuleDefaults(),
    issuer: { parentBody: 'BỘ NỘI VỤ', body: 'VỤ CẢI CÁCH HÀNH CHÍNH', place: 'Hà Nội', signerTitle: 'VỤ TRƯỞNG', signerName: 'Nguyễn Văn Bình' },
  };
}

/** A fixed Ed25519 key per agency (RFC 8410 PKCS#8 around a seed derived from the dataset seed). */
function agencyIdentity(seed: number, agency: Agency): Identity {
  const secret = createHash('sha256').update(`parscore-bench/${seed}/${agency.code}`).digest();
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), secret]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return {
    name: `Chủ tịch UBND ${agency.name}`,
    publicKey: spki.toString('base64'),
    fingerprint: createHash('sha256').update(spki).digest('hex'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The stand-in for a scanned document: its heading as the commune's office would type it. */
function evidenceText(ref: EvidenceRef, agency: Agency): Uint8Array {
  return Buffer.from(
    [
      `ỦY BAN NHÂN DÂN ${agency.name.toUpperCase()}`,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc',
      `Số: ${ref.docNo}`,
      `Ngày ${ref.date ?? ''}`,
      (ref.title ?? '').toUpperCase(),
      'Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ Kế hoạch cải cách hành chính năm của Ủy ban nhân dân tỉnh;',
      'Xét đề nghị của công chức Văn phòng - Thống kê, Ủy ban nhân dân xã ban hành văn bản này để tổ chức thực hiện.',
      '',
    ].join('\n'),
    'utf8',
  );
}

/**
 * Agency k's self-assessment (its own random stream, so it does not depend on N), self scores
 * filled in as the agency's ParScore computes them; the same seed gives the same document.
 */
export function communeAssessment(seed: number, k: number, agency: Agency, template: Template, ct: CompiledTemplate): { assessment: Assessment; rng: Rng } {
  const rng = createRng(seed, k + 1);
  const quality = Math.min(0.99, Math.max(0.45, rng.normal(0.8, 0.09)));
  const updatedAt = `${YEAR}-12-0${rng.int(1, 9)}T0${rng.int(7, 9)}:${String(rng.int(10, 59))}:00+07:00`;
  const a: Assessment = demoAssessment({ template, agency, abbr: 'UBND', campaign: CAMPAIGN_ID, year: YEAR, quality, rng, updatedAt });
  const { report } = scoreAssessment(ct, a);
  for (const [code, entry] of Object.entries(a.items)) {
    const s = report.items[code];
    entry.selfScore = s && s.state !== 'notApplicable' ? s.score : null;
  }
  return { assessment: a, rng };
}

/** One agency's submission (revision 1, round 1) and the files it embeds. */
function agencySubmission(seed: number, k: number, agency: Agency, template: Template, ct: CompiledTemplate) {
  const { assessment: a, rng } = communeAssessment(seed, k, agency, template, ct);
  const updatedAt = a.updatedAt;
  const files = new Map<string, Uint8Array>();
  const evidence: Submission['evidence'] = [];
  for (const entry of Object.values(a.items)) {
    entry.evidence = entry.evidence.map((ref) => {
      const data = evidenceText(ref, agency);
      const sha256 = createHash('sha256').update(data).digest('hex');
      const fileName = (ref.fileName ?? ref.docNo).replace(/\.pdf$/, '.txt');
      if (!files.has(evidenceEntry(sha256))) {
        files.set(evidenceEntry(sha256), data);
        evidence.push({ sha256, fileName, size: data.byteLength });
      }
      return { ...ref, fileName, sha256, size: data.byteLength };
    });
  }
  const submission: Submission = {
    kind: SUBMISSION_KIND,
    schemaVersion: 2,
    additionalExplanations: {},
    campaign: CAMPAIGN_ID,
    agency: agency.code,
    revision: 1,
    round: 1,
    createdAt: updatedAt,
    signer: { name: `Chủ tịch UBND ${agency.name}`, position: 'Chủ tịch UBND' },
    assessment: { ...a, campaign: CAMPAIGN_ID, revision: 1 },
    nominations: demoNominations(agency, 0.6 + 0.4 * rng.float(), YEAR, rng),
    explanations: {},
    evidence,
  };
  return { submission, files: [...files].map(([path, data]) => ({ path, data })), createdAt: updatedAt };
}

/** Offset and length of an entry's data, read from its local header (the writer puts no extra field there). */
function entryData(zip: Buffer, name: string): { start: number; length: number } {
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const compressed = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const start = at + 30 + nameLength + extraLength;
    if (zip.toString('utf8', at + 30, at + 30 + nameLength) === name) return { start, length: compressed };
    at = start + compressed;
  }
  throw new Error(`${name} not found`);
}

/**
 * Builds the dataset under `root` (created): `root/ha` and `root/submissions/<code>-r1.parscore`.
 * The submission files are the same bytes for the same seed and size.
 */
export async function buildDataset(root: string, n: number, seed: number): Promise<Dataset> {
  const template = communeTemplate();
  const ct = compileTemplate(template);
  const agencies = communes(n, seed);
  const campaign = nationalCampaign(agencies, template);
  const haDir = join(root, 'ha');
  let binding: CampaignBinding | undefined;
  const ha = await WorkspaceStore.create(haDir, { name: 'Bộ Nội vụ — Vụ Cải cách hành chính', role: 'home-affairs', campaign, templates: [template] });
  try {
    const key = await setupHomeAffairs(ha, { name: 'Vụ Cải cách hành chính' });
    if (!key.ok) throw new Error(key.error.map((i) => i.code).join(', '));
    binding = { id: campaign.id, uid: campaign.uid, homeAffairs: key.value.fingerprint };
  } finally {
    await ha.close();
  }
  if (!binding) throw new Error('the Home Affairs key was not set up');
  const campaignOfFiles: CampaignBinding = binding;
  const outDir = join(root, 'submissions');
  mkdirSync(outDir, { recursive: true });
  const files: DatasetFile[] = [];
  let bytes = 0;
  let evidenceFiles = 0;
  for (const [k, agency] of agencies.entries()) {
    const { submission, files: embedded, createdAt } = agencySubmission(seed, k, agency, template, ct);
    const zip = Buffer.from(
      await writePackage({ kind: SUBMISSION_KIND, payload: { path: PAYLOAD.submission, json: submission }, files: embedded, identity: agencyIdentity(seed, agency), campaign: campaignOfFiles, createdAt }),
    );
    const path = join(outDir, `${agency.code}-r1.parscore`);
    writeFileSync(path, zip);
    const payload = entryData(zip, PAYLOAD.submission);
    files.push({ path, payloadStart: payload.start, payloadLength: payload.length });
    bytes += zip.byteLength;
    evidenceFiles += embedded.length;
  }
  return { haDir, files, agencies: n, bytes, evidenceFiles };
}
