import type { template as vi } from '../vi/template.ts';

export const template: Record<keyof typeof vi, string> = {
  'template.duplicate_item_code': 'Item code {code} is used more than once: every item needs its own code.',
  'template.duplicate_indicator_code': 'Indicator code {code} is used more than once.',
  'template.duplicate_bonus_code': 'Bonus code {code} is used more than once.',
  'template.duplicate_penalty_code': 'Penalty code {code} is used more than once.',
  'template.duplicate_variable': 'Variable {name} is declared more than once in the formula.',
  'template.parent_not_found': 'Parent item {parent} does not exist in the template.',
  'template.parent_cycle': 'The parent links form a cycle: {cycle}.',
  'template.leaf_without_rule': 'An item without children needs a scoring rule.',
  'template.parent_with_rule': 'An item with children scores the sum of its children and must not have its own rule.',
  'template.children_exceed_max': 'The children’s maximum points add up to {sum}, more than the item’s maximum ({max}).',
  'template.roots_max_mismatch': 'The areas’ maximum points add up to {sum}, not to the template total ({maxPoints}).',
  'template.band_above_max': 'The band gives {points} points, more than the item’s maximum ({max}).',
  'template.bands_not_descending':
    'Bands must be listed from the highest threshold down, without repeats: {min}% must be below the band before it ({previous}%).',
  'template.step_above_max': 'The step {step} is larger than the item’s maximum ({max}).',
  'template.variable_min_above_max': 'Variable {name} has a minimum ({min}) above its maximum ({max}).',
  'template.survey_rule_not_survey': 'The SURVEY rule is only for items scored by the sociological survey (survey = true).',
  'template.survey_item_without_survey_rule': 'An item scored by the sociological survey must use the SURVEY rule (it uses {rule}).',
  'template.survey_parent_mixed': 'A survey item has a child {child} that is not scored by the survey.',
  'template.na_on_survey': 'A survey item cannot allow “not applicable”.',
  'template.indicator_aggregate_mismatch':
    'Aggregate {aggregate} does not fit an indicator of type {type} (SUM, AVERAGE and SHARED for numbers and counts, COUNT_YES for yes/no, NONE only for text).',
  'template.indicator_item_not_found': 'The indicator refers to item {item}, which the template does not have.',
  'template.indicator_range_not_number': 'Only number and count figures have a lowest and highest value; this figure is of type {type}.',
  'template.indicator_min_above_max': 'The lowest value ({min}) is above the highest ({max}).',
  'template.indicator_count_max_negative': 'A count is never negative, so its highest value cannot be {max}.',
  'template.indicator_template_without_item': 'The figure names template {itemTemplate} but no item of it.',
  'template.indicator_item_template_missing': 'The figure is tied to an item of template {itemTemplate}, which this group is not assessed against.',
  'template.indicator_item_not_found_in': 'The figure is tied to item {item} of template {itemTemplate}, which that template does not have.',
  'template.duplicate_applies_to': 'Agency group {group} is listed more than once.',
};
