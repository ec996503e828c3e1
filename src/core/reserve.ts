import type { CapacityIndex } from "./capacity-index.js";
import type { DayInfo } from "./dealer.js";
import type { AdvisorSlot } from "./types.js";
import { derived } from "./derived.js";
import { roomByAdvisor, roomTable, roomWith } from "./room.js";

// The express reserve at the desk: until the day's release time, an ordinary reception
// may not take the room the reserved express receptions of its half-day still need.
// "Room" is counted honestly: receptions of the longest length a priority vehicle may
// need (a courtesy-car handover is 30 minutes) that an advisor on duty could take under
// every rule, not overlapping one another.

/**
 * True when an ordinary reception [s, e) of `advisor` leaves the express reserve
 * intact. `also`: another slot of the same stay not yet in the index (the stay's
 * reception, when the slot checked is its return), counted as taken too.
 * Trap: a slot near noon can take the other half-day's room too (the buffer caps'
 * windows reach two hours), so every half-day within that reach is checked.
 */
export function reserveIntact(
  index: CapacityIndex,
  day: DayInfo,
  advisor: number,
  s: number,
  e: number,
  now: number,
  also?: AdvisorSlot,
): boolean {
  const cfg = index.dealer.config.express.reservedReceptions;
  const d = derived(index, day);
  const st = d.state;
  const other =
    also && also.start >= day.zone.start && also.start < day.zone.start + day.zone.length ? also : undefined;
  const earliest = Math.max(0, now + index.dealer.config.receptionRules.minNoticeMinutes - day.zone.start);
  for (let half = 0; half < 2; half++) {
    const hs = half === 0 ? 0 : day.noon;
    const he = half === 0 ? day.noon : day.zone.length;
    if (e + 120 <= hs || s - 120 >= he) continue;
    const need = (half === 0 ? cfg.morning : cfg.afternoon) - (st ? st.expressReceptions[half] : 0);
    if (need <= 0) continue;
    // Fast path: the other advisors' room is untouched by this reception.
    const table = roomTable(index, day, d);
    const { room, total: before } = roomByAdvisor(index, table, day, half, earliest, need);
    const others = before - room[advisor] - (other && other.advisor !== advisor ? room[other.advisor] : 0);
    // The slot can only take the room of the advisors it touches: when the others alone
    // still hold what the reserve needs (or all the half-day ever had), nothing is taken.
    if (others >= Math.min(need, before)) continue;
    // Exact: count the room of the advisors concerned with the slot(s) taken — as extra
    // receptions of theirs, without touching the index.
    const mine = [s, e];
    let theirs: number[] = [];
    if (other) {
      const os = other.start - day.zone.start;
      const oe = os + other.minutes;
      if (other.advisor === advisor) mine.push(os, oe);
      else theirs = [os, oe];
      if (mine.length === 4 && mine[2] < mine[0]) mine.push(mine.shift()!, mine.shift()!);
    }
    let total = others + roomWith(index, table, day, half, earliest, advisor, need, mine);
    if (other && other.advisor !== advisor)
      total += roomWith(index, table, day, half, earliest, other.advisor, need, theirs);
    // Broken only when the slot takes room the reserve still needs: a half-day that
    // never had room (closed, or shorter than a reception) holds nothing to take.
    if (total < need && total < Math.min(before, need)) return false;
  }
  return true;
}
