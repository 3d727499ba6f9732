import { contextBridge, ipcRenderer } from 'electron';
import type { ParscoreApi } from '../../shared/ipc/contract.ts';

/**
 * One method per channel of shared/ipc/contract.ts, nothing else: no ipcRenderer, no generic
 * invoke. Main validates every payload again; this file only names the channels.
 */
const api: ParscoreApi = {
  workspaceSummary: (input) => ipcRenderer.invoke('workspace:summary', input),
  assessmentGet: (input) => ipcRenderer.invoke('assessment:get', input),
  assessmentSetItemInput: (input) => ipcRenderer.invoke('assessment:setItemInput', input),
};

contextBridge.exposeInMainWorld('parscore', api);
