// The channel lists and the method-name rule only: the contract's zod schemas stay in main.
import { CHANNELS, EVENT_METHODS, EVENT_NAMES } from '../../../shared/ipc/channels.ts';
import { type IpcResult, methodName } from '../../../shared/ipc/define.ts';
import type { ParscoreApi, PreloadExtras } from '../../../shared/ipc/index.ts';
import { escapeUnsafeDeep } from '../../../shared/util/text-safety.ts';

declare global {
  interface Window {
    parscore?: ParscoreApi & PreloadExtras;
  }
}

type LostListener = (lost: boolean) => void;
const lostListeners = new Set<LostListener>();
/** Told when the browser mode's server stops answering (and when it answers again). */
export function onBackendLost(l: LostListener): () => void {
  lostListeners.add(l);
  return () => void lostListeners.delete(l);
}
function setLost(lost: boolean) {
  for (const l of lostListeners) l(lost);
}

/**
 * In the desktop app the preload provides window.parscore. In the browser mode the same channels
 * are served over HTTP by electron/web/server.ts (same handlers, same validation), and events
 * arrive on one EventSource.
 */
function httpBridge(): ParscoreApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[methodName(channel)] = async (input: unknown): Promise<IpcResult<unknown>> => {
      try {
        const res = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        if (!res.ok) throw new Error(String(res.status));
        setLost(false);
        return (await res.json()) as IpcResult<unknown>;
      } catch (e) {
        setLost(true);
        return { ok: false, error: { code: 'IPC_BACKEND_LOST', message: String(e) } };
      }
    };
  }
  let source: EventSource | null = null;
  for (const event of EVENT_NAMES) {
    api[EVENT_METHODS[event]] = (listener: (payload: unknown) => void) => {
      source ??= new EventSource('/events');
      const wrapped = (e: MessageEvent<string>) => listener(JSON.parse(e.data));
      source.addEventListener(event, wrapped);
      return () => source?.removeEventListener(event, wrapped);
    };
  }
  return api as ParscoreApi;
}

/**
 * Every answer and event the window shows goes through `escapeUnsafeDeep`: a bidi override or
 * control character planted in a workspace is shown as \u202E, never acted on (shared/util/text-safety.ts).
 */
function neutralised(raw: ParscoreApi): ParscoreApi {
  // By the channel list (a contextBridge object is looked up, not enumerated).
  const calls = raw as unknown as Record<string, (arg: unknown) => unknown>;
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const method = methodName(channel);
    api[method] = async (input: unknown) => escapeUnsafeDeep(await calls[method]!(input));
  }
  for (const event of EVENT_NAMES) {
    const method = EVENT_METHODS[event];
    api[method] = (listener: (payload: unknown) => void) => calls[method]!((payload: unknown) => listener(escapeUnsafeDeep(payload)));
  }
  return api as ParscoreApi;
}

export const isDesktop = typeof window.parscore !== 'undefined';
export const api: ParscoreApi = neutralised(window.parscore ?? httpBridge());
