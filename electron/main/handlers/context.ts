import type { Channel, ChannelOutput, ChannelParsedInput, EventName, EventPayload } from '../../../shared/ipc/index.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import type { AppService } from '../../services/app-service.ts';
import type { SettingsStore } from '../../services/settings.ts';

/**
 * What the handlers reach: the open workspace's service, the user's settings, and a way to push
 * events to the window. The same object behind Electron's ipcMain and the browser mode's server.
 */
export interface AppContext {
  /** The open workspace's service; replaced when the user opens another (switch.ts). */
  service: AppService;
  settings: SettingsStore;
  version: string;
  mode: 'electron' | 'browser';
  /** Sends an event to the window (validated against its schema by the caller of `emit`). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Told when the user switches language (Electron rebuilds its native menu). */
  onLangChange?: (lang: Lang) => void;
  /**
   * Electron: asks where to save a file (the save dialog, `defaultName` proposed); returns the writer,
   * or null when the user cancelled. Absent in the browser mode (the window downloads the bytes).
   */
  saveFile?: (defaultName: string) => Promise<((bytes: Uint8Array) => Promise<string>) | null>;
  /** Told when another workspace was opened (Electron rebuilds the recent list of its menu). */
  onWorkspaceChange?: () => void;
  /** Whether a workspace is open; absent means one is (a context made around a service). See slot.ts. */
  readonly hasWorkspace?: boolean;
  /** Closes the open workspace and leaves none (the first-run screen). Absent where one is always open. */
  closeWorkspace?: () => Promise<void>;
  /** Electron: the native folder dialog; null when cancelled. Absent in the browser mode (a typed path). */
  pickFolder?: () => Promise<string | null>;
  /** The user-data folder: the demo workspace is made there. */
  userData?: string;
  /** Electron: opens a document with the system's program (a temporary copy, shell.openPath). Absent in the browser mode (the window downloads it). */
  openFile?: (fileName: string, bytes: Uint8Array) => Promise<void>;
  /** Electron: opens a folder in the system's file manager (shell.openPath; '' or the error's text). Absent in the browser mode. */
  openPath?: (path: string) => Promise<string>;
}

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>, ctx: AppContext) => Promise<ChannelOutput<C>>;
export type HandlersOf<C extends Channel> = { [K in C]: Handler<K> };
