import { Menu, type MenuProps } from 'antd';
import { MENU, type MenuCommand, acceleratorLabel } from '../../../shared/app/menu.ts';
import type { RecentWorkspace } from '../../../shared/ipc/index.ts';
import { pageMenuEntries } from './commands.ts';
import { useT } from './i18n.tsx';

type Item = Required<MenuProps>['items'][number];

/** The in-window menu bar of the browser mode (the desktop app has the native one, built from the same definition). */
export function MenuBar({
  recent,
  current,
  onCommand,
  onOpenRecent,
}: {
  recent: readonly RecentWorkspace[];
  current: string | undefined;
  onCommand: (c: MenuCommand) => void;
  onOpenRecent: (path: string) => void;
}) {
  const { t, lang } = useT();
  const items: Item[] = MENU.map((group) => ({
    key: group.id,
    label: t(group.label),
    children: pageMenuEntries(group).map((it, i): Item => {
      if (it.kind === 'separator') return { type: 'divider', key: `${group.id}-sep-${i}` };
      if (it.kind === 'recent') {
        return {
          key: 'recent',
          label: t(it.label),
          children: recent.length
            ? recent.map((r) => ({
                key: `recent:${r.path}`,
                label: (
                  <span className="recent-entry">
                    {r.path === current ? '✓ ' : ''}
                    {r.name} <span className="recent-path">{r.path}</span>
                  </span>
                ),
                disabled: r.path === current,
              }))
            : [{ key: 'recent:none', label: t('shell.menu.recent_none'), disabled: true }],
        };
      }
      const checked = (it.command === 'view.lang.vi' && lang === 'vi') || (it.command === 'view.lang.en' && lang === 'en');
      return {
        key: it.command,
        label: (
          <span className="menu-entry">
            <span>
              {checked ? '✓ ' : ''}
              {t(it.label)}
            </span>
            {it.accelerator && <kbd>{acceleratorLabel(it.accelerator)}</kbd>}
          </span>
        ),
      };
    }),
  }));
  return (
    <nav aria-label={t('shell.menu.bar')} className="menu-bar">
      <Menu
        mode="horizontal"
        triggerSubMenuAction="click"
        selectable={false}
        items={items}
        onClick={({ key }) => (key.startsWith('recent:') ? onOpenRecent(key.slice('recent:'.length)) : onCommand(key as MenuCommand))}
      />
    </nav>
  );
}
