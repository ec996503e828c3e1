import type { Booking } from "./types.js";

// Courtesy cars over time, for the whole index: the distinct minutes at which cars go
// out or come back, and how many cars (and how many of them on express bookings) are
// out right after each. A search asks "most cars out over [s, e)" with a binary search
// and a short walk instead of collecting and sorting the bookings of every day.
//
// Kept up to date by the index on every courtesy-car add and remove (a move is both),
// never rebuilt: a change inserts (or drops) its two breakpoints and adds ±1 to the
// entries its own window covers, so its cost is the window's breakpoints plus a
// memmove of the arrays, not a sort of every courtesy-car booking in the index (that
// was 20 µs at 1k appointments and 600 µs at 20k, paid by the next car check after
// every courtesy-car booking).

/** A courtesy car is out from reception start until the return ends (or readyAt when no return is planned). */
export function carWindow(b: Pick<Booking, "reception" | "ret" | "readyAt">): [number, number] {
  return [
    b.reception.start,
    b.ret ? b.ret.start + b.ret.minutes : Math.max(b.readyAt, b.reception.start + b.reception.minutes),
  ];
}

export class CarTimeline {
  /** Ascending epoch minutes at which the number of cars out may change. */
  private readonly times: number[] = [];
  /** Cars out, and express bookings' cars out, from times[i] until times[i + 1]. */
  private readonly out: number[] = [];
  private readonly express: number[] = [];
  /** Car windows starting or ending at times[i]: the breakpoint goes when this drops to 0. */
  private readonly refs: number[] = [];

  /** Adds (sign 1) or takes back (sign -1) one courtesy-car booking's window. */
  change(b: Pick<Booking, "reception" | "ret" | "readyAt" | "express">, sign: 1 | -1): void {
    const [s, e] = carWindow(b);
    if (s >= e) return;
    this.blocksFresh = false;
    if (sign > 0) {
      this.ensure(s);
      this.ensure(e);
    }
    const i = this.find(s);
    const j = this.find(e);
    // Trap: taking back a window that was never added would corrupt every count after it.
    if (this.times[i] !== s || this.times[j] !== e)
      throw new Error(`courtesy car window [${s}, ${e}) is not on the timeline`);
    const x = b.express ? sign : 0;
    for (let k = i; k < j; k++) {
      this.out[k] += sign;
      this.express[k] += x;
    }
    this.refs[i] += sign;
    this.refs[j] += sign;
    // Higher index first, so i stays valid.
    if (this.refs[j] === 0) this.drop(j);
    if (this.refs[i] === 0) this.drop(i);
  }

  /**
   * Per block of `blockSize` breakpoints (full blocks only): the most cars out, and the
   * most of out − express, so that a block answers demand() for any `held` in one step:
   * out + max(0, held − express) = max(out, out − express + held). Rebuilt lazily: a
   * change only marks them stale, and only a long question rebuilds them (a priority
   * vehicle's stay can span days of breakpoints; an ordinary check after each booking
   * asks about a few, and must not pay a rebuild per booking).
   */
  private readonly blockOut: number[] = [];
  private readonly blockSpare: number[] = [];
  private blocksFresh = false;

  /** `blockSize`: a power of two (tests use tiny ones). */
  constructor(private readonly blockSize = 16) {}

  /**
   * Most cars unavailable to an ordinary customer at any minute of [s, e): the cars out,
   * plus the `held` cars that express bookings out at that minute are not already using
   * (a priority vehicle takes a held car first). With held = 0, the cars out.
   */
  demand(s: number, e: number, held: number): number {
    if (s >= e) return 0;
    const { times, out, express, blockSize: B } = this;
    const n = times.length;
    // First change after s: the state at s is the one after every change at or before it.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid] <= s) lo = mid + 1;
      else hi = mid;
    }
    // Nobody out (before the first change) means the held cars alone.
    let max = held;
    if (lo > 0) max = Math.max(max, out[lo - 1] + Math.max(0, held - express[lo - 1]));
    // Then every change before e: whole blocks in one step each, the rest one by one.
    for (let i = lo; i < n && times[i] < e; ) {
      if ((i & (B - 1)) === 0 && i + B <= n && times[i + B - 1] < e && this.blocksReady(i, e)) {
        const b = i / B;
        const d = Math.max(this.blockOut[b], this.blockSpare[b] + held);
        if (d > max) max = d;
        i += B;
        continue;
      }
      const d = out[i] + Math.max(0, held - express[i]);
      if (d > max) max = d;
      i++;
    }
    return max;
  }

  /** Whether the block maxima may be used for a question from breakpoint i to e (rebuilt first when worth it). */
  private blocksReady(i: number, e: number): boolean {
    if (this.blocksFresh) return true;
    // Stale: rebuild only for a question that spans at least four whole blocks.
    const far = i + 4 * this.blockSize - 1;
    if (far >= this.times.length || this.times[far] >= e) return false;
    const B = this.blockSize;
    const blocks = Math.floor(this.times.length / B);
    this.blockOut.length = blocks;
    this.blockSpare.length = blocks;
    for (let b = 0; b < blocks; b++) {
      let o = -Infinity;
      let sp = -Infinity;
      for (let k = b * B; k < (b + 1) * B; k++) {
        if (this.out[k] > o) o = this.out[k];
        if (this.out[k] - this.express[k] > sp) sp = this.out[k] - this.express[k];
      }
      this.blockOut[b] = o;
      this.blockSpare[b] = sp;
    }
    this.blocksFresh = true;
    return true;
  }

  /** Index of the first breakpoint at or after t. */
  private find(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A breakpoint at t, carrying the state of the one before it (nothing changes there yet). */
  private ensure(t: number): void {
    const i = this.find(t);
    if (this.times[i] === t) return;
    const o = i > 0 ? this.out[i - 1] : 0;
    const x = i > 0 ? this.express[i - 1] : 0;
    if (i === this.times.length) {
      this.times.push(t);
      this.out.push(o);
      this.express.push(x);
      this.refs.push(0);
      return;
    }
    this.times.splice(i, 0, t);
    this.out.splice(i, 0, o);
    this.express.splice(i, 0, x);
    this.refs.splice(i, 0, 0);
  }

  private drop(i: number): void {
    this.times.splice(i, 1);
    this.out.splice(i, 1);
    this.express.splice(i, 1);
    this.refs.splice(i, 1);
  }
}
