import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Where the run leaves a screenshot of every screen, in each language, for people to look at. */
export const SCREENS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');
mkdirSync(SCREENS, { recursive: true });

/** The browser mode's origin (the IPC calls a spec makes itself must name it, like the page's). */
export const ORIGIN = `http://127.0.0.1:${process.env.PARSCORE_E2E_PORT ?? 4178}`;

/** Opens the browser mode as its user does: the printed address with this run's secret, then the cookie. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`/?k=${process.env.PARSCORE_E2E_SECRET}${hash ? `#${hash}` : ''}`);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
}

/** Puts the saved language back (tests that switch language must not leak it into the next). */
export async function resetLanguage(page: Page, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  const r = await page.request.post('/ipc/settings:setLang', { data: { lang }, headers: { origin: ORIGIN } });
  expect((await r.json()).ok).toBe(true);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: false });
}

/**
 * axe-core (WCAG 2 A and AA) on what is on screen: no serious or critical violation. Each
 * exclusion would be listed here with its reason; there is none.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

const ARTIFACTS = join(import.meta.dirname, '..', '.artifacts');
/** The workspace the server starts on (a fresh Home Affairs demo, see playwright.config.ts). */
export const HOME_WORKSPACE = join(ARTIFACTS, 'e2e-workspace');

/** Runs the CLI as a user would (arranging a story's data, or reading what the window stored); fails the test with its output. Returns what it printed. */
export function parscore(...args: string[]): string {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'parscore.mjs'), ...args], { encoding: 'utf8' });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/**
 * A fresh demo cycle's agency workspace (Sở Tư pháp, S03): where the officer enters the self
 * inputs, which a Home Affairs workspace never takes. Returns its folder.
 */
export function freshAgencyWorkspace(): string {
  const root = join(ARTIFACTS, 'e2e-agency-cycle');
  rmSync(root, { recursive: true, force: true });
  parscore('demo', join(root, 'so-noi-vu'), '--agencies', '12', '--seed', '2024', '--submissions', join(root, 'out'));
  return join(root, 'out', 'agencies', 'S03');
}

/** Switches the server to another workspace (the page shows it after a reload). */
export async function openWorkspace(page: Page, path: string): Promise<void> {
  const r = await page.request.post('/ipc/workspace:open', { data: { path }, headers: { origin: ORIGIN } });
  expect((await r.json()).ok).toBe(true);
}

/**
 * Runs the stories of the enclosing describe in a fresh agency workspace (see freshAgencyWorkspace),
 * in Vietnamese, the page reloaded onto it; afterwards the server is back on the e2e workspace, in
 * Vietnamese, whatever the story did.
 */
export function useAgencyWorkspace(): void {
  let agency = '';
  test.beforeAll(() => {
    agency = freshAgencyWorkspace();
  });
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await resetLanguage(page, 'vi');
    await openWorkspace(page, agency);
    await page.reload();
  });
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'vi');
    await openWorkspace(page, HOME_WORKSPACE);
  });
}
