import { hash } from 'node:crypto';
import type { Agency, AgencyGroup, Campaign, PublicKeyInfo, Round, Submission, Template } from '../../../shared/schema/index.ts';
import { type CompiledTemplate, compileTemplate } from '../../../shared/template/compile.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import type { OpenedPackage, PackageLimits } from '../packages/container.ts';
import { NOMINATIONS_KIND } from '../store/cycle-docs.ts';
import { sha256Hex } from '../store/evidence.ts';
import { type PreparedDocument, prepareParsedAssessment, prepareParsedNominations, withSummary } from '../store/prepared.ts';
import { summarize, templateKeyOf } from '../store/summaries.ts';
import { implausibleDate } from '../../../shared/schema/plausible-dates.ts';
import { bindingProblems, isExempt } from './common.ts';
import { checkSubmissionContent, isEmptyExemptedPart, openSubmission } from './submission.ts';

/**
 * What checking a submission file needs besides the file, and nothing of the workspace's state:
 * the same on any thread. Templates are resolved beforehand, per group (a group whose template
 * cannot be used carries the issues that say why).
 */
export interface InspectContext {
  campaign: Campaign;
  /** Receipt time, stamped on the nominations stored. */
  now: string;
  limits: Partial<PackageLimits>;
  templates: Partial<Record<AgencyGroup, { template: Template } | { issues: Issue[] }>>;
  /**
   * Each group's additional templates (the ISO 9001 checklist), by template id; one that cannot be
   * used is left out (a submission using it is refused with `cycle.template_missing`). Absent: the
   * campaign has none.
   */
  additional?: Partial<Record<AgencyGroup, Record<string, Template>>>;
}

/** A file refused for what it is on its own: container, document, campaign, agency, content. */
export interface InspectRejected {
  ok: false;
  sha256: string;
  agency: string | null;
  revision: number | null;
  reasons: Issue[];
}

/**
 * A file whose container and document are sound, of this campaign and one of its agencies. Its
 * content issues are kept apart: the workspace's checks (keys, revisions, status) come first.
 */
export interface InspectPassed {
  ok: true;
  sha256: string;
  /** The agency's code as the campaign spells it. */
  agency: string;
  revision: number;
  round: Round;
  signer: PublicKeyInfo;
  /** What the signature vouches for (signer and manifest): equal digests, same signed content. */
  digest: string;
  content: Issue[];
  /** What the file stores (when its content passed). */
  assessment: PreparedDocument | null;
  nominations: PreparedDocument | null;
  /** Round 2: the explanations, for the appraisal. */
  explanations: Submission['explanations'];
  /** Round 2: the explanations of additional templates' items, by template id. */
  additionalExplanations: Submission['additionalExplanations'];
  /**
   * Additional templates the agency applies (assigned to its group, not exempted) with nothing
   * entered in the file: no part, or no item with an input ("chưa tự đánh giá ISO"). Accepted.
   */
  additionalMissing: string[];
}

export type Inspected = InspectRejected | InspectPassed;

const compiled = new WeakMap<Template, CompiledTemplate>();
const agencyMaps = new WeakMap<Campaign, Map<string, Agency>>();

/** The campaign's agencies by NFC code (built once per campaign object). */
function agenciesOf(campaign: Campaign): Map<string, Agency> {
  let m = agencyMaps.get(campaign);
  if (!m) {
    m = new Map(campaign.agencies.map((a) => [a.code.normalize('NFC'), a]));
    agencyMaps.set(campaign, m);
  }
  return m;
}

/** A template compiled once per thread (the objects a worker's context holds live as long as the pool). */
export function compiledOf(t: Template): CompiledTemplate {
  let ct = compiled.get(t);
  if (!ct) {
    ct = compileTemplate(t);
    compiled.set(t, ct);
  }
  return ct;
}

/**
 * Every check of a submission file that needs no workspace: the container (signature, hashes,
 * zip safety), the document, the evidence files, the campaign, the agency, and the content
 * against the agency's template; and the documents to store, validated and serialized.
 */
export async function inspectSubmission(bytes: Uint8Array, file: string, ctx: InspectContext): Promise<Inspected> {
  const opened = await openSubmission(bytes, file, { limits: ctx.limits });
  // The package reader hashed the file already; a file it refused is hashed here.
  const sha256 = opened.ok ? opened.value.opened.sha256 : sha256Hex(bytes);
  const reject = (reasons: Issue[], s?: Submission): InspectRejected => ({ ok: false, sha256, agency: s?.agency ?? null, revision: s?.revision ?? null, reasons });
  if (!opened.ok) return reject(opened.error);
  const { submission: s, opened: pkg } = opened.value;
  const at = { file, agency: s.agency };
  const { campaign } = ctx;
  // Another campaign's file (same id, year and title in another province, or signed for another Home
  // Affairs key) is refused here, at first contact, before any key is pinned.
  const binding = bindingProblems(pkg.manifest.campaign, campaign, at);
  if (binding.length > 0) return reject(binding, s);
  if (s.campaign !== campaign.id) return reject([issue('cycle.other_campaign', { ...at, field: 'campaign' }, { expected: campaign.id, actual: s.campaign })], s);
  const code = s.agency.normalize('NFC');
  const agency = agenciesOf(campaign).get(code);
  if (!agency) return reject([issue('cycle.unknown_agency', { ...at, field: 'agency' }, { agency: s.agency })], s);

  const passed = (content: Issue[], docs: { assessment: PreparedDocument; nominations: PreparedDocument } | null): InspectPassed => ({
    ok: true,
    sha256,
    agency: agency.code,
    revision: s.revision,
    round: s.round,
    signer: { ...pkg.signer },
    digest: contentDigest(pkg),
    content,
    assessment: docs?.assessment ?? null,
    nominations: docs?.nominations ?? null,
    explanations: s.round === 2 ? s.explanations : {},
    additionalExplanations: s.round === 2 ? s.additionalExplanations : {},
    additionalMissing: (campaign.additionalTemplates[agency.group] ?? [])
      .filter((r) => !isExempt(campaign, agency.code, r.id))
      .filter((r) => !Object.values(s.assessment.additional[r.id]?.items ?? {}).some((e) => e.input !== undefined))
      .map((r) => r.id),
  });
  const resolved = ctx.templates[agency.group];
  if (!resolved) return passed([issue('cycle.template_missing', { ...at, template: agency.group }, { id: agency.group, version: 0 })], null);
  if ('issues' in resolved) return passed(resolved.issues.map((i) => ({ ...i, at: { ...i.at, ...at } })), null);
  const additional = new Map<string, CompiledTemplate>();
  for (const [id, t] of Object.entries(ctx.additional?.[agency.group] ?? {})) if (!isExempt(campaign, agency.code, id)) additional.set(id, compiledOf(t));
  const content = checkSubmissionContent(s, { campaign, agency, ct: compiledOf(resolved.template), additional }, { file });
  const made = implausibleDate(pkg.manifest.createdAt, { ...at, field: 'manifest.createdAt' });
  if (made) content.unshift(made);
  if (content.length > 0) return passed(content, null);
  try {
    // The submission was parsed by the store's schemas: its documents are not parsed again.
    const set = { agency: agency.code, campaign: campaign.id, revision: s.revision };
    const stored = withoutEmptyExempted(s.assessment, campaign, agency);
    const prepared = prepareParsedAssessment(stored, set, `assessments/${agency.code}.json`);
    // The overview's totals are scored here, on the worker, not by the writer (summaries.ts).
    const key = templateKeyOf(stored.template);
    const summary = key === templateKeyOf(resolved.template) ? { template: key, score: summarize(compiledOf(resolved.template), { ...stored, ...set }) } : null;
    return passed([], {
      assessment: summary ? withSummary(prepared, summary) : prepared,
      nominations: prepareParsedNominations(
        { kind: NOMINATIONS_KIND, schemaVersion: 1, agency: agency.code, campaign: campaign.id, nominations: s.nominations, updatedAt: ctx.now },
        `nominations/${agency.code}.json`,
      ),
    });
  } catch (e) {
    if (e instanceof IssueError) return passed(e.issues, null);
    throw e;
  }
}

/**
 * What the signature vouches for: the signer and the manifest (every entry's path, size and hash).
 * Two files with the same digest carry the same signed content (with exchange format 2 the
 * signature covers every byte, so they differ at most in the signature itself).
 */
export function contentDigest(pkg: OpenedPackage): string {
  return hash('sha256', JSON.stringify({ signer: pkg.signer.fingerprint, manifest: pkg.manifest }), 'hex');
}

/** The assessment to store: empty parts of templates the agency is exempted from left out (the same object when there are none). */
function withoutEmptyExempted(a: Submission['assessment'], campaign: Campaign, agency: Agency): Submission['assessment'] {
  const drop = Object.entries(a.additional).filter(([id, part]) => isEmptyExemptedPart(campaign, agency, id, part));
  if (drop.length === 0) return a;
  const additional = { ...a.additional };
  for (const [id] of drop) delete additional[id];
  return { ...a, additional };
}
