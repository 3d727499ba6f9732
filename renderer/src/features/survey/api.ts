import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PickedFile } from '../../../../shared/ipc/index.ts';
import { api } from '../../app/bridge.ts';
import { unwrap } from '../../app/query.ts';
import { download } from '../send/api.ts';

export const surveyKeys = { all: ['survey'] as const, scores: (agency?: string) => [...surveyKeys.all, 'scores', agency ?? '*'] as const };

/** The stored survey scores (every agency's, or one's): what the appraisal and results screens show. */
export const surveyScoresQuery = (agency?: string) => ({ queryKey: surveyKeys.scores(agency), queryFn: () => unwrap(api.surveyScores(agency === undefined ? {} : { agency })) });

export function useSurveyForm() {
  return useMutation({
    mutationFn: (mode: 'scores' | 'answers') => unwrap(api.surveyForm({ mode })),
    onSuccess: (r) => {
      if (r.base64) download(r.fileName, r.base64);
    },
  });
}

export function useSurveyPreview() {
  return useMutation({ mutationFn: (file: PickedFile) => unwrap(api.surveyPreview({ file })) });
}

export function useSurveyStore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: PickedFile) => unwrap(api.surveyStore({ file })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: surveyKeys.all });
      void qc.invalidateQueries({ queryKey: ['results'] }); // the stored results are now out of date
    },
  });
}
