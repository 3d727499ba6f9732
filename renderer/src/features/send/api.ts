import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/bridge.ts';
import { unwrap } from '../../app/query.ts';
import { assessmentKeys } from '../agency/api.ts';
import { workspaceKeys } from '../overview/api.ts';

export const sendKeys = { all: ['send'] as const, one: (agency: string) => [...sendKeys.all, agency] as const };

/** The check before sending: always asked afresh (answers change on the agency screen). */
export const sendCheckQuery = (agency: string) => ({ queryKey: sendKeys.one(agency), queryFn: () => unwrap(api.submissionCheck({ agency })), staleTime: 0 });

/** Browser mode: the signed file arrives as base64 and is downloaded under its default name. */
export function download(fileName: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useExportSubmission(agency: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (signer: { name: string; position: string }) => unwrap(api.submissionExport({ agency, signer })),
    onSuccess: (r) => {
      if (r.base64) download(r.fileName, r.base64);
      void qc.invalidateQueries({ queryKey: sendKeys.one(agency) });
      void qc.invalidateQueries({ queryKey: assessmentKeys.one(agency) });
      void qc.invalidateQueries({ queryKey: workspaceKeys.all });
      void qc.invalidateQueries({ queryKey: ['appraisal', agency] }); // round 2: the status becomes 'explained'
    },
  });
}
