import { describe, expect, it } from 'vitest';
import { ROW_HEIGHT, VIRTUAL_FROM, rowsToDraw } from '../../renderer/src/features/review/tree-window.ts';

describe('the appraisal tree draws only the rows seen once long', () => {
  it('a usual criteria set: every row', () => {
    expect(rowsToDraw(43, 0, 300, 5)).toHaveLength(43);
  });

  it('a long one: the visible band and its margins, and the selected row wherever it is', () => {
    const n = 5000;
    const top = 100 * ROW_HEIGHT;
    const drawn = rowsToDraw(n, top, 20 * ROW_HEIGHT, 4000);
    expect(drawn.length).toBeLessThan(60);
    expect(drawn).toContain(100);
    expect(drawn).toContain(119);
    expect(drawn).toContain(4000);
    expect(drawn).not.toContain(50);
    expect(rowsToDraw(n, 0, 600, 3)[0]).toBe(0);
    expect(rowsToDraw(VIRTUAL_FROM, 0, 300, 0).length).toBeLessThan(VIRTUAL_FROM);
    // Scrolled to the end: nothing past the last row.
    expect(Math.max(...rowsToDraw(n, n * ROW_HEIGHT, 600, -1))).toBe(n - 1);
  });
});
