import type { scoring as vi } from '../vi/scoring.ts';

export const scoring: Record<keyof typeof vi, string> = {
};
