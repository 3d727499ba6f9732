import { _electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Electron's binary is downloaded from outside the package registries, so it is absent in this
// CI; where it exists (a developer's machine), this launches the real app on a fresh workspace.
const require = createRequire(import.meta.url);
/** The installed Electron binary, found without `require('electron')` (which would try to download it). */
function electronBinary(): string | null {
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(override ?? join(pkgDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}
const binary = electronBinary();

test('the desktop app starts, shows the workspace and exposes only the parscore bridge', async () => {
  test.skip(!binary, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): desktop smoke test not run here');
  const userData = mkdtempSync(join(tmpdir(), 'parscore-electron-'));
  const app = await _electron.launch({
    executablePath: binary!,
    args: [join(import.meta.dirname, '..', '..'), '--workspace', join(import.meta.dirname, '..', '.artifacts', 'e2e-workspace')],
    env: { ...process.env, PARSCORE_USER_DATA: userData },
  });
  const page = await app.firstWindow();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  // One method per channel of shared/ipc and one listener per event, nothing else.
  expect(await page.evaluate(() => Object.keys((window as unknown as { parscore: object }).parscore).sort())).toEqual([
    'appInfo',
    'assessmentGet',
    'assessmentSetItemInput',
    'onJobProgress',
    'onMenuCommand',
    'settingsGet',
    'settingsSetLang',
    'workspaceOpen',
    'workspaceSummary',
  ]);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  await app.close();
});
