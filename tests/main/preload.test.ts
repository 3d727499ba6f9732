/** The preload with Electron faked: exactly one method per channel, one listener per event and the dropped file's path, nothing else. */
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  exposed: {} as Record<string, unknown>,
  invoked: [] as [string, unknown][],
  listeners: new Map<string, ((e: unknown, p: unknown) => void)[]>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void (fake.exposed[name] = api) },
  webUtils: { getPathForFile: (f: { fakePath: string }) => f.fakePath },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => (fake.invoked.push([channel, input]), Promise.resolve({ ok: true, value: null })),
    on: (event: string, l: (e: unknown, p: unknown) => void) => void fake.listeners.set(event, [...(fake.listeners.get(event) ?? []), l]),
    removeListener: (event: string, l: (e: unknown, p: unknown) => void) => void fake.listeners.set(event, (fake.listeners.get(event) ?? []).filter((x) => x !== l)),
  },
}));

describe('the preload', () => {
  it('exposes window.parscore only: a method per channel that invokes just that channel, a listener per event that never hands over the IPC event', async () => {
    await import('../../electron/preload/index.ts');
    expect(Object.keys(fake.exposed)).toEqual(['parscore']);
    const api = fake.exposed.parscore as Record<string, (x: unknown) => unknown>;
    expect(Object.keys(api).sort()).toEqual([
      'adjustmentsList',
      'adjustmentsSet',
      'appInfo',
      'appraisalExplain',
      'appraisalGet',
      'appraisalImport',
      'assessmentContinueLate',
      'assessmentGet',
      'assessmentSetItemInput',
      'auditExport',
      'auditList',
      'awardsExportList',
      'awardsOverride',
      'awardsPreviewRules',
      'awardsRemoveOverride',
      'awardsRules',
      'awardsSetRules',
      'awardsView',
      'campaignAgenciesForm',
      'campaignCreate',
      'campaignExport',
      'campaignExportTemplate',
      'campaignImportTemplate',
      'campaignReadAgencies',
      'campaignSetAgencies',
      'campaignSetBasics',
      'campaignSetDeadlines',
      'campaignSetIssuer',
      'campaignSetRules',
      'campaignSetTemplates',
      'campaignState',
      'campaignTemplateTree',
      'entryAddEvidence',
      'entryEditEvidence',
      'entryRemoveEvidence',
      'entrySetExplanation',
      'figuresList',
      'figuresSet',
      'inboxCancel',
      'inboxDiscard',
      'inboxImport',
      'inboxStage',
      'nominationsAdd',
      'nominationsEdit',
      'nominationsList',
      'nominationsRemove',
      'onJobProgress',
      'onMenuCommand',
      'pathForFile',
      'reportDownload',
      'reportOpenFolder',
      'reportOptions',
      'reportSelfAssessment',
      'reportWrite',
      'resultsAgency',
      'resultsConsolidate',
      'resultsGet',
      'resultsLoadEarlier',
      'reviewEvidence',
      'reviewExport',
      'reviewExportAll',
      'reviewGet',
      'reviewSetAdjustment',
      'reviewSetFalsified',
      'reviewSetScore',
      'reviewSetStatus',
      'settingsGet',
      'settingsSetLang',
      'startClose',
      'startCreateHomeAffairs',
      'startInspectCampaign',
      'startJoinCampaign',
      'startOpenDemo',
      'startPickFolder',
      'startState',
      'submissionCheck',
      'submissionExport',
      'surveyForm',
      'surveyPreview',
      'surveyScores',
      'surveyStore',
      'workspaceOpen',
      'workspaceSummary',
    ]);
    // The dropped file's path comes from webUtils, locally: nothing is invoked.
    expect(api.pathForFile!({ fakePath: '/home/cb/QĐ-12.pdf' })).toBe('/home/cb/QĐ-12.pdf');
    await api.assessmentGet!({ agency: 'S01' });
    expect(fake.invoked).toEqual([['assessment:get', { agency: 'S01' }]]);

    const got: unknown[][] = [];
    const off = api.onJobProgress!((...args: unknown[]) => void got.push(args)) as () => void;
    const sender = { sender: 'the webContents' };
    for (const l of fake.listeners.get('job:progress')!) l(sender, { jobId: 'j', phase: 'p', done: 1, total: 2 });
    expect(got).toEqual([[{ jobId: 'j', phase: 'p', done: 1, total: 2 }]]);
    off();
    expect(fake.listeners.get('job:progress')).toEqual([]);
  });
});
