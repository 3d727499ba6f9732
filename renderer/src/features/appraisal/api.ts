import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PickedFile, ReceivedAppraisalView } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { SAVE_KEY, unwrap } from '../../app/query.ts';
import { assessmentKeys } from '../agency/api.ts';
import type { EvidenceDetails } from '../agency/api.ts';
import { workspaceKeys } from '../overview/api.ts';
import { download, sendKeys } from '../send/api.ts';

export const appraisalKeys = { all: ['appraisal'] as const, one: (agency: string) => [...appraisalKeys.all, agency] as const };

/** The appraisal received from Home Affairs (null before any), only asked in the agency's own workspace. */
export const appraisalQuery = (agency: string, enabled = true) => ({
  queryKey: appraisalKeys.one(agency),
  queryFn: () => unwrap(api.appraisalGet({ agency })),
  enabled,
});

type File64 = PickedFile;

/** After the appraisal changed: the view is the service's answer; the status, the read-only reason and the check before sending follow. */
function useAfter(agency: string) {
  const qc = useQueryClient();
  return (v: ReceivedAppraisalView) => {
    qc.setQueryData(appraisalKeys.one(agency), v);
    void qc.invalidateQueries({ queryKey: assessmentKeys.one(agency) });
    void qc.invalidateQueries({ queryKey: sendKeys.one(agency) });
    void qc.invalidateQueries({ queryKey: workspaceKeys.all });
  };
}

export function useImportAppraisal(agency: string) {
  const after = useAfter(agency);
  // Not a save of what the officer typed: a refused file does not turn the status bar's save state to "failed".
  return useMutation({ mutationFn: (file: File64) => unwrap(api.appraisalImport({ agency, file })), onSuccess: after });
}

export interface Explanation {
  item: string;
  text: string | null;
  /** 1-based positions of the documents kept. */
  keep: number[];
  add: { file: File64; details: EvidenceDetails }[];
}

/** Saves one item's explanation; in order with the agency's other saves. */
export function useExplain(agency: string) {
  const after = useAfter(agency);
  return useMutation({
    mutationKey: SAVE_KEY,
    scope: { id: `assessment:${agency}` },
    mutationFn: (e: Explanation) => unwrap(api.appraisalExplain({ agency, item: e.item, text: e.text, keep: e.keep, add: e.add })),
    onSuccess: after,
  });
}

/** The self-assessment report: Electron saves it through its dialog; the browser mode downloads the workbook. */
export function useSelfReport(agency: string) {
  return useMutation({
    mutationFn: () => unwrap(api.reportSelfAssessment({ agency })),
    onSuccess: (r) => {
      if (r.base64) download(r.fileName, r.base64);
    },
  });
}
