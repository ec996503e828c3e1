import { hourlyCapOk, twoHourCapOk } from "./caps.js";
import type { CapacityIndex } from "./capacity-index.js";
import { GRID, type DayInfo } from "./dealer.js";
import { advisorFreeAt } from "./free.js";

// The express reserve at the desk: until the day's release time, an ordinary reception
// may not take the room the reserved express receptions of its half-day still need.
// "Room" is counted honestly: 15-minute receptions an advisor on duty could take under
// every rule, not overlapping one another.

const PROBE = "\u0000reserve-probe";

/** Room per advisor in one half-day, cached until the index changes. */
interface RoomCache {
  version: number;
  earliest: number;
  room: Int16Array;
}
const caches = new WeakMap<CapacityIndex, Map<number, RoomCache>>();

function advisorRoom(index: CapacityIndex, day: DayInfo, half: number, earliest: number, a: number, cap: number): number {
  const rules = index.dealer.config.receptionRules;
  const hs = half === 0 ? 0 : day.noon;
  const he = half === 0 ? day.noon : day.zone.length;
  const list = index.peek(day.n)?.receptions[a] ?? [];
  const duty = day.duty[a];
  let count = 0;
  for (let r = 0; r < duty.length; r += 2) {
    let s = Math.max(duty[r], hs, earliest);
    s = Math.ceil((s + day.gridPhase) / GRID) * GRID - day.gridPhase;
    for (; s + GRID <= Math.min(duty[r + 1], he); s += GRID) {
      if (!advisorFreeAt(index, day, a, s, s + GRID)) continue;
      if (!hourlyCapOk(list, s, rules.maxPerHour) || !twoHourCapOk(list, s, s + GRID, rules.maxMinutesPer2h)) continue;
      if (++count >= cap) return count;
      s += GRID; // placements must not overlap one another
    }
  }
  return count;
}

function roomByAdvisor(index: CapacityIndex, day: DayInfo, half: number, earliest: number, cap: number): Int16Array {
  let perIndex = caches.get(index);
  if (!perIndex) caches.set(index, (perIndex = new Map()));
  const key = day.n * 2 + half;
  const hit = perIndex.get(key);
  if (hit && hit.version === index.version && hit.earliest === earliest) return hit.room;
  const A = index.dealer.advisors.length;
  const room = new Int16Array(A);
  for (let a = 0; a < A; a++) room[a] = advisorRoom(index, day, half, earliest, a, cap);
  if (perIndex.size > 256) perIndex.clear();
  perIndex.set(key, { version: index.version, earliest, room });
  return room;
}

/** True when an ordinary reception [s, e) of `advisor` leaves the half-day's express reserve intact. */
export function reserveIntact(index: CapacityIndex, day: DayInfo, advisor: number, s: number, e: number, now: number): boolean {
  const half = s < day.noon ? 0 : 1;
  const cfg = index.dealer.config.express.reservedReceptions;
  const st = index.peek(day.n);
  const need = (half === 0 ? cfg.morning : cfg.afternoon) - (st ? st.expressReceptions[half] : 0);
  if (need <= 0) return true;
  const earliest = Math.max(0, now + index.dealer.config.receptionRules.minNoticeMinutes - day.zone.start);
  // Fast path: the other advisors' room is untouched by this reception.
  const room = roomByAdvisor(index, day, half, earliest, need);
  let others = 0;
  for (let a = 0; a < room.length; a++) if (a !== advisor) others += room[a];
  if (others >= need) return true;
  // Exact: place the reception tentatively, count this advisor's room, and take it back.
  // The index ends exactly as it was, so its version (and the room cache) stays valid.
  const version = index.version;
  const dayVersion = st?.version;
  index.add({ id: PROBE, reception: { advisor, start: day.zone.start + s, minutes: e - s }, ret: null, labour: [], readyAt: day.zone.start + e, express: false, mobility: "none" });
  try {
    return others + advisorRoom(index, day, half, earliest, advisor, need) >= need;
  } finally {
    index.remove(PROBE);
    index.version = version;
    if (st) st.version = dayVersion!;
  }
}
