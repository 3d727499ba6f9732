import type { service as vi } from '../vi/service.ts';

export const service: Record<keyof typeof vi, string> = {
  'service.no_campaign': 'The workspace has no campaign yet. Create one with: parscore campaign create',
  'service.no_identity': "The workspace has no Home Affairs signing key yet. Create it with: parscore campaign create",
  'service.not_home_affairs': 'This can only be done in the Department of Home Affairs workspace.',
  'service.results_invalid': 'The consolidated results do not match the published schema ({detail}).',
  'service.history_invalid': "The previous year's results file is not valid.",
};
