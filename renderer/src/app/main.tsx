import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import * as z from 'zod';
import { App } from './App.tsx';
import '../styles.css';

// zod 4 probes `new Function` for its JIT; the CSP forbids it, so say so up front.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
