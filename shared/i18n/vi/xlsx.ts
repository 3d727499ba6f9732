/** Messages of the xlsx domain (keys start with "xlsx."). */
export const xlsx = {
} as const;
