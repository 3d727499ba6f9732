import { existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { CampaignFileInfo } from '../../../shared/ipc/start.ts';
import { type Issue, IssueError, issue } from '../../../shared/util/issue.ts';
import { initAgencyWorkspace, openCampaignPackage } from '../cycle/campaign.ts';
import { writeDemoWorkspace } from '../demo/write.ts';
import { WorkspaceStore } from '../store/workspace.ts';

/*
 * What the first-run screen does, on the same service functions as the CLI: `campaign create` is
 * more than an empty Home Affairs workspace (issue 14), `agency init`, `demo`.
 */

/** Where new workspaces go unless the user says otherwise: "ParScore" in the home folder. */
export function defaultParent(home = homedir()): string {
  return join(home, 'ParScore');
}

/**
 * A folder for a new workspace: an absolute path whose parent exists (a typo in a parent folder
 * must not silently create a tree), and not already a workspace. The store checks emptiness.
 */
export function checkNewFolder(path: string): string {
  if (!isAbsolute(path)) throw new IssueError(issue('start.folder_not_absolute', undefined, { dir: path }));
  const abs = resolve(path);
  const parent = dirname(abs);
  // The proposed place ("ParScore" in the home folder) is made on first use.
  if (parent === defaultParent()) mkdirSync(parent, { recursive: true });
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new IssueError(issue('start.parent_missing', undefined, { dir: abs, parent }));
  if (existsSync(join(abs, 'workspace.json'))) throw new IssueError(issue('store.already_workspace', undefined, { dir: abs }));
  return abs;
}

/** An empty Home Affairs workspace (no campaign yet: the overview says what to do next). */
export async function createHomeAffairsWorkspace(path: string, name: string): Promise<WorkspaceStore> {
  return WorkspaceStore.create(checkNewFolder(path), { name: name.trim(), role: 'home-affairs' });
}

function unwrapIssues<T>(r: { ok: true; value: T } | { ok: false; error: Issue[] }): T {
  if (!r.ok) throw new IssueError(r.error);
  return r.value;
}

/** What a campaign file holds (checked like `agency init` does), writing nothing. */
export async function inspectCampaignFile(bytes: Uint8Array, file: string, lang: 'vi' | 'en' = 'vi'): Promise<CampaignFileInfo> {
  const { campaign, signer } = unwrapIssues(await openCampaignPackage(bytes, file));
  const { parentBody, body } = campaign.issuer;
  return {
    title: lang === 'en' && campaign.title.en ? campaign.title.en : campaign.title.vi,
    year: campaign.year,
    province: `${parentBody} — ${body}`,
    fingerprint: signer.fingerprint,
    agencies: campaign.agencies.map((a) => ({ code: a.code, name: a.name, group: a.group })),
  };
}

/** The agency's own workspace from the campaign file (`parscore agency init`), opened. */
export async function joinCampaign(path: string, bytes: Uint8Array, file: string, agency: string): Promise<WorkspaceStore> {
  return unwrapIssues(await initAgencyWorkspace(checkNewFolder(path), bytes, file, { agency }));
}

/** The demo workspace in the user-data folder: made once (150 agencies, seed 2024), then reopened. */
export async function openDemoWorkspace(userData: string, onProgress?: (phase: 'writing' | 'opening') => void): Promise<WorkspaceStore> {
  const dir = join(userData, 'demo-workspace');
  if (!existsSync(join(dir, 'workspace.json'))) {
    onProgress?.('writing');
    await writeDemoWorkspace(dir, { agencies: 150, seed: 2024 });
  }
  onProgress?.('opening');
  return WorkspaceStore.open(dir);
}

/**
 * The workspace a start opens: the one named (errors thrown: the user asked for it), else the most
 * recent one if it is still there and can be opened, else none (the first-run screen).
 */
export async function startupWorkspace(named: string | undefined, recent: readonly { path: string }[]): Promise<WorkspaceStore | null> {
  if (named) return WorkspaceStore.open(named);
  const last = recent[0];
  if (!last || !existsSync(join(last.path, 'workspace.json'))) return null;
  // Locked elsewhere or damaged: the first-run screen lists it, and opening it from there says why.
  return WorkspaceStore.open(last.path).catch(() => null);
}
