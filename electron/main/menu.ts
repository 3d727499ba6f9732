import { MENU, type MenuCommand, type MenuRole } from '../../shared/app/menu.ts';
import type { RecentWorkspace } from '../../shared/ipc/settings.ts';
import { type Lang, t } from '../../shared/i18n/index.ts';

/** The shape of Electron's MenuItemConstructorOptions this file fills (kept narrow so tests need no Electron). */
export interface NativeMenuItem {
  label?: string;
  type?: 'separator' | 'submenu';
  role?: MenuRole;
  accelerator?: string;
  enabled?: boolean;
  submenu?: NativeMenuItem[];
  click?: () => void;
}

/**
 * The native menu, built from the shared definition and the catalogue: role items keep Electron's
 * behaviour under our labels; the other items send their command to the page (`menu:command`).
 */
export function nativeMenuTemplate(
  lang: Lang,
  recent: readonly RecentWorkspace[],
  current: string,
  send: (command: MenuCommand, path?: string) => void,
): NativeMenuItem[] {
  return MENU.map((group) => ({
    label: t(lang, group.label),
    submenu: group.items.map((it): NativeMenuItem => {
      if (it.kind === 'separator') return { type: 'separator' };
      if (it.kind === 'recent') {
        const items: NativeMenuItem[] = recent.length
          ? recent.map((r) => (r.path === current ? { label: `✓ ${r.name} — ${r.path}`, enabled: false } : { label: `${r.name} — ${r.path}`, click: () => send('file.openRecent', r.path) }))
          : [{ label: t(lang, 'shell.menu.recent_none'), enabled: false }];
        return { label: t(lang, it.label), submenu: items };
      }
      const item: NativeMenuItem = { label: t(lang, it.label) };
      if (it.accelerator) item.accelerator = it.accelerator;
      if (it.role) item.role = it.role;
      else item.click = () => send(it.command);
      return item;
    }),
  }));
}
