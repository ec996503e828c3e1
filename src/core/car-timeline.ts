import type { Booking } from "./types.js";

// Courtesy cars over time, for the whole index: the distinct minutes at which cars go
// out or come back, and how many cars (and how many of them on express bookings) are
// out right after each. A search asks "most cars out over [s, e)" with a binary search
// and a short walk instead of collecting and sorting the bookings of every day.
//
// Kept up to date by the index on every courtesy-car add and remove (a move is both),
// never rebuilt: a change inserts (or drops) its two breakpoints and adds ±1 to the
// entries its own window covers, not a sort of every courtesy-car booking in the index
// (that was 20 µs at 1k appointments and 600 µs at 20k, paid by the next car check after
// every courtesy-car booking).
//
// The breakpoints live in chunks of at most 2 × `chunkSize`, in order, each with its own
// maxima. In one array per column, every insert and drop moved the columns' tails: four
// arrays, two breakpoints each way, 14 µs per add and remove at 20k appointments (3,300
// breakpoints) against 0.8 at 1k (issue 17). In chunks, a change moves at most a chunk.

/** A courtesy car is out from reception start until the return ends (or readyAt when no return is planned). */
export function carWindow(b: Pick<Booking, "reception" | "ret" | "readyAt">): [number, number] {
  return [
    b.reception.start,
    b.ret ? b.ret.start + b.ret.minutes : Math.max(b.readyAt, b.reception.start + b.reception.minutes),
  ];
}

/** A run of consecutive breakpoints, with the maxima demand() reads when the run lies wholly inside its question. */
interface Chunk {
  /** Ascending epoch minutes at which the number of cars out may change. */
  times: number[];
  /** Cars out, and express bookings' cars out, from times[i] until the next breakpoint. */
  out: number[];
  express: number[];
  /** Car windows starting or ending at times[i]: the breakpoint goes when this drops to 0. */
  refs: number[];
  /**
   * The most cars out, and the most of out − express, over the chunk; valid while `fresh`.
   * Together they answer demand() for any `held` in one step, as each entry's
   * out + max(0, held − express) is max(out, out − express + held).
   */
  maxOut: number;
  maxSpare: number;
  fresh: boolean;
}

/** A breakpoint's place: chunk c, entry i (c = chunks.length: past the last one). */
interface At {
  c: number;
  i: number;
}

export class CarTimeline {
  private readonly chunks: Chunk[] = [];

  /** `chunkSize`: chunks hold up to twice this many breakpoints (tests use tiny ones). */
  constructor(private readonly chunkSize = 64) {}

  /** How many breakpoints the timeline holds (none once every car is back). */
  get breakpoints(): number {
    let n = 0;
    for (const ch of this.chunks) n += ch.times.length;
    return n;
  }

  /** Adds (sign 1) or takes back (sign -1) one courtesy-car booking's window. */
  change(b: Pick<Booking, "reception" | "ret" | "readyAt" | "express">, sign: 1 | -1): void {
    const [s, e] = carWindow(b);
    if (s >= e) return;
    if (sign > 0) {
      this.ensure(s);
      this.ensure(e);
    }
    const p = this.find(s, false);
    const q = this.find(e, false);
    // Trap: taking back a window that was never added would corrupt every count after it.
    if (this.timeAt(p) !== s || this.timeAt(q) !== e)
      throw new Error(`courtesy car window [${s}, ${e}) is not on the timeline`);
    const x = b.express ? sign : 0;
    for (let { c, i } = p; c < q.c || (c === q.c && i < q.i); ) {
      const ch = this.chunks[c];
      ch.out[i] += sign;
      ch.express[i] += x;
      ch.fresh = false;
      if (++i === ch.times.length) {
        c++;
        i = 0;
      }
    }
    const cp = this.chunks[p.c];
    const cq = this.chunks[q.c];
    cp.refs[p.i] += sign;
    cq.refs[q.i] += sign;
    // The later one first: dropping it (even its whole chunk) leaves p where it is.
    if (cq.refs[q.i] === 0) this.drop(q);
    if (cp.refs[p.i] === 0) this.drop(p);
  }

  /**
   * Most cars unavailable to an ordinary customer at any minute of [s, e): the cars out,
   * plus the `held` cars that express bookings out at that minute are not already using
   * (a priority vehicle takes a held car first). With held = 0, the cars out.
   */
  demand(s: number, e: number, held: number): number {
    if (s >= e) return 0;
    const chunks = this.chunks;
    // First change after s: the state at s is the one after every change at or before it.
    let { c, i } = this.find(s, true);
    // Nobody out (before the first change) means the held cars alone.
    let max = held;
    const before = this.before(c, i);
    if (before) {
      const ch = chunks[before.c];
      max = Math.max(max, ch.out[before.i] + Math.max(0, held - ch.express[before.i]));
    }
    // Then every change before e: whole chunks in one step each, the rest one by one.
    while (c < chunks.length) {
      const ch = chunks[c];
      const n = ch.times.length;
      if (i === 0 && ch.times[n - 1] < e) {
        if (!ch.fresh) refresh(ch);
        const d = Math.max(ch.maxOut, ch.maxSpare + held);
        if (d > max) max = d;
        c++;
        continue;
      }
      for (; i < n && ch.times[i] < e; i++) {
        const d = ch.out[i] + Math.max(0, held - ch.express[i]);
        if (d > max) max = d;
      }
      if (i < n) break;
      c++;
      i = 0;
    }
    return max;
  }

  /** The first breakpoint at or after t (`after`: strictly after t). */
  private find(t: number, after: boolean): At {
    const chunks = this.chunks;
    // The first chunk whose last breakpoint qualifies, then the entry inside it.
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const times = chunks[mid].times;
      const last = times[times.length - 1];
      if (after ? last <= t : last < t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === chunks.length) return { c: lo, i: 0 };
    const times = chunks[lo].times;
    let a = 0;
    let b = times.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (after ? times[mid] <= t : times[mid] < t) a = mid + 1;
      else b = mid;
    }
    return { c: lo, i: a };
  }

  /** The breakpoint just before (c, i), or null at the very first. */
  private before(c: number, i: number): At | null {
    if (i > 0) return { c, i: i - 1 };
    return c > 0 ? { c: c - 1, i: this.chunks[c - 1].times.length - 1 } : null;
  }

  private timeAt({ c, i }: At): number | undefined {
    return this.chunks[c]?.times[i];
  }

  /** A breakpoint at t, carrying the state of the one before it (nothing changes there yet). */
  private ensure(t: number): void {
    const at = this.find(t, false);
    if (this.timeAt(at) === t) return;
    const chunks = this.chunks;
    let { c, i } = at;
    const prev = this.before(c, i);
    // Past the end, or at a chunk's start: the end of the chunk before, when there is one.
    if (c > 0 && i === 0) {
      c--;
      i = chunks[c].times.length;
    }
    if (c === chunks.length)
      chunks.push({ times: [], out: [], express: [], refs: [], maxOut: 0, maxSpare: 0, fresh: false });
    const ch = chunks[c];
    ch.times.splice(i, 0, t);
    ch.out.splice(i, 0, prev ? chunks[prev.c].out[prev.i] : 0);
    ch.express.splice(i, 0, prev ? chunks[prev.c].express[prev.i] : 0);
    ch.refs.splice(i, 0, 0);
    ch.fresh = false;
    if (ch.times.length > 2 * this.chunkSize) this.split(c);
  }

  /** Chunk c in two halves. */
  private split(c: number): void {
    const ch = this.chunks[c];
    const h = ch.times.length >> 1;
    this.chunks.splice(c + 1, 0, {
      times: ch.times.splice(h),
      out: ch.out.splice(h),
      express: ch.express.splice(h),
      refs: ch.refs.splice(h),
      maxOut: 0,
      maxSpare: 0,
      fresh: false,
    });
    ch.fresh = false;
  }

  private drop({ c, i }: At): void {
    const ch = this.chunks[c];
    ch.times.splice(i, 1);
    ch.out.splice(i, 1);
    ch.express.splice(i, 1);
    ch.refs.splice(i, 1);
    ch.fresh = false;
    if (ch.times.length === 0) {
      this.chunks.splice(c, 1);
      return;
    }
    // A chunk worn down by drops takes in the next one when both fit in one, so that
    // add-and-remove churn does not leave a trail of tiny chunks for demand() to walk.
    // Only the next one: breakpoints before (c, i) keep their places (change() relies on it).
    const next = this.chunks[c + 1];
    if (next && ch.times.length < this.chunkSize / 2 && ch.times.length + next.times.length <= 2 * this.chunkSize) {
      ch.times.push(...next.times);
      ch.out.push(...next.out);
      ch.express.push(...next.express);
      ch.refs.push(...next.refs);
      this.chunks.splice(c + 1, 1);
    }
  }
}

/** A chunk's maxima, from its entries. */
function refresh(ch: Chunk): void {
  let o = -Infinity;
  let sp = -Infinity;
  for (let k = 0; k < ch.times.length; k++) {
    if (ch.out[k] > o) o = ch.out[k];
    if (ch.out[k] - ch.express[k] > sp) sp = ch.out[k] - ch.express[k];
  }
  ch.maxOut = o;
  ch.maxSpare = sp;
  ch.fresh = true;
}
