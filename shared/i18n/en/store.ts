import type { store as vi } from '../vi/store.ts';

export const store: Record<keyof typeof vi, string> = {
};
