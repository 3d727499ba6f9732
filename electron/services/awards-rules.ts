/**
 * The campaign's commendation rules as configuration: read them, replace them from a rules file
 * (JSON or the rules sheet, checked against the campaign: nothing changes unless the whole file is
 * valid), and preview what rules would select on the workspace's current data without saving
 * anything.
 */
import { newUnsafeTextIssues } from '../../shared/util/text-safety.ts';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type Preview, previewOf } from '../../shared/awards/preview.ts';
import { type RulesContext, checkRules, jsonLocator } from '../../shared/awards/rules.ts';
import type { Results } from '../../shared/results/index.ts';
import type { AwardOverride, Campaign, CommendationRules } from '../../shared/schema/index.ts';
import { type Issue, IssueError, type Result, fail, issue, ok } from '../../shared/util/issue.ts';
import { consolidate, readOverrides } from './consolidate.ts';
import { technicianLog } from './diagnostics.ts';
import { requireCampaign, requireRole } from './cycle/common.ts';
import type { WorkspaceStore } from './store/workspace.ts';
import { readRulesXlsx } from './xlsx-import/award-rules.ts';
import { parseStrictJson } from '../../shared/util/strict-json.ts';

/** What rules are checked against: the campaign's band codes. */
export function rulesContext(campaign: Campaign): RulesContext {
  return { bands: campaign.bands.map((b) => b.code) };
}

/** The rules of the workspace's campaign (throws an IssueError without a campaign). */
export function campaignRules(ws: WorkspaceStore): { campaign: Campaign; rules: CommendationRules } {
  const campaign = requireCampaign(ws);
  return { campaign, rules: campaign.commendation };
}

/**
 * Reads and checks a rules file: `.json` (as `award rules --json` prints it) or `.xlsx` (as
 * `award rules-form` writes it). Problems name the file, the rule, the field (and the sheet, row
 * and column of a sheet).
 */
export async function readRulesFile(path: string, campaign: Campaign): Promise<Result<CommendationRules>> {
  const file = basename(path);
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx') return fail([issue('awards.rules.file_type', { file })]);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return fail([issue('awards.rules.unreadable', { file }, { detail: (e as NodeJS.ErrnoException).code ?? String(e) })]);
  }
  const ctx = rulesContext(campaign);
  if (ext === '.xlsx') return readRulesXlsx(bytes, file, ctx);
  const json = parseStrictJson(bytes.toString('utf8'), file);
  if (!json.ok) {
    for (const i of json.error) if (i.code === 'doc.not_json') technicianLog('JSON.parse', file, i.params?.detail);
    return fail(json.error.map((i) => (i.code === 'doc.not_json' ? issue('awards.rules.bad_json', { file }, i.params) : i)));
  }
  const doc = json.value;
  return checkRules(doc, ctx, jsonLocator(doc, file));
}

/** The council's decisions that name a rule the given rules do not have (they would no longer apply). */
export async function overridesWithoutRule(ws: WorkspaceStore, rules: CommendationRules): Promise<AwardOverride[]> {
  const ids = new Set([...rules.collectives, ...rules.individuals].map((r) => r.id));
  return (await readOverrides(ws)).filter((o) => !ids.has(o.rule));
}

/**
 * Replaces the campaign's commendation rules (Home Affairs only), through the store: one durable
 * write of campaign.json, whose earlier versions the store keeps as backups.
 */
export async function setRules(ws: WorkspaceStore, rules: CommendationRules): Promise<Campaign> {
  requireRole(ws, 'home-affairs');
  const campaign = requireCampaign(ws);
  const unsafe = newUnsafeTextIssues(campaign.commendation, rules, { file: 'campaign.json' }, 'commendation');
  if (unsafe.length > 0) throw new IssueError(unsafe);
  return ws.setCampaign({ ...campaign, commendation: rules });
}

/**
 * What `rules` (default: the campaign's) select on the current data: the workspace consolidated in
 * memory as `consolidate` and `report` do, with these rules instead of the campaign's. Nothing is
 * written.
 */
export async function previewRules(ws: WorkspaceStore, opts: { rules?: CommendationRules; history?: Results[]; now?: string } = {}): Promise<Result<{ preview: Preview; issues: Issue[] }>> {
  const campaign = ws.campaign();
  if (!campaign) return fail([issue('service.no_campaign', { file: 'campaign.json' })]);
  const rules = opts.rules ?? campaign.commendation;
  const r = await consolidate(ws, { commendation: rules, history: opts.history ?? [], ...(opts.now ? { now: opts.now } : {}) });
  if (!r.ok) return r;
  // Of the problems consolidation notes, those about commendation (council decisions matching nothing …).
  return ok({ preview: previewOf(rules, r.value.commendation), issues: r.value.issues.filter((i) => i.code.startsWith('awards.')) });
}
