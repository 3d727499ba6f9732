import type { cli as vi } from '../vi/cli.ts';

export const cli: Record<keyof typeof vi, string> = {
};
