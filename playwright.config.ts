import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';

// UI tests drive the real renderer in Debian's Chromium through the browser mode
// (scripts/web-bridge.ts), which serves a fresh demo workspace through the real services. The
// server wants this run's secret once (tests/e2e/app.ts opens the address with it); the settings
// file (language, recent workspaces) lives in a fresh userData folder.
// Another port with PARSCORE_E2E_PORT (two checkouts testing at once); the specs read it too (tests/e2e/app.ts ORIGIN).
const port = Number(process.env.PARSCORE_E2E_PORT ?? 4178);
process.env.PARSCORE_E2E_PORT ??= String(port);
// Evaluated again in each worker: the runner's value, inherited through the environment, wins.
process.env.PARSCORE_E2E_SECRET ??= randomBytes(24).toString('base64url');
const userData = 'tests/.artifacts/e2e-user-data';
if (process.env.TEST_WORKER_INDEX === undefined) rmSync(userData, { recursive: true, force: true });

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
    reducedMotion: 'reduce',
  },
  webServer: {
    // --secret=…: a random base64url secret may start with "-", which a separate argument would read as an option.
    command: `node scripts/build.mjs && node --import tsx scripts/web-bridge.ts --workspace tests/.artifacts/e2e-workspace --fresh-demo 60 --port ${port} --user-data ${userData} --secret=${process.env.PARSCORE_E2E_SECRET}`,
    // Answers 403 without the secret: Playwright counts that as up.
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
