/** Helpers of the streamed tables that grow with the number of agencies (everything.ts). */
import type { OfficialSheet } from './sheet.ts';

/** A table that continues on a new sheet ("… (2)") when one is full. */
export class ContinuedTable {
  private sheet: OfficialSheet;
  constructor(
    private readonly open: () => OfficialSheet,
    private readonly limit: number,
  ) {
    this.sheet = open();
  }
  async add(values: unknown[]): Promise<void> {
    if (this.sheet.rowCount >= this.limit) {
      await this.sheet.finish();
      this.sheet = this.open();
    }
    this.sheet.addRow(values);
  }
  finish(): Promise<void> {
    return this.sheet.finish();
  }
}

/** Lets the zip and file streams drain (between agencies). */
export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
