import { QueryClient } from '@tanstack/react-query';
import type { IpcResult } from '../../../shared/ipc/index.ts';

/** An IPC call that answered with an error: its code and the message already in the user's language. */
export class IpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

/** What to show for a failed call: the back end's message (already in the user's language), or ours when it could not be reached. */
export function errorText(e: Error, t: (key: string) => string): string {
  return e instanceof IpcError && e.code === 'IPC_BACKEND_LOST' ? t('shell.backend_lost') : e.message;
}

/** The value of a Result, or an IpcError for TanStack Query to hold. */
export async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const r = await call;
  if (r.ok) return r.value;
  throw new IpcError(r.error.code, r.error.message, r.error.issues);
}

/**
 * One client for IPC, not HTTP: 'always' (an offline PC must not pause every query), no retries,
 * no refetch on focus, data fresh until a save invalidates it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}

/** Every mutation that writes the workspace carries this key: the status bar's save state reads it. */
export const SAVE_KEY = ['save'] as const;
