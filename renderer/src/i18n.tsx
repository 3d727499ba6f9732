import { createContext, useContext } from 'react';
import { type Lang, formatPoints, t } from '../../shared/i18n/index.ts';

export const LangContext = createContext<Lang>('vi');

export function useT() {
  const lang = useContext(LangContext);
  return {
    lang,
    t: (key: string, params?: Record<string, string | number>) => t(lang, key, params),
    points: (n: number) => formatPoints(lang, n),
  };
}
