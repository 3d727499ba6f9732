import type { figure as vi } from '../vi/figure.ts';

/** Declared figures: checks at entry, export, import and consolidation. */
export const figure: Record<keyof typeof vi, string> = {
  'figure.unknown': 'Figure code {code} is not in the criteria template (value {value}).',
  'figure.not_boolean': 'Figure {code} “{titleEn}” takes only Yes or No; the value {value} is not valid.',
  'figure.not_number': 'Figure {code} “{titleEn}” must be a number; the value {value} is not valid.',
  'figure.not_count': 'Figure {code} “{titleEn}” must be a whole number, not negative; the value {value} is not valid.',
  'figure.not_text': 'Figure {code} “{titleEn}” must be text (at most 5,000 characters); the value {value} is not valid.',
  'figure.below_min': 'Figure {code} “{titleEn}” must not be below {min}; the value {value} is not valid.',
  'figure.above_max': 'Figure {code} “{titleEn}” must not be above {max}; the value {value} is not valid.',
};
