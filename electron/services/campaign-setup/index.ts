/** The campaign set-up of a Home Affairs workspace (the window's steps and `parscore campaign create`). */
export { DEFAULT_TEMPLATES, buildCampaign, builtinNamed, type BuildInput } from './build.ts';
export { CampaignSetupService, EXPORT_RECORD, sheetProblems, type SetupContext } from './service.ts';
