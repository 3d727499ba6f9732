import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type AppSettings, AppSettings as AppSettingsSchema, type RecentWorkspace } from '../../shared/ipc/settings.ts';
import type { Lang } from '../../shared/i18n/index.ts';
import { parseStrictJson } from '../../shared/util/strict-json.ts';
import { technicianLog } from './diagnostics.ts';
import { writeFileDurable } from './store/durable-file.ts';

const DEFAULTS: AppSettings = { version: 1, lang: 'vi', recent: [] };
/** How many recent workspaces the File menu lists. */
export const MAX_RECENT = 8;

/**
 * The user's settings (`<userData>/settings.json`): language and recent workspaces. A missing or
 * damaged file means the defaults (logged for a technician), never a refusal to start: these are
 * preferences, not data.
 */
export class SettingsStore {
  private constructor(
    private readonly file: string,
    private value: AppSettings,
  ) {}

  static async open(userData: string): Promise<SettingsStore> {
    const file = join(userData, 'settings.json');
    let value = DEFAULTS;
    try {
      const parsed = parseStrictJson(await readFile(file, 'utf8'), 'settings.json');
      const checked = parsed.ok ? AppSettingsSchema.safeParse(parsed.value) : null;
      if (checked?.success) value = checked.data;
      else technicianLog('settings', file, parsed.ok ? checked?.error : parsed.error);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') technicianLog('settings', file, e);
    }
    return new SettingsStore(file, value);
  }

  get(): AppSettings {
    return this.value;
  }

  async setLang(lang: Lang): Promise<AppSettings> {
    if (this.value.lang === lang) return this.value;
    return this.save({ ...this.value, lang });
  }

  /** Puts a workspace first in the recent list (one entry per folder). */
  async addRecent(path: string, name: string, now = new Date()): Promise<AppSettings> {
    const abs = resolve(path);
    const entry: RecentWorkspace = { path: abs, name: name.slice(0, 500), openedAt: now.toISOString() };
    const recent = [entry, ...this.value.recent.filter((r) => r.path !== abs)].slice(0, MAX_RECENT);
    return this.save({ ...this.value, recent });
  }

  private async save(next: AppSettings): Promise<AppSettings> {
    await mkdir(join(this.file, '..'), { recursive: true });
    await writeFileDurable(this.file, `${JSON.stringify(next, null, 2)}\n`, { backups: 1, label: 'settings.json' });
    this.value = next;
    return next;
  }
}
