import type { template as vi } from '../vi/template.ts';

export const template: Record<keyof typeof vi, string> = {
};
