import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import type { AppSettings } from '../../../shared/ipc/index.ts';
import { type Lang, formatDate, formatPoints, t } from '../../../shared/i18n/index.ts';
import { api } from './bridge.ts';
import { unwrap } from './query.ts';

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}
const LangContext = createContext<LangState>({ lang: 'vi', setLang: () => {} });

export const settingsQuery = { queryKey: ['settings'] as const, queryFn: () => unwrap(api.settingsGet({})) };

/**
 * The window's language: the saved setting (settings.json in userData), so it survives a reload
 * and a restart. Switching saves it, then refetches everything: texts made in main (campaign
 * title, repair notices, errors) come back in the new language too.
 */
export function LangProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const qc = useQueryClient();
  const settings = useQuery(settingsQuery);
  const save = useMutation({
    mutationFn: (lang: Lang) => unwrap(api.settingsSetLang({ lang })),
    onSuccess: (next: AppSettings) => {
      qc.setQueryData(settingsQuery.queryKey, next);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'settings' });
    },
  });
  const lang = settings.data?.lang ?? 'vi';
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang: (l: Lang) => save.mutate(l) }), [lang, save]);
  if (settings.isPending) return fallback;
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

export function useT() {
  const { lang } = useContext(LangContext);
  return useMemo(
    () => ({
      lang,
      t: (key: string, params?: Record<string, string | number>) => t(lang, key, params),
      points: (n: number) => formatPoints(lang, n),
      /** An ISO date (yyyy-mm-dd) as dd/mm/yyyy. */
      date: (iso: string) => formatDate(lang, iso),
      /** A bilingual title ({vi, en?}) in the current language. */
      title: (x: { vi: string; en?: string | undefined }) => (lang === 'en' && x.en ? x.en : x.vi),
    }),
    [lang],
  );
}
