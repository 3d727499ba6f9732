import type { integrity as vi } from '../vi/integrity.ts';

/** Integrity of the agency's signed self-assessment and damaged files in the overview. */
export const integrity: Record<keyof typeof vi, string> = {
  'integrity.received_read_only':
    'The self-assessment received from agency {agency} is the agency’s signed submission; Home Affairs cannot change its self-assessment, only enter appraisal scores and comments.',
  'integrity.other_agency': 'This workspace belongs to agency {self}; the self-assessment of agency {agency} cannot be entered here.',
  'integrity.cycle_closed': 'Home Affairs has sent the final appraisal; the self-assessment is closed and can no longer be changed.',
  'integrity.past_deadline': 'The self-assessment deadline ({day}) has passed; the self-assessment is read-only. Contact Home Affairs if something must change.',
  'integrity.past_explanation_deadline': 'The explanation deadline ({day}) has passed; the self-assessment is read-only. Contact Home Affairs if something must change.',
  'integrity.read_only_title': 'Read-only',
  'integrity.damaged': 'Damaged file',
  'integrity.problem_action': 'Run “parscore workspace check” to see which file has a problem and what to do.',
  'integrity.damaged_action':
    'This agency’s self-assessment file cannot be read and has no good backup. Run “parscore workspace check” for details, then import the agency’s signed submission again (parscore import) or restore the workspace from a backup.',
};
