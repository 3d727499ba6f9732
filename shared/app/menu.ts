/**
 * The application menu, once for both modes: Electron's main builds its native Menu from it and
 * the browser mode draws it in the page. Labels are message keys (shared/i18n/vi/shell.ts and en/);
 * accelerators use Electron's syntax. Single-letter shortcuts are never accelerators (they would
 * swallow typing); Electron-only items (quit, zoom, full screen) are left out of the page.
 */
export type MenuCommand =
  | 'file.openRecent'
  | 'file.close'
  | 'file.quit'
  | 'edit.undo'
  | 'edit.redo'
  | 'edit.cut'
  | 'edit.copy'
  | 'edit.paste'
  | 'edit.selectAll'
  | 'edit.find'
  | 'view.overview'
  | 'view.reload'
  | 'view.lang.vi'
  | 'view.lang.en'
  | 'view.zoomIn'
  | 'view.zoomOut'
  | 'view.resetZoom'
  | 'view.fullscreen'
  | 'help.about';

/** Electron menu roles used (native behaviour, our labels). */
export type MenuRole = 'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'reload' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen';

export interface MenuEntry {
  kind: 'item';
  command: MenuCommand;
  label: string;
  accelerator?: string;
  /** Handled by Electron itself; without a role the command goes to the page. */
  role?: MenuRole;
  electronOnly?: boolean;
}
export interface MenuSeparator {
  kind: 'separator';
  electronOnly?: boolean;
}
/** A place filled at run time: the recent workspaces. */
export interface MenuSlot {
  kind: 'recent';
  label: string;
}
export interface MenuGroup {
  id: 'file' | 'edit' | 'view' | 'help';
  label: string;
  items: (MenuEntry | MenuSeparator | MenuSlot)[];
}

export const MENU: readonly MenuGroup[] = [
  {
    id: 'file',
    label: 'shell.menu.file',
    items: [
      { kind: 'recent', label: 'shell.menu.recent' },
      { kind: 'item', command: 'file.close', label: 'start.menu.close' },
      { kind: 'separator', electronOnly: true },
      { kind: 'item', command: 'file.quit', label: 'shell.menu.quit', accelerator: 'CmdOrCtrl+Q', role: 'quit', electronOnly: true },
    ],
  },
  {
    id: 'edit',
    label: 'shell.menu.edit',
    items: [
      // No role: the page decides (a focused text field's own undo, else the screen's undo of saved edits).
      { kind: 'item', command: 'edit.undo', label: 'shell.menu.undo', accelerator: 'CmdOrCtrl+Z' },
      { kind: 'item', command: 'edit.redo', label: 'shell.menu.redo', accelerator: 'CmdOrCtrl+Y' },
      { kind: 'separator' },
      { kind: 'item', command: 'edit.cut', label: 'shell.menu.cut', accelerator: 'CmdOrCtrl+X', role: 'cut' },
      { kind: 'item', command: 'edit.copy', label: 'shell.menu.copy', accelerator: 'CmdOrCtrl+C', role: 'copy' },
      { kind: 'item', command: 'edit.paste', label: 'shell.menu.paste', accelerator: 'CmdOrCtrl+V', role: 'paste' },
      { kind: 'item', command: 'edit.selectAll', label: 'shell.menu.selectAll', accelerator: 'CmdOrCtrl+A', role: 'selectAll' },
      { kind: 'separator' },
      { kind: 'item', command: 'edit.find', label: 'shell.menu.find', accelerator: 'CmdOrCtrl+F' },
    ],
  },
  {
    id: 'view',
    label: 'shell.menu.view',
    items: [
      { kind: 'item', command: 'view.overview', label: 'shell.menu.overview', accelerator: 'Alt+Home' },
      { kind: 'item', command: 'view.reload', label: 'shell.menu.reload', accelerator: 'CmdOrCtrl+R', role: 'reload' },
      { kind: 'separator' },
      { kind: 'item', command: 'view.lang.vi', label: 'shell.menu.lang_vi' },
      { kind: 'item', command: 'view.lang.en', label: 'shell.menu.lang_en' },
      { kind: 'separator', electronOnly: true },
      { kind: 'item', command: 'view.zoomIn', label: 'shell.menu.zoomIn', accelerator: 'CmdOrCtrl+=', role: 'zoomIn', electronOnly: true },
      { kind: 'item', command: 'view.zoomOut', label: 'shell.menu.zoomOut', accelerator: 'CmdOrCtrl+-', role: 'zoomOut', electronOnly: true },
      { kind: 'item', command: 'view.resetZoom', label: 'shell.menu.resetZoom', accelerator: 'CmdOrCtrl+0', role: 'resetZoom', electronOnly: true },
      { kind: 'item', command: 'view.fullscreen', label: 'shell.menu.fullscreen', accelerator: 'F11', role: 'togglefullscreen', electronOnly: true },
    ],
  },
  {
    id: 'help',
    label: 'shell.menu.help',
    items: [{ kind: 'item', command: 'help.about', label: 'shell.menu.about' }],
  },
];

/** The shortcut as printed beside a menu item: "Ctrl+F" (macOS: "⌘F"). */
export function acceleratorLabel(accelerator: string, mac = false): string {
  return mac ? accelerator.replace('CmdOrCtrl+', '⌘') : accelerator.replace('CmdOrCtrl', 'Ctrl');
}

/** Whether a key press is a menu accelerator (the page's own shortcuts in the browser mode). */
export function matchesAccelerator(accelerator: string, e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }, mac = false): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  const want = { ctrl: false, alt: false, shift: false };
  for (const p of parts) {
    if (p === 'CmdOrCtrl') want.ctrl = true;
    else if (p === 'Alt') want.alt = true;
    else if (p === 'Shift') want.shift = true;
  }
  const ctrl = mac ? e.metaKey : e.ctrlKey;
  return ctrl === want.ctrl && e.altKey === want.alt && e.shiftKey === want.shift && e.key.toLowerCase() === key.toLowerCase();
}
