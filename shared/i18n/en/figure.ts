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
  'figure.tie_yes_item_zero': 'Figure {code} “{titleEn}” is declared “Yes” but its item {item} scored 0/{max}: the two disagree.',
  'figure.tie_no_item_full': 'Figure {code} “{titleEn}” is declared “No” but its item {item} scored the full {score}/{max}: the two disagree.',
  'headline.duplicate_code': 'The campaign already has a headline with code {code}.',
  'headline.duplicate_part': 'Part {group}={indicator} is given twice.',
  'headline.group_without_template': 'The campaign has no template for group {group}, so figure {indicator} cannot be read.',
  'headline.indicator_not_found': 'Template {template} of group {group} has no figure {indicator}.',
  'headline.indicator_not_additive': 'Figure {indicator} of group {group} aggregates as {aggregate} and cannot be added (only sums, shared values and counts of yes).',
  'headline.invalid': 'The headline is not valid: {detail}.',
  'headline.not_found': 'The campaign has no headline with code {code}.',
  'results.figure_shared_differs': 'Figure {code} “{titleEn}” is one value for the whole group ({shared}); this agency declared {value}.',
  'results.figure_shared_tie': 'Figure {code} “{titleEn}”: several values were declared equally often; the smallest ({shared}) is taken as the group’s value.',
  'results.headline_no_figure': 'Headline {code} “{headlineEn}”: the {groupNameEn} have no figure {indicator}; that part is left empty.',
  'results.headline_not_additive': 'Headline {code} “{headlineEn}”: figure {indicator} of the {groupNameEn} is an average and cannot be added; that part is left empty.',
};
