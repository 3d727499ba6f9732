/** Messages of the template domain (keys start with "template."). */
export const template = {
} as const;
