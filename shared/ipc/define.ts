import type * as z from 'zod';

/** One channel of the contract: the zod schema main validates the input with, and the output's. */
export interface ChannelDef {
  input: z.ZodType;
  output: z.ZodType;
}

/** What crosses IPC: never a thrown error (Electron keeps only its message). */
export type IpcResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; issues?: string[] } };

/** 'assessment:setItemInput' → 'assessmentSetItemInput', the bridge's method for a channel. */
export type MethodName<C extends string> = C extends `${infer D}:${infer A}` ? `${D}${Capitalize<A>}` : never;

export function methodName<C extends string>(channel: C): MethodName<C> {
  const [domain, action = ''] = channel.split(':');
  return `${domain}${action.charAt(0).toUpperCase()}${action.slice(1)}` as MethodName<C>;
}
