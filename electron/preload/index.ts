import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, EVENT_METHODS, EVENT_NAMES } from '../../shared/ipc/channels.ts';
import { methodName } from '../../shared/ipc/define.ts';
import type { ParscoreApi, PreloadExtras } from '../../shared/ipc/index.ts';

/**
 * One method per channel of shared/ipc (generated from its list of names), one listener per event,
 * and the path of a dropped or picked file (local, no IPC: sandboxed pages no longer see File.path);
 * nothing else: no ipcRenderer, no generic invoke. Main validates every payload again.
 */
const api: Record<string, unknown> = {};
for (const channel of CHANNELS) api[methodName(channel)] = (input: unknown) => ipcRenderer.invoke(channel, input);
for (const event of EVENT_NAMES) {
  // The page gets the payload only, never the IpcRendererEvent (it carries `sender`), and a remover.
  api[EVENT_METHODS[event]] = (listener: (payload: unknown) => void) => {
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  };
}

const extras: PreloadExtras = { pathForFile: (file) => webUtils.getPathForFile(file) };
api.pathForFile = extras.pathForFile;

contextBridge.exposeInMainWorld('parscore', api as unknown as ParscoreApi & PreloadExtras);
