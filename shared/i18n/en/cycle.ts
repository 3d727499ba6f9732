import type { cycle as vi } from '../vi/cycle.ts';

export const cycle: Record<keyof typeof vi, string> = {
  // workspace and identity
  'cycle.no_campaign': 'The workspace has no campaign yet.',
  'cycle.not_agency_workspace': 'This can only be done in an agency workspace.',
  'cycle.not_home_affairs_workspace': 'This can only be done in the Department of Home Affairs workspace.',
  'cycle.no_identity': 'The workspace has no signing key yet; set one up before sending or receiving files.',
  'cycle.identity_key_missing': 'The workspace’s private key was not found, so files cannot be signed. Restore the keys folder from a backup.',
  'cycle.identity_mismatch': 'The private key in the keys folder (fingerprint {actual}) is not the key the workspace registered ({expected}).',
  'cycle.identity_name_required': 'Enter the name of the signer (e.g. “Department of Home Affairs of … province”).',
  'cycle.campaign_without_key': 'The campaign has no Home Affairs public key yet; Home Affairs must set up its key before sending the campaign file.',
  'cycle.campaign_key_differs': 'The campaign names {expected} as Home Affairs’ key, which differs from this workspace’s key ({actual}).',
  'cycle.campaign_without_templates': 'The campaign assigns no criteria template to any agency group.',
  'cycle.campaign_signer_mismatch':
    'The campaign file is signed with the key {actual}, not with the Home Affairs key the campaign names ({expected}); the file may be forged.',
  'cycle.template_missing': 'The criteria template {id} version {version} that the campaign assigns is missing.',
  'cycle.no_template_for_group': 'The campaign assigns no criteria template to this agency’s group.',
  'cycle.unknown_agency': 'The agency “{agency}” is not in the campaign’s list of agencies.',
  'cycle.bad_time': 'The time “{value}” is invalid (an ISO date-time with an offset is expected, e.g. 2025-01-15T08:00:00+07:00).',

  // evidence and submission (agency side)
  'cycle.evidence_unreadable': 'The evidence file could not be read ({detail}).',
  'cycle.evidence_missing_local': 'The evidence “{fileName}” is referenced but its file is not in the workspace; attach the file again.',
  'cycle.no_assessment': 'The agency has no self-assessment yet.',
  'cycle.cycle_closed': 'Home Affairs has sent the final appraisal, so no further submission can be sent.',

  // submission content
  'cycle.evidence_missing': 'The submission lacks the evidence file “{fileName}” although its list of evidence names it.',
  'cycle.evidence_hash_mismatch': 'The content of the evidence file “{fileName}” does not match its declared hash ({sha256}); the file may have been altered.',
  'cycle.evidence_size_mismatch': 'The size of the evidence file “{fileName}” does not match: {expected} bytes declared, {actual} bytes found.',
  'cycle.evidence_listed_twice': 'The evidence file “{fileName}” is listed twice.',
  'cycle.evidence_unlisted': 'The file {path} is in the submission but not in its list of evidence.',
  'cycle.evidence_not_included': 'The evidence “{fileName}” is referenced by hash, but its file was not included.',
  'cycle.assessment_agency_mismatch': 'The self-assessment belongs to the agency {actual}, not to the submitting agency {expected}.',
  'cycle.other_campaign_uid':
    'A file of another campaign: it belongs to the campaign “{actual}” with the identifier {actualUid}, not to the current campaign “{expected}” (identifier {expectedUid}), even if id, year and title may be the same. Check that the file is of this province and this campaign.',
  'cycle.other_home_affairs_key':
    'A file of another campaign: it was made for the Home Affairs key {actual}, not for the key {expected} of the current campaign.',
  'cycle.other_campaign': 'The file belongs to the campaign “{actual}”, not to the current campaign “{expected}”.',
  'cycle.template_mismatch': 'The file uses the criteria template {actual}, but the campaign assigns {expected} to this agency’s group.',
  'cycle.survey_item_input': 'This item is scored by the sociological survey; agencies do not score it themselves.',
  'cycle.self_score_above_max': 'The self score {score} exceeds the item’s maximum of {max}.',
  'cycle.explanation_unknown_item': 'An explanation is given for item {item}, which the criteria template does not have.',
  'cycle.duplicate_nomination': 'The nomination id “{id}” is used twice.',

  // import at Home Affairs
  'cycle.key_mismatch':
    'Key change: the file is signed with the key {actual}, not with the key recorded at the agency’s first submission ({expected}). If the agency changed computers or keys, confirm the new key’s fingerprint with the agency directly before accepting the new key.',
  'cycle.key_of_other_agency': 'The file is signed with the key recorded for the agency {other}, not with the submitting agency’s key.',
  'cycle.replayed_revision': 'This is revision {revision}, older than revision {stored} already received; an older file never replaces a newer one.',
  'cycle.revision_conflict': 'A different file with revision {revision} was already received; one revision cannot have two contents.',
  'cycle.duplicate': 'This file (revision {revision}) was received before; ignored, nothing changed.',
  'cycle.duplicate_in_batch': 'This file is the same as {other} in this import; ignored.',
  'cycle.batch_duplicate_agency':
    'This import already holds {other} (revision {otherRevision}) from this agency; revision {revision} is not newer, so it was not taken.',
  'cycle.agency_locked': 'The results of agency {agency} are locked; nothing can change any more.',
  'cycle.round1_closed': 'Home Affairs has started appraising, so no further round-1 self-assessment is taken; the agency sends its explanations after receiving the round-1 appraisal.',
  'cycle.round2_not_open': 'The agency’s round-1 appraisal is not done yet, so explanations (round 2) are not taken yet.',
  'cycle.round2_closed': 'Round 2 has been appraised, so no further explanations are taken.',
  'cycle.import_write_failed': 'The data of this file could not be written; every change it made was undone.',
  'cycle.import_read_failed': 'The file could not be read (moved, deleted or not readable); nothing of it was imported.',

  // appraisal at Home Affairs
  'cycle.not_submitted': 'The agency {agency} has not submitted its self-assessment.',
  'cycle.round_closed': 'Round 2 has been appraised; to change a score, reopen round 2 (with a reason).',
  'cycle.wrong_round': 'This score belongs to appraisal round {round}, but the agency is in round {expected}.',
  'cycle.unknown_item': 'The criteria template has no item {item}.',
  'cycle.not_a_leaf': 'Item {item} groups other items; its score is the sum of theirs.',
  'cycle.survey_item': 'Item {item} is scored by the sociological survey, not appraised directly.',
  'cycle.invalid_score': 'The appraised score “{score}” is invalid (a non-negative number is expected).',
  'cycle.score_above_max': 'The appraised score {score} exceeds the item’s maximum of {max}.',
  'cycle.adjustment_above_cap': 'The total of {total} points exceeds this block’s cap of {cap}.',
  'cycle.explained_by_import': 'The status “Explained” is reached only by importing the agency’s explanations (round 2).',
  'cycle.bad_transition':
    'The status cannot change to this one from the current status. The order is: not submitted → submitted → appraising → appraised (round 1) → explained → appraised (round 2) → locked.',
  'cycle.reason_required': 'A reason is required for this change.',
  'cycle.appraisal_not_ready': 'The appraisal file can be exported only once round 1 or round 2 has been appraised.',
  'cycle.no_appraisal': 'The agency has no appraisal yet.',

  // appraisal at the agency
  'cycle.not_signed_by_home_affairs':
    'The appraisal file is signed with the key {actual}, not with the Home Affairs key recorded with the campaign ({expected}); the file may be forged.',
  'cycle.other_agency': 'The file is for the agency {actual}, not for {expected}.',
  'cycle.appraisal_file_status':
    'The appraisal file gives the status “{status}”; an appraisal file can only be appraised (round 1), appraised (round 2) or locked. The file was not exported by Home Affairs from ParScore.',
  'cycle.appraisal_file_round': 'The appraisal file has the status “{status}” but gives round {round} (round {expected} expected); the file was not exported by Home Affairs from ParScore.',
  'cycle.appraisal_item_round': 'The appraised score gives round {round}, after round {fileRound} of the appraisal file; the file was not exported by Home Affairs from ParScore.',
  'cycle.appraisal_older': 'This appraisal file ({received}) is older than the appraisal already received ({held}); it does not replace it.',
  'cycle.no_appraisal_received': 'No appraisal has been received from Home Affairs yet, so there is nothing to explain.',
  'cycle.explanations_closed': 'The explanation round is over; explanations can no longer be changed.',
  'cycle.received_format': 'The received date “{value}” is not written yyyy-mm-dd (e.g. 2015-12-10); no file was imported.',
  'cycle.received_not_a_day': 'There is no such day as {value}; check the received date. No file was imported.',
  'cycle.received_future': 'The received date {value} has not come yet (today is {today}); no file was imported.',
  // additional templates (ISO 9001 checklist)
  'cycle.nothing_entered': 'The agency has not entered any item score yet, so there is nothing to send; enter scores with `parscore item set` or the Excel self-assessment workbook, then export again.',
  'cycle.not_additional_template': 'The criteria template {template} is not an additional template of this agency’s group (the group’s additional templates: {assigned}).',
  'cycle.template_exempted': 'The agency {agency} is marked as not applying the criteria template {template}.',
  'cycle.additional_not_assigned': 'The file has a self-assessment against the criteria template {template}, but the campaign does not assign it to the agency’s group (the group’s additional templates: {assigned}).',
  'cycle.additional_exempted': 'The file has a self-assessment against the criteria template {template}, but the agency {agency} is marked as not applying it.',
  'cycle.additional_version_mismatch': 'The part for the criteria template {template} uses version {actual}, but the campaign uses {expected}.',
  'cycle.unknown_item_in': 'The criteria template {template} has no item {item}.',
  'cycle.no_additional_assessment': 'The agency {agency} has not sent a self-assessment against the criteria template {template}, so it cannot be appraised.',
  'cycle.appraisal_additional_not_applied': 'The appraisal file has a part for the criteria template {template}, which the agency does not apply in this campaign.',
};
