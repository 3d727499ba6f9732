/** Messages of the scoring domain (keys start with "scoring."). */
export const scoring = {
} as const;
