import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

// The renderer is React (JSX through Vite's built-in transform); served from app:// in Electron,
// so asset paths are relative. The bundle is split so the first screen loads fast: React, antd
// (with its rc-components and icons) and, once used, ECharts each in their own chunk, cached
// across releases of our code; each screen is its own lazily loaded chunk (app/Shell.tsx).
export default defineConfig({
  root,
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // antd's files start with "use client" (for React Server Components): meaningless here.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        codeSplitting: {
          groups: [
            // A group takes its modules' dependencies along: React first, or antd's chunk would swallow react-dom.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 25 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
