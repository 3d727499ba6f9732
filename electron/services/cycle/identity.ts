import type { PublicKeyInfo } from '../../../shared/schema/index.ts';
import { IssueError, type Result } from '../../../shared/util/issue.ts';
import { unsafeTextIssue } from '../../../shared/util/text-safety.ts';
import { type Identity, generateIdentity, loadIdentity, publicInfo, saveIdentity } from '../packages/keys.ts';
import type { WorkspaceStore } from '../store/workspace.ts';
import { attempt, refuse, requireCampaign, requireRole, sameKey } from './common.ts';

/**
 * Gives a Home Affairs workspace its signing identity and puts the public key into the campaign
 * (`campaign.homeAffairs`), which agencies pin when they import the campaign file. Run it once the
 * campaign is set, before the campaign file goes out.
 *
 * Idempotent: a workspace that already has its key keeps it (a new key would orphan every agency
 * that pinned the old one); the campaign is stamped again if it lost the key (e.g. replaced by
 * `setCampaign`). Refused: not a Home Affairs workspace, no campaign, a campaign that already
 * names another Home Affairs key (`cycle.campaign_key_differs`), an index naming a key whose private
 * half is missing (`cycle.identity_key_missing`).
 */
export async function setupHomeAffairs(ws: WorkspaceStore, opts: { name: string }): Promise<Result<PublicKeyInfo>> {
  return attempt(async () => {
    requireRole(ws, 'home-affairs');
    const campaign = requireCampaign(ws);
    const name = opts.name.trim();
    if (!name) refuse('cycle.identity_name_required');
    const unsafe = unsafeTextIssue(name, { field: 'name' });
    if (unsafe) throw new IssueError(unsafe);
    let id: Identity | null = await loadIdentity(ws.dir);
    const indexed = ws.index.identity;
    if (id && indexed && !sameKey(indexed, publicInfo(id))) {
      refuse('cycle.identity_mismatch', { file: 'keys/identity.key' }, { expected: indexed.fingerprint, actual: id.fingerprint });
    }
    if (!id && indexed) refuse('cycle.identity_key_missing', { file: 'keys/identity.key' });
    if (!id) {
      id = generateIdentity(name);
      await saveIdentity(ws.dir, id);
    }
    const info = publicInfo(id);
    if (campaign.homeAffairs && !sameKey(campaign.homeAffairs, info)) {
      refuse('cycle.campaign_key_differs', { file: 'campaign.json' }, { expected: campaign.homeAffairs.fingerprint, actual: info.fingerprint });
    }
    if (!indexed) await ws.updateIndex((d) => ({ ...d, identity: info }));
    if (!campaign.homeAffairs) await ws.setCampaign({ ...campaign, homeAffairs: info });
    return info;
  });
}

/** The public part of a workspace's identity, or null before it has one. */
export function workspaceIdentity(ws: WorkspaceStore): PublicKeyInfo | null {
  return ws.index.identity ? { ...ws.index.identity } : null;
}
