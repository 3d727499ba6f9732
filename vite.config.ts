import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

// The renderer is plain React (JSX through Vite's built-in transform); served from app:// in
// Electron, so asset paths are relative.
export default defineConfig({
  root,
  base: './',
  build: { outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)), emptyOutDir: true, sourcemap: true },
  oxc: { jsx: { runtime: 'automatic' } },
});
