import { hourlyCapOk, twoHourCapOk } from "./caps.js";
import { overlaps } from "./ranges.js";
import type { CapacityIndex } from "./capacity-index.js";
import type { DealerConfig } from "./dealer-config.js";
import { GRID, type DayInfo } from "./dealer.js";
import type { AdvisorSlot } from "./types.js";
import { advisorFreeAt } from "./free.js";
import { roomFrom } from "./room.js";

// The express reserve at the desk: until the day's release time, an ordinary reception
// may not take the room the reserved express receptions of its half-day still need.
// "Room" is counted honestly: receptions of the longest length a priority vehicle may
// need (a courtesy-car handover is 30 minutes) that an advisor on duty could take under
// every rule, not overlapping one another.


/** Minutes one reserved express reception must be able to take. */
const units = new WeakMap<DealerConfig, number>();
export function reserveUnit(config: DealerConfig): number {
  const hit = units.get(config);
  if (hit !== undefined) return hit;
  let unit = Math.max(GRID, config.durations.courtesyCarReceptionMinutes, config.durations.newCustomerReceptionMinutes);
  for (const iv of Object.values(config.interventions)) unit = Math.max(unit, iv.receptionMinutes);
  units.set(config, unit);
  return unit;
}

/**
 * Non-overlapping express placements advisor `a` could still take in the half-day (up
 * to `cap`), with `extra` (flat elapsed [start, end, …], sorted) counted as taken
 * receptions of that advisor: the slot being checked, without touching the index.
 */
function advisorRoom(index: CapacityIndex, day: DayInfo, half: number, earliest: number, a: number, cap: number, extra: number[] = NONE): number {
  const rules = index.dealer.config.receptionRules;
  const hs = half === 0 ? 0 : day.noon;
  const he = half === 0 ? day.noon : day.zone.length;
  let list = index.peek(day.n)?.receptions[a] ?? NONE;
  if (extra.length) list = mergeSorted(list, extra);
  const duty = day.duty[a];
  const unit = reserveUnit(index.dealer.config);
  let count = 0;
  for (let r = 0; r < duty.length; r += 2) {
    let s = Math.max(duty[r], hs, earliest);
    s = Math.ceil((s + day.gridPhase) / GRID) * GRID - day.gridPhase;
    for (; s + unit <= Math.min(duty[r + 1], he); s += GRID) {
      if (!advisorFreeAt(index, day, a, s, s + unit) || overlaps(extra, s, s + unit)) continue;
      if (!hourlyCapOk(list, s, rules.maxPerHour) || !twoHourCapOk(list, s, s + unit, rules.maxMinutesPer2h)) continue;
      if (++count >= cap) return count;
      s += unit; // placements must not overlap one another (the loop adds a quarter more)
    }
  }
  return count;
}

const NONE: number[] = [];

function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) out.push(a[i++], a[i++]);
    else out.push(b[j++], b[j++]);
  }
  return out;
}

/**
 * True when an ordinary reception [s, e) of `advisor` leaves the express reserve
 * intact. `also`: another slot of the same stay not yet in the index (the stay's
 * reception, when the slot checked is its return), counted as taken too.
 * Trap: a slot near noon can take the other half-day's room too (the buffer caps'
 * windows reach two hours), so every half-day within that reach is checked.
 */
export function reserveIntact(index: CapacityIndex, day: DayInfo, advisor: number, s: number, e: number, now: number, also?: AdvisorSlot): boolean {
  for (let half = 0; half < 2; half++) {
    const hs = half === 0 ? 0 : day.noon;
    const he = half === 0 ? day.noon : day.zone.length;
    if (e + 120 <= hs || s - 120 >= he) continue;
    if (!halfIntact(index, day, half, advisor, s, e, now, also)) return false;
  }
  return true;
}

function halfIntact(index: CapacityIndex, day: DayInfo, half: number, advisor: number, s: number, e: number, now: number, also?: AdvisorSlot): boolean {
  const cfg = index.dealer.config.express.reservedReceptions;
  const st = index.peek(day.n);
  const need = (half === 0 ? cfg.morning : cfg.afternoon) - (st ? st.expressReceptions[half] : 0);
  if (need <= 0) return true;
  const other = also && also.start >= day.zone.start && also.start < day.zone.start + day.zone.length ? also : undefined;
  const earliest = Math.max(0, now + index.dealer.config.receptionRules.minNoticeMinutes - day.zone.start);
  // Fast path: the other advisors' room is untouched by this reception.
  const unit = reserveUnit(index.dealer.config);
  let others = 0;
  let before = 0;
  for (let a = 0, A = index.dealer.advisors.length; a < A; a++) {
    const room = roomFrom(index, day, half, earliest, a, unit, need);
    before += room;
    if (a !== advisor && (!other || a !== other.advisor)) others += room;
  }
  // The slot can only take the room of the advisors it touches: when the others alone
  // still hold what the reserve needs (or all the half-day ever had), nothing is taken.
  if (others >= Math.min(need, before)) return true;
  // Exact: count the room of the advisors concerned with the slot(s) taken — as extra
  // receptions of theirs, without touching the index.
  const mine = [s, e];
  let theirs: number[] = NONE;
  if (other) {
    const os = other.start - day.zone.start;
    const oe = os + other.minutes;
    if (other.advisor === advisor) mine.push(os, oe);
    else theirs = [os, oe];
    if (mine.length === 4 && mine[2] < mine[0]) mine.push(mine.shift()!, mine.shift()!);
  }
  let total = others + advisorRoom(index, day, half, earliest, advisor, need, mine);
  if (other && other.advisor !== advisor) total += advisorRoom(index, day, half, earliest, other.advisor, need, theirs);
  // Broken only when the slot takes room the reserve still needs: a half-day that
  // never had room (closed, or shorter than a reception) holds nothing to take.
  return total >= need || total >= Math.min(before, need);
}
