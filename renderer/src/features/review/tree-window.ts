/** Rows of the appraisal tree drawn only where they are seen once the tree is this long (a province's own, long criteria set). */
export const VIRTUAL_FROM = 200;
/** A row's fixed height in the long tree's mode (px; titles kept on one line). */
export const ROW_HEIGHT = 30;
const OVERSCAN = 12;

/**
 * Which rows to draw, by index: those in the visible band (scroll offset `top`, pane `height`) and a
 * few more each side so Tab and the arrow keys never reach an undrawn row, plus the selected one
 * (the tree's aria-activedescendant must exist). All of them below VIRTUAL_FROM rows.
 */
export function rowsToDraw(count: number, top: number, height: number, selected: number): number[] {
  if (count < VIRTUAL_FROM) return Array.from({ length: count }, (_, i) => i);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const out: number[] = [];
  if (selected >= 0 && selected < first) out.push(selected);
  for (let i = first; i <= last; i++) out.push(i);
  if (selected > last && selected < count) out.push(selected);
  return out;
}
