import * as z from 'zod';
import { AgencyGroup, Code } from '../schema/index.ts';
import { pickedFile } from './files.ts';
import { WorkspaceSummary } from './workspace.ts';

/** The largest campaign file the window takes (a campaign package: the package reader's own limit is larger). */
export const MAX_CAMPAIGN_FILE_BYTES = 64 * 1024 * 1024;

/** A folder typed or picked for a new workspace or to open. */
const FolderPath = z.string().trim().min(1).max(4096);

/** The campaign file, picked or dropped (its bytes, or in the desktop app its path): shared/ipc/files.ts. */
export const CampaignFileInput = pickedFile(MAX_CAMPAIGN_FILE_BYTES);

/** What the window knows before a workspace is open: whether one is, and the defaults of the first-run forms. */
export const StartState = z.strictObject({
  hasWorkspace: z.boolean(),
  /** Electron: folders come from the native dialog; the browser mode types a path. */
  canPickFolder: z.boolean(),
  /** A sensible parent for new workspaces (a "ParScore" folder in the user's home). */
  defaultParent: z.string(),
  /** Path separator of the machine the files are on ("/" or "\\"). */
  sep: z.string(),
});
export type StartState = z.infer<typeof StartState>;

/** What a campaign file holds, for the officer to check before joining. */
export const CampaignFileInfo = z.strictObject({
  title: z.string(),
  year: z.number().int(),
  /** e.g. "UBND TỈNH MINH SƠN — SỞ NỘI VỤ". */
  province: z.string(),
  /** Home Affairs' key fingerprint, to compare by phone (64 hex digits). */
  fingerprint: z.string(),
  agencies: z.array(z.strictObject({ code: Code, name: z.string(), group: AgencyGroup })),
});
export type CampaignFileInfo = z.infer<typeof CampaignFileInfo>;

/** Channels of the first-run screen: create, join, open a folder (workspace:open), the demo, and closing. */
export const startChannels = {
  'start:state': { input: z.strictObject({}), output: StartState },
  /** Electron's folder dialog; `{ path: null }` when cancelled. */
  'start:pickFolder': { input: z.strictObject({}), output: z.strictObject({ path: z.string().nullable() }) },
  'start:createHomeAffairs': { input: z.strictObject({ path: FolderPath, name: z.string().trim().min(1).max(200) }), output: WorkspaceSummary },
  /** Reads a campaign file without writing anything. */
  'start:inspectCampaign': { input: z.strictObject({ file: CampaignFileInput }), output: CampaignFileInfo },
  'start:joinCampaign': { input: z.strictObject({ file: CampaignFileInput, agency: Code, path: FolderPath }), output: WorkspaceSummary },
  /** Creates (if missing) and opens the demo workspace in the user-data folder. */
  'start:openDemo': { input: z.strictObject({}), output: WorkspaceSummary },
  /** File › Close workspace: back to the first-run screen. */
  'start:close': { input: z.strictObject({}), output: StartState },
} as const;
