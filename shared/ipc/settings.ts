import * as z from 'zod';

export const Lang = z.enum(['vi', 'en']);

/** A workspace opened before, newest first in the settings file. */
export const RecentWorkspace = z.strictObject({
  path: z.string().min(1).max(4096),
  name: z.string().max(500),
  openedAt: z.iso.datetime(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

/** The app's settings file (`<userData>/settings.json`): one per user, not per workspace. */
export const AppSettings = z.strictObject({
  version: z.literal(1),
  lang: Lang,
  recent: z.array(RecentWorkspace).max(20),
});
export type AppSettings = z.infer<typeof AppSettings>;

export const AppInfo = z.strictObject({
  name: z.literal('ParScore'),
  version: z.string(),
  /** 'electron': the desktop window (native menu); 'browser': the browser mode (menu drawn in the page). */
  mode: z.enum(['electron', 'browser']),
  workspacePath: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Channels of the application itself: its settings (language, recent workspaces) and its identity. */
export const settingsChannels = {
  'settings:get': { input: z.strictObject({}), output: AppSettings },
  'settings:setLang': { input: z.strictObject({ lang: Lang }), output: AppSettings },
  'app:info': { input: z.strictObject({}), output: AppInfo },
} as const;
