import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import * as z from 'zod';
import { isLang } from '../../shared/i18n/index.ts';
import { App } from './App.tsx';
import { LangContext } from './i18n.tsx';
import './styles.css';

// zod 4 probes `new Function` for its JIT; the CSP forbids it, so say so up front.
z.config({ jitless: true });

const params = new URLSearchParams(window.location.search);
const lang = isLang(params.get('lang')) ? (params.get('lang') as 'vi' | 'en') : 'vi';
document.documentElement.lang = lang;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangContext.Provider value={lang}>
      <App />
    </LangContext.Provider>
  </StrictMode>,
);
