/**
 * The names of every channel and event, without their schemas: what the sandboxed preload needs
 * (it bundles no zod). tests/main/ipc-contract.test.ts checks this list equals the contract's.
 */
export const CHANNELS = ['workspace:summary', 'workspace:open', 'assessment:get', 'assessment:setItemInput', 'assessment:continueLate', 'entry:addEvidence', 'entry:editEvidence', 'entry:removeEvidence', 'entry:setExplanation', 'settings:get', 'settings:setLang', 'app:info', 'submission:check', 'submission:export', 'appraisal:get', 'appraisal:import', 'appraisal:explain', 'report:selfAssessment', 'start:state', 'start:pickFolder', 'start:createHomeAffairs', 'start:inspectCampaign', 'start:joinCampaign', 'start:openDemo', 'start:close', 'figures:list', 'figures:set', 'adjustments:list', 'adjustments:set', 'nominations:list', 'nominations:add', 'nominations:edit', 'nominations:remove', 'inbox:stage', 'inbox:discard', 'inbox:import', 'inbox:cancel'] as const;
export const EVENT_NAMES = ['job:progress', 'menu:command'] as const;

/** The preload's listener method for each event: 'job:progress' → 'onJobProgress'. */
export const EVENT_METHODS = { 'job:progress': 'onJobProgress', 'menu:command': 'onMenuCommand' } as const satisfies Record<(typeof EVENT_NAMES)[number], string>;
