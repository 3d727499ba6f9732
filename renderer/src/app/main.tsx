import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import '../styles.css';

// No zod here: the first screen validates nothing itself (main does). A screen that validates a
// form imports zod through ui/zod.ts, which turns off zod's JIT (`new Function`, refused by the CSP).

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
