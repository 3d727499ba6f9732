import type { xlsx as vi } from '../vi/xlsx.ts';

export const xlsx: Record<keyof typeof vi, string> = {
};
