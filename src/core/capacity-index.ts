import { clearRange, setRange } from "./bitset.js";
import { GRID, WORDS_PER_DAY, type Dealer } from "./dealer.js";
import type { AdvisorSlot, Booking } from "./types.js";

// Occupancy of one dealer in integers. Adding, moving or removing an appointment
// touches only the day(s) and minutes of that appointment, never the other bookings.

export class DayState {
  /** Per advisor: minutes taken by a reception or a return. */
  readonly busy: Uint32Array;
  /** Per advisor: receptions as flat [start, end, …] elapsed minutes, sorted by start. */
  readonly receptions: number[][];
  /** Receptions overlapping each 15-minute grid slot, across advisors (desk load). */
  readonly desk: Uint8Array;
  /** Labour minutes booked per skill. */
  readonly booked: Int32Array;

  constructor(advisors: number, skills: number) {
    this.busy = new Uint32Array(advisors * WORDS_PER_DAY);
    this.receptions = Array.from({ length: advisors }, () => []);
    this.desk = new Uint8Array(Math.ceil(1500 / GRID) + 1);
    this.booked = new Int32Array(skills);
  }
}

export class CapacityIndex {
  readonly bookings = new Map<string, Booking>();
  private readonly days = new Map<number, DayState>();

  constructor(readonly dealer: Dealer) {}

  static build(dealer: Dealer, bookings: Iterable<Booking>): CapacityIndex {
    const index = new CapacityIndex(dealer);
    for (const b of bookings) index.add(b);
    return index;
  }

  /** The day's state, or undefined when nothing is booked that day. */
  peek(n: number): DayState | undefined {
    return this.days.get(n);
  }

  private state(n: number): DayState {
    let s = this.days.get(n);
    if (!s) {
      s = new DayState(this.dealer.advisors.length, this.dealer.skills.length);
      this.days.set(n, s);
    }
    return s;
  }

  add(b: Booking): void {
    if (this.bookings.has(b.id)) throw new Error(`booking ${b.id} is already indexed`);
    this.bookings.set(b.id, b);
    this.reception(b.reception, +1);
    if (b.ret) this.advisorSlot(b.ret, +1);
    for (const l of b.labour) this.state(l.day).booked[l.skill] += l.minutes;
  }

  remove(id: string): Booking | undefined {
    const b = this.bookings.get(id);
    if (!b) return undefined;
    this.bookings.delete(id);
    this.reception(b.reception, -1);
    if (b.ret) this.advisorSlot(b.ret, -1);
    for (const l of b.labour) this.state(l.day).booked[l.skill] -= l.minutes;
    return b;
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

  private reception(slot: AdvisorSlot, sign: 1 | -1): void {
    this.advisorSlot(slot, sign);
    const { st, s, e } = this.locate(slot);
    const list = st.receptions[slot.advisor];
    if (sign > 0) {
      let i = 0;
      while (i < list.length && list[i] <= s) i += 2;
      list.splice(i, 0, s, e);
    } else {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === s && list[i + 1] === e) {
          list.splice(i, 2);
          break;
        }
      }
    }
    for (let g = Math.floor(s / GRID), last = Math.ceil(e / GRID); g < last; g++) st.desk[g] += sign;
  }
}
