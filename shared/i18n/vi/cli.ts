/** Messages of the cli domain (keys start with "cli."). */
export const cli = {
} as const;
