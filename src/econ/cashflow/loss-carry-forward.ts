/**
 * Corporate income tax of one year with tax losses carried forward first-in first-out and
 * expiring after `years` years (mutable state across rows, internal to the table builder).
 */
export class LossCarryForward {
  private readonly losses: { amount: number; lastRow: number }[] = [];
  constructor(private readonly years: number) {}

  /**
   * @param taxable - Taxable income of the row before loss relief [USD] (negative = loss).
   * @param rate - CIT rate [fraction].
   * @param exempt - Whether CIT is exempt this row (losses are still used and recorded).
   * @param row - Row index [-].
   * @returns CIT payable [USD].
   */
  step(taxable: number, rate: number, exempt: boolean, row: number): number {
    while (this.losses.length > 0 && (this.losses[0]?.lastRow ?? Infinity) < row)
      this.losses.shift();
    if (taxable <= 0) {
      if (taxable < 0) this.losses.push({ amount: -taxable, lastRow: row + this.years });
      return 0;
    }
    let base = taxable;
    while (base > 0 && this.losses.length > 0) {
      const l = this.losses[0];
      if (l === undefined) break;
      const used = Math.min(l.amount, base);
      l.amount -= used;
      base -= used;
      if (l.amount <= 0) this.losses.shift();
    }
    return exempt ? 0 : rate * base;
  }
}
