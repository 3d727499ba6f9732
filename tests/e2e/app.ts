import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the run leaves a screenshot of every screen, in each language, for people to look at. */
export const SCREENS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');
mkdirSync(SCREENS, { recursive: true });

/** Opens the browser mode as its user does: the printed address with this run's secret, then the cookie. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await page.goto(`/?k=${process.env.PARSCORE_E2E_SECRET}${hash ? `#${hash}` : ''}`);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
}

/** Puts the saved language back (tests that switch language must not leak it into the next). */
export async function resetLanguage(page: Page, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  const r = await page.request.post('/ipc/settings:setLang', { data: { lang }, headers: { origin: 'http://127.0.0.1:4178' } });
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
