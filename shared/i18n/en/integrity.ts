import type { integrity as vi } from '../vi/integrity.ts';

/** Integrity of the agency's signed self-assessment and damaged files in the overview. */
export const integrity: Record<keyof typeof vi, string> = {
  'integrity.received_read_only':
    'The self-assessment received from agency {agency} is the agency’s signed submission; Home Affairs cannot change its self-assessment, only enter appraisal scores and comments.',
  'integrity.other_agency': 'This workspace belongs to agency {self}; the self-assessment of agency {agency} cannot be entered here.',
  'integrity.cycle_closed': 'Home Affairs has sent the final appraisal; the self-assessment is closed and can no longer be changed.',
  'integrity.past_deadline': 'The self-assessment deadline ({day}) has passed; the self-assessment is read-only.',
  'integrity.past_explanation_deadline': 'The explanation deadline ({day}) has passed; the self-assessment is read-only.',
  'integrity.read_only_title': 'Read-only',
  'integrity.damaged': 'Damaged file',
  'integrity.problem_action': 'Run “parscore workspace check” to see which file has a problem and what to do.',
  'integrity.damaged_action':
    'This agency’s self-assessment file cannot be read and has no good backup. Run “parscore workspace check” for details, then import the agency’s signed submission again (parscore import) or restore the workspace from a backup.',
  'integrity.late_rank_flagged': 'A submission sent after the deadline is still ranked, marked as late.',
  'integrity.late_not_ranked': 'A submission sent after the deadline is not ranked (the campaign’s rule).',
  'integrity.late_penalty': 'A submission sent after the deadline loses {points} points in the ranking.',
  'integrity.continue_late': 'Go on entering, to send late',
  'integrity.continue_late_confirm': 'The deadline has passed. {consequence} Go on entering and send late?',
  'integrity.continue_late_ok': 'Go on, send late',
  'integrity.continuing_late': 'Entering after the deadline: the submission will be sent late. {consequence}',
};
