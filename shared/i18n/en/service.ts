import type { service as vi } from '../vi/service.ts';

export const service: Record<keyof typeof vi, string> = {
  'service.no_campaign': 'The workspace has no campaign yet. Create one with: parscore campaign create',
  'service.no_identity': "The workspace has no Home Affairs signing key yet. Create it with: parscore campaign create",
  'service.not_home_affairs': 'This can only be done in the Department of Home Affairs workspace.',
  'service.results_invalid': 'The consolidated results do not match the published schema ({detail}).',
  'service.history_invalid': "The previous year's results file is not valid.",
  'service.file.scoreboard': 'Consolidated scoreboard',
  'service.file.ranking': 'Ranking by group',
  'service.file.areas': 'Analysis by area',
  'service.file.iso': 'ISO 9001 application summary',
  'service.file.indicators': 'Headline administrative reform figures',
  'service.file.commendation': 'Commendation candidates',
  'service.file.comparison': 'Comparison across years',
  'service.file.everything': 'All scoring data',
  'service.file.agencies_dir': 'Agency self-assessment reports',
  'service.campaign.signer_title': "DIRECTOR",
  'service.campaign.title': "{year} PAR Index of {province} province",
  'service.campaign.parent_body': "{province} PROVINCIAL PEOPLE'S COMMITTEE",
  'service.campaign.body': "DEPARTMENT OF HOME AFFAIRS",
  'service.campaign.workspace_name': "Department of Home Affairs of {province}",
  'service.campaign.agency_head': "Head of agency",
};
