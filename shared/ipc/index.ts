import type * as z from 'zod';
import { assessmentChannels } from './assessment.ts';
import { entryChannels } from './entry.ts';
import type { CHANNELS } from './channels.ts';
import type { ChannelDef, IpcResult, MethodName } from './define.ts';
import type { EVENT_METHODS } from './channels.ts';
import type { EventName, EventPayload } from './events.ts';
import { settingsChannels } from './settings.ts';
import { submissionChannels } from './submission.ts';
import { workspaceChannels } from './workspace.ts';
import { appraisalChannels } from './appraisal.ts';
import { reportChannels } from './report.ts';
import { startChannels } from './start.ts';
import { declaredChannels } from './declared.ts';
import { nominationsChannels } from './nominations.ts';
import { reviewChannels } from './review.ts';
import { awardsChannels } from './awards.ts';
import { auditChannels } from './audit.ts';
import { surveyChannels } from './survey.ts';
import { resultsChannels } from './results.ts';
import { campaignChannels } from './campaign.ts';
import { inboxChannels } from './inbox.ts';

export * from './assessment.ts';
export * from './define.ts';
export * from './entry.ts';
export * from './files.ts';
export { JobProgress, MenuCommandEvent, events } from './events.ts';
export type { EventName, EventPayload } from './events.ts';
export * from './settings.ts';
export * from './submission.ts';
export * from './workspace.ts';
export * from './appraisal.ts';
export * from './report.ts';
export * from './start.ts';
export * from './declared.ts';
export * from './nominations.ts';
export * from './review.ts';
export * from './awards.ts';
export * from './audit.ts';
export * from './survey.ts';
export * from './results.ts';
export * from './campaign.ts';
export * from './inbox.ts';
export { CHANNELS, EVENT_METHODS, EVENT_NAMES } from './channels.ts';

/**
 * Every channel of the window, one domain file each (`shared/ipc/<domain>.ts`, channels
 * `domain:action`). Main validates every input with these schemas (electron/main/handlers); the
 * preload exposes exactly one method per channel and one listener per event, nothing else.
 */
export const contract = { ...workspaceChannels, ...assessmentChannels, ...entryChannels, ...settingsChannels, ...submissionChannels, ...appraisalChannels, ...reportChannels, ...startChannels, ...declaredChannels, ...nominationsChannels, ...reviewChannels, ...awardsChannels, ...auditChannels, ...surveyChannels, ...resultsChannels, ...campaignChannels, ...inboxChannels } as const satisfies Record<(typeof CHANNELS)[number], ChannelDef>;

export type Channel = keyof typeof contract;
export type ChannelInput<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof contract)[C]['output']>;

export type ParscoreApi = {
  [C in Channel as MethodName<C>]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
} & {
  [E in EventName as (typeof EVENT_METHODS)[E]]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/**
 * What the desktop app's preload gives besides the channels: the path of a file the user dropped or
 * picked (`webUtils.getPathForFile`; an empty text for a file not on disk). Local, no IPC.
 */
export interface PreloadExtras {
  pathForFile(file: File): string;
}
