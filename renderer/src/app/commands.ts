import { useEffect, useEffectEvent } from 'react';
import { MENU, type MenuCommand, type MenuEntry, matchesAccelerator } from '../../../shared/app/menu.ts';
import { api, isDesktop } from './bridge.ts';

/** Features ask for "find" through this event; the screen that has a search box answers it. */
export const FIND_EVENT = 'parscore:find';
/** Undo and redo of the screen's saved edits (outside a text field); the agency screen answers them. */
export const UNDO_EVENT = 'parscore:undo';
export const REDO_EVENT = 'parscore:redo';

/** A text field being typed in keeps its own undo (the browser's), not the screen's. */
export function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(el.type);
}

/** The page's part of each command (Electron runs the role items itself). */
export function runPageCommand(command: MenuCommand, actions: { setLang: (l: 'vi' | 'en') => void; about: () => void; overview: () => void }): void {
  switch (command) {
    case 'view.lang.vi':
      return actions.setLang('vi');
    case 'view.lang.en':
      return actions.setLang('en');
    case 'help.about':
      return actions.about();
    case 'view.overview':
      return actions.overview();
    case 'edit.find':
      actions.overview();
      // After the overview has rendered its search box.
      requestAnimationFrame(() => window.dispatchEvent(new Event(FIND_EVENT)));
      return;
    case 'view.reload':
      return window.location.reload();
    case 'edit.undo':
    case 'edit.redo':
      // In a text field its own undo; elsewhere the screen's (the agency screen's saved edits).
      if (isTextField(document.activeElement)) {
        document.execCommand(command === 'edit.undo' ? 'undo' : 'redo');
        return;
      }
      window.dispatchEvent(new Event(command === 'edit.undo' ? UNDO_EVENT : REDO_EVENT));
      return;
    case 'edit.cut':
    case 'edit.copy':
    case 'edit.selectAll': {
      // The browser's own editing commands, on the focused field (the in-page menu only).
      const name = { 'edit.cut': 'cut', 'edit.copy': 'copy', 'edit.selectAll': 'selectAll' }[command];
      document.execCommand(name);
      return;
    }
    default:
      return;
  }
}

/** Items of the in-page menu: everything but the Electron-only ones. */
export function pageMenuEntries(group: (typeof MENU)[number]) {
  return group.items.filter((i) => !('electronOnly' in i && i.electronOnly));
}

/**
 * Menu commands from the native menu (Electron) and, in the browser mode, the accelerators of the
 * page's own commands (the browser already does undo, copy, reload…).
 */
export function useMenuCommands(run: (command: MenuCommand, path?: string) => void): void {
  const onCommand = useEffectEvent(run);
  useEffect(() => api.onMenuCommand((p) => onCommand(p.command as MenuCommand, p.path)), []);
  useEffect(() => {
    if (isDesktop) return;
    const own = MENU.flatMap((g) => g.items).filter((i): i is MenuEntry => i.kind === 'item' && !i.role && !!i.accelerator);
    const mac = /Mac/.test(navigator.platform);
    const onKey = (e: KeyboardEvent) => {
      const hit = own.find((i) => matchesAccelerator(i.accelerator!, e, mac));
      if (!hit) return;
      // Typing in a field: Ctrl+Z/Ctrl+Y stay the field's own (the browser's) undo and redo.
      if ((hit.command === 'edit.undo' || hit.command === 'edit.redo') && isTextField(e.target)) return;
      e.preventDefault();
      onCommand(hit.command);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
