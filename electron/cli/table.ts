/** Plain-text table for terminals: pads by code points (Vietnamese text is NFC), clips long cells. */
export function table(rows: readonly (readonly string[])[], opts: { maxWidth?: number[]; alignRight?: number[] } = {}): string[] {
  const clip = (s: string, w: number | undefined) => (w && [...s].length > w ? `${[...s].slice(0, w - 1).join('')}…` : s);
  const cells = rows.map((r) => r.map((c, i) => clip(c, opts.maxWidth?.[i])));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return cells.map((r) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - [...c].length);
        return opts.alignRight?.includes(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}
