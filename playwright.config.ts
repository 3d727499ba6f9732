import { defineConfig } from '@playwright/test';

// UI tests drive the real renderer in Debian's Chromium against the localhost bridge
// (scripts/web-bridge.ts), which serves a fresh demo workspace through the real services.
const port = 4178;
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  outputDir: 'test-results/playwright',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.PARSCORE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1360, height: 860 },
    locale: 'vi-VN',
  },
  webServer: {
    command: `node scripts/build.mjs && node --import tsx scripts/web-bridge.ts --workspace tests/.artifacts/e2e-workspace --fresh-demo 60 --port ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
