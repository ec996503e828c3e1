import { clearRange, setRange } from "./bitset.js";
import { CarTimeline } from "./car-timeline.js";
import { GRID, WORDS_PER_DAY, type Dealer } from "./dealer.js";
import type { AdvisorSlot, Booking } from "./types.js";

export { carWindow } from "./car-timeline.js";

// Occupancy of one dealer in integers. Adding, moving or removing an appointment
// touches only the day(s) and minutes of that appointment, never the other bookings.

const NO_JOBS: readonly number[] = [];

export class DayState {
  /** Per advisor: minutes taken by a reception or a return. */
  readonly busy: Uint32Array;
  /** Per advisor: receptions as flat [start, end, …] elapsed minutes, sorted by start. */
  readonly receptions: number[][];
  /** Per advisor: returns, likewise (so that taking one slot off never frees another's minutes). */
  readonly returns: number[][];
  /** Receptions overlapping each 15-minute grid slot, across advisors (desk load). */
  readonly desk: Uint8Array;
  /** Labour minutes booked per skill, and the part of it booked by express jobs. */
  readonly booked: Int32Array;
  readonly expressBooked: Int32Array;
  /** Per half-day (0 morning, 1 afternoon): express receptions, pickup & delivery runs, shuttle seats. */
  readonly expressReceptions = new Uint8Array(2);
  readonly runs = new Uint16Array(2);
  readonly shuttle = new Uint16Array(2);
  /**
   * A new value on every change to this day (from the index's stamp: never one the day or
   * the index had before, unless CapacityIndex.without puts the day back as it was).
   * Per-day caches compare against it.
   */
  version = 0;

  constructor(advisors: number, skills: number) {
    this.busy = new Uint32Array(advisors * WORDS_PER_DAY);
    this.receptions = Array.from({ length: advisors }, () => []);
    this.returns = Array.from({ length: advisors }, () => []);
    this.desk = new Uint8Array(Math.ceil(1500 / GRID) + 1);
    this.booked = new Int32Array(skills);
    this.expressBooked = new Int32Array(skills);
  }
}

export class CapacityIndex {
  /** The bookings on the index (one with its advisor slots lifted is not among them: see liftSlots). */
  readonly bookings = new Map<string, Booking>();
  /**
   * Bookings whose reception and return are off the index while their labour, courtesy
   * car, runs and express counters stay on it (liftSlots): a re-plan's contact list.
   */
  private readonly liftedSlots = new Map<string, Booking>();
  /**
   * A new value on every add, remove, lift and restore: caches derived from the index
   * compare against it. Values come from `stamp`, so none is handed out twice; the one
   * way back to an earlier value is `without`, which returns the index to exactly the
   * state that value named.
   */
  version = 0;
  /** The last version value handed out (index or day): only ever grows. */
  private stamp = 0;
  /** While `without` removes or re-adds its booking: each day's version before it was touched. */
  private daysBefore: Map<number, number> | null = null;
  /** How many `without` calls are running their `f` (nested ones count). */
  private lifting = 0;
  private readonly days = new Map<number, DayState>();
  /** Courtesy cars out over time, updated with every courtesy-car add and remove (car-timeline.ts). */
  readonly cars = new CarTimeline();
  /**
   * Per technician (roster index): the job blocks on the technician's timeline, flat
   * sorted [start, end, …] epoch minutes. Kept by add/remove like the day counters, so
   * the workshop plan (workshop.ts) finds a technician's free time without a scan of
   * the bookings.
   */
  private readonly techBusy: number[][] = [];
  /**
   * Per technician, parallel to techBusy's blocks: the productive minutes of the gap
   * before block i (from block i−1's end), or -1 until the planner has measured it
   * (workshop.ts fills it in). Adding or removing a block resets only the gaps beside it,
   * so the planner skips a gap too small for a job in one comparison instead of walking
   * the technician's working hours across it.
   */
  private readonly techGap: number[][] = [];

  constructor(readonly dealer: Dealer) {}

  static build(dealer: Dealer, bookings: Iterable<Booking>): CapacityIndex {
    const index = new CapacityIndex(dealer);
    // In time order: every per-advisor list and the car timeline then grow at their end
    // (appends, not mid-array inserts) and the day states are created in order; rows
    // in booking order made a 20k build about 3x slower.
    const sorted = [...bookings].sort((a, b) => a.reception.start - b.reception.start);
    for (const b of sorted) index.add(b);
    return index;
  }

  /** The day's state, or undefined when nothing is booked that day. */
  peek(n: number): DayState | undefined {
    return this.days.get(n);
  }

  /** A technician's job blocks, flat sorted [start, end, …] epoch minutes (read-only). */
  techJobs(tech: number): readonly number[] {
    return this.techBusy[tech] ?? NO_JOBS;
  }

  /** The technician's measured gaps (see techGap): the planner's cache, written by workshop.ts only. */
  techGaps(tech: number): number[] {
    return (this.techGap[tech] ??= []);
  }

  /** The day's state for writing (only mutators call this, so it bumps the day's version). */
  private state(n: number): DayState {
    let s = this.days.get(n);
    if (!s) {
      s = new DayState(this.dealer.advisors.length, this.dealer.skills.length);
      this.days.set(n, s);
    }
    if (this.daysBefore && !this.daysBefore.has(n)) this.daysBefore.set(n, s.version);
    s.version = ++this.stamp;
    return s;
  }

  add(b: Booking): void {
    if (this.bookings.has(b.id) || this.liftedSlots.has(b.id)) throw new Error(`booking ${b.id} is already indexed`);
    this.bookings.set(b.id, b);
    this.version = ++this.stamp;
    this.advisorSlots(b, +1);
    this.extras(b, +1);
  }

  remove(id: string): Booking | undefined {
    const b = this.bookings.get(id);
    if (!b) return undefined;
    this.bookings.delete(id);
    this.version = ++this.stamp;
    this.advisorSlots(b, -1);
    this.extras(b, -1);
    return b;
  }

  /**
   * True while `without`'s f runs: a cache that keeps one state per index (the planner's,
   * the day tables) keeps this one aside, so that its entries for the whole index are
   * still there when the booking is back (plan-cache.ts, workshop.ts, derived.ts).
   */
  get inWithout(): boolean {
    return this.lifting > 0;
  }

  /** A new version without a change: every cache derived from the index is dropped (benches time the cold path). */
  touch(): void {
    this.version = ++this.stamp;
  }

  /**
   * `f` on the index without booking `id`, then the booking put back, and with it every
   * version (the index's and each day's) that the booking's removal moved on: the index
   * is exactly as it was, so the caches stamped with those versions stay good: the
   * availability answers (scheduler/answer-memo.ts), and the day tables (derived.ts) and
   * planner's memos (plan-cache.ts, workshop.ts), which keep the window's aside while `f`
   * runs (inWithout). A customer's own availability (their appointment must not be in
   * its own way) asked this way used to empty them on every call.
   *
   * Safe because versions come from `stamp`: a cache filled inside `f` carries a value
   * that no later change can hand out again. Should anything else change the index while
   * `f` runs, the versions are not put back (the state is not the old one).
   * Trap: f must be synchronous, and must not keep the index object's state past its return.
   */
  without<T>(id: string, f: () => T): T {
    const b = this.bookings.get(id);
    if (!b) return f();
    const version = this.version;
    const days = new Map<number, number>();
    this.daysBefore = days;
    try {
      this.remove(id);
    } finally {
      this.daysBefore = null;
    }
    const removed = this.stamp;
    this.lifting++;
    try {
      return f();
    } finally {
      this.lifting--;
      const untouched = this.stamp === removed && !this.bookings.has(id) && !this.liftedSlots.has(id);
      this.add(b);
      if (untouched) {
        this.version = version;
        for (const [n, v] of days) this.days.get(n)!.version = v;
      }
    }
  }

  /**
   * Takes only a booking's advisor slots (reception and return) off the index; its labour
   * on the technicians, courtesy car, pickup runs, shuttle seats and express counters stay.
   * A re-plan's contact appointment stays where it is while breaking a reception rule (an
   * absent advisor, a late reception now over it): its advisor slots must not fail the
   * checks of the other moves, but the car and its job are still there. Until
   * restoreSlots, the booking is out of `bookings` (its reception blocks nothing) and
   * neither add nor remove takes it.
   */
  liftSlots(id: string): Booking | undefined {
    const b = this.bookings.get(id);
    if (!b) return undefined;
    this.bookings.delete(id);
    this.liftedSlots.set(id, b);
    this.version = ++this.stamp;
    this.advisorSlots(b, -1);
    return b;
  }

  /** Puts a lifted booking's advisor slots back (unchecked): the booking is whole on the index again. */
  restoreSlots(id: string): Booking | undefined {
    const b = this.liftedSlots.get(id);
    if (!b) return undefined;
    this.liftedSlots.delete(id);
    this.bookings.set(id, b);
    this.version = ++this.stamp;
    this.advisorSlots(b, +1);
    return b;
  }

  /** A booking's reception and return on the advisors' tracks (+1) or off them (-1). */
  private advisorSlots(b: Booking, sign: 1 | -1): void {
    this.reception(b.reception, sign);
    if (b.ret) this.returnSlot(b.ret, sign);
  }

  /** A booking whose advisor slots are lifted (liftSlots), or undefined. */
  lifted(id: string): Booking | undefined {
    return this.liftedSlots.get(id);
  }

  /** Half-day (0 morning, 1 afternoon) and day of an instant. */
  halfOf(epochMinute: number): { day: number; half: number } {
    const key = this.halfKey(epochMinute);
    return { day: Math.floor(key / 2), half: key & 1 };
  }

  /** The same as one integer, day × 2 + half (no allocation: the search asks this per candidate). */
  halfKey(epochMinute: number): number {
    const n = this.dealer.dayOf(epochMinute);
    const d = this.dealer.day(n);
    return n * 2 + (epochMinute - d.zone.start < d.noon ? 0 : 1);
  }

  private extras(b: Booking, sign: 1 | -1): void {
    for (const l of b.labour) {
      if (
        l.tech !== undefined &&
        l.start !== undefined &&
        l.end !== undefined &&
        l.tech < this.dealer.roster.technicians.length
      ) {
        CapacityIndex.trackJob((this.techBusy[l.tech] ??= []), (this.techGap[l.tech] ??= []), l.start, l.end, sign);
      }
      const st = this.state(l.day);
      st.booked[l.skill] += sign * l.minutes;
      if (b.express) st.expressBooked[l.skill] += sign * l.minutes;
    }
    const r = this.halfOf(b.reception.start);
    if (b.express) this.state(r.day).expressReceptions[r.half] += sign;
    if (b.mobility === "pickup_delivery" || b.mobility === "shuttle") {
      const counter = b.mobility === "shuttle" ? "shuttle" : "runs";
      this.state(r.day)[counter][r.half] += sign;
      const back = this.halfOf(b.ret ? b.ret.start : b.readyAt);
      this.state(back.day)[counter][back.half] += sign;
    }
    if (b.mobility === "courtesy_car") this.cars.change(b, sign);
  }

  /** Replace a booking (a move): remove the old placement, add the new one. */
  replace(b: Booking): void {
    this.remove(b.id);
    this.add(b);
  }

  private locate(slot: AdvisorSlot): { st: DayState; s: number; e: number; base: number } {
    const n = this.dealer.dayOf(slot.start);
    const z = this.dealer.day(n).zone;
    const s = slot.start - z.start;
    return { st: this.state(n), s, e: s + slot.minutes, base: slot.advisor * WORDS_PER_DAY };
  }

  private advisorSlot(slot: AdvisorSlot, sign: 1 | -1): void {
    const { st, s, e, base } = this.locate(slot);
    if (sign > 0) setRange(st.busy, base, s, e);
    else clearRange(st.busy, base, s, e);
  }

  /**
   * A technician's block in or out, forgetting the measured gaps beside it. The list spans
   * the whole index (every day), so both ends find their place by binary search: a walk
   * from its start made building the index quadratic (a 20k build walked every earlier
   * block of the technician for each new one; issue 17). Same places as the walks did: a
   * new block goes after every block starting at or before it; the first (s, e) goes out.
   */
  private static trackJob(list: number[], gaps: number[], s: number, e: number, sign: 1 | -1): void {
    if (sign > 0) {
      const i = firstBlockStarting(list, s, true);
      list.splice(i, 0, s, e);
      gaps.splice(i >> 1, 0, -1);
      if ((i >> 1) + 1 < gaps.length) gaps[(i >> 1) + 1] = -1;
      return;
    }
    for (let i = firstBlockStarting(list, s, false); i < list.length && list[i] === s; i += 2) {
      if (list[i + 1] === e) {
        list.splice(i, 2);
        gaps.splice(i >> 1, 1);
        if (i >> 1 < gaps.length) gaps[i >> 1] = -1;
        return;
      }
    }
  }

  /** Adds or removes [s, e) in a sorted flat list (one day's: a walk is short). */
  private static track(list: number[], s: number, e: number, sign: 1 | -1): void {
    if (sign > 0) {
      let i = 0;
      while (i < list.length && list[i] <= s) i += 2;
      list.splice(i, 0, s, e);
      return;
    }
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === s && list[i + 1] === e) {
        list.splice(i, 2);
        return;
      }
    }
  }

  /**
   * Busy minutes are bits, not counts. The checker never lets an advisor's slots overlap,
   * but a reshuffle may leave a customer on its contact list where a late reception now
   * runs: after taking [s, e) off, the minutes of whatever else still overlaps are put back.
   */
  private static retake(st: DayState, advisor: number, base: number, s: number, e: number): void {
    CapacityIndex.retakeFrom(st.receptions[advisor], st.busy, base, s, e);
    CapacityIndex.retakeFrom(st.returns[advisor], st.busy, base, s, e);
  }

  private static retakeFrom(list: number[], busy: Uint32Array, base: number, s: number, e: number): void {
    for (let i = 0; i < list.length && list[i] < e; i += 2)
      if (list[i + 1] > s) setRange(busy, base, Math.max(s, list[i]), Math.min(e, list[i + 1]));
  }

  private returnSlot(slot: AdvisorSlot, sign: 1 | -1): void {
    this.advisorSlot(slot, sign);
    const { st, s, e, base } = this.locate(slot);
    CapacityIndex.track(st.returns[slot.advisor], s, e, sign);
    if (sign < 0) CapacityIndex.retake(st, slot.advisor, base, s, e);
  }

  private reception(slot: AdvisorSlot, sign: 1 | -1): void {
    this.advisorSlot(slot, sign);
    const { st, s, e, base } = this.locate(slot);
    CapacityIndex.track(st.receptions[slot.advisor], s, e, sign);
    if (sign < 0) CapacityIndex.retake(st, slot.advisor, base, s, e);
    for (let g = Math.floor(s / GRID), last = Math.ceil(e / GRID); g < last; g++) st.desk[g] += sign;
  }
}

/**
 * Flat index of the first block of `list` (start, end pairs sorted by start) that starts
 * after `s` (`after`) or at or after it; the list's length when there is none.
 */
function firstBlockStarting(list: readonly number[], s: number, after: boolean): number {
  let lo = 0;
  let hi = list.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after ? list[2 * mid] <= s : list[2 * mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}
