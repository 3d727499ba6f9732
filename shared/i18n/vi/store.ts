/** Messages of the store domain (keys start with "store."). */
export const store = {
} as const;
