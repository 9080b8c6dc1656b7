/**
 * Float64Arrays carved from one zero-filled buffer: one allocation where a structure needs many
 * small arrays (a flowsheet solution: its streams, unit states, balances and loop work). V8 keeps
 * every typed array longer than 64 bytes outside the JavaScript heap, and each such backing
 * store costs an allocation and adds to the external memory that starts full garbage
 * collections: a solution of the smelter's flowsheet made ~20 of them per solve, ≈ 20 µs.
 *
 * Use: size the block for all the arrays, then `take(n)` each; the block must be used up
 * exactly (`done()`), so a layout that changes on one side only fails at once.
 */
export class Float64Block {
  private readonly buffer: ArrayBuffer;
  private offset = 0;

  /** @param length - Total length of the arrays to take [-]. */
  constructor(readonly length: number) {
    this.buffer = new ArrayBuffer(8 * length);
  }

  /** A zero-filled view of the next n elements. */
  take(n: number): Float64Array {
    if (!(Number.isInteger(n) && n >= 0 && this.offset + n <= this.length))
      throw new RangeError(
        `Float64Block.take(${n}): ${this.length - this.offset} of ${this.length} left`,
      );
    const a = new Float64Array(this.buffer, 8 * this.offset, n);
    this.offset += n;
    return a;
  }

  /** Checks that every element was taken. */
  done(): void {
    if (this.offset !== this.length)
      throw new RangeError(
        `Float64Block: ${this.length - this.offset} of ${this.length} not taken`,
      );
  }
}
