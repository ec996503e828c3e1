import { allSet, anySet } from "./bitset.js";
import type { CapacityIndex } from "./capacity-index.js";
import { isoFromDayNumber } from "./civil.js";
import { GRID, WORDS_PER_DAY, type DayInfo } from "./dealer.js";
import { findReturn } from "./return-slot.js";
import { evaluateReception } from "./rules.js";
import type { DayPart, Job, Option } from "./types.js";

// The two-option search. It walks half-days in time order and keeps, per half-day,
// the best slot by (tier, desk load, start), where tier = day part mismatch (4),
// not quiet (2), preferred advisor unavailable (1). It stops as soon as `count`
// half-days have a tier-0 slot: those are then the best options under "quiet first,
// then earliest, one per half-day", so no later slot can outrank them.

export const MAX_DAYS = 60;

export interface SearchQuery {
  job: Job;
  fromDay: number;
  days: number;
  count: number;
  now: number;
  preferredAdvisor?: number;
  dayPart?: DayPart;
}

export interface Shortfall {
  code: "insufficient_capacity";
  detail: string;
}

export interface SearchResult {
  options: Option[];
  shortfall?: Shortfall;
  /** Days actually covered (more than asked when the search had to widen). */
  days: number;
}

interface Candidate {
  key: number;
  start: number;
  advisor: number;
  day: number;
  quiet: boolean;
}

const TIER_SCALE = 1 << 20;

function advisorOrder(index: CapacityIndex, day: DayInfo, preferred: number): number[] {
  const st = index.peek(day.n);
  const order: number[] = [];
  // Least-loaded advisor first keeps the desk balanced (insertion sort: ≤ a few dozen
  // advisors, and no comparator closure on the hot path); the preferred one before all.
  for (let a = 0; a < index.dealer.advisors.length; a++) {
    if (!day.duty[a].length) continue;
    const load = st ? st.receptions[a].length : 0;
    let i = order.length;
    while (st && i > 0 && st.receptions[order[i - 1]].length > load) i--;
    order.splice(i, 0, a);
  }
  const p = order.indexOf(preferred);
  if (p > 0) {
    order.splice(p, 1);
    order.unshift(preferred);
  }
  return order;
}

function overlapsAny(ranges: number[], s: number, e: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (s < ranges[i + 1] && e > ranges[i]) return true;
  return false;
}

/**
 * Best slot of each half-day of `day`, appended to `out`. With `every` set it appends
 * every feasible slot instead (used only to fill a short result).
 */
function scanDay(index: CapacityIndex, q: SearchQuery, day: DayInfo, out: Candidate[], every: boolean): void {
  const minutes = q.job.receptionMinutes;
  const st = index.peek(day.n);
  const order = advisorOrder(index, day, q.preferredAdvisor ?? -1);
  if (order.length === 0) return;
  const quietLimit = Math.max(1, Math.ceil(index.dealer.config.receptionRules.quietMaxDeskShare * order.length));
  const earliest = q.now + index.dealer.config.receptionRules.minNoticeMinutes - day.zone.start;
  for (let half = 0; half < 2; half++) {
    let best: Candidate | null = null;
    const partMiss = q.dayPart !== undefined && (q.dayPart === "morning") !== (half === 0) ? 4 : 0;
    ranges: for (let r = 0; r < day.open.length; r += 2) {
      let lo = Math.max(day.open[r], earliest, half === 1 ? day.noon : -Infinity);
      const hiStart = Math.min(day.open[r + 1] - minutes, half === 0 ? day.noon - 1 : Infinity);
      lo = Math.ceil((lo + day.gridPhase) / GRID) * GRID - day.gridPhase;
      for (let s = lo; s <= hiStart; s += GRID) {
        const e = s + minutes;
        let load = 0;
        if (st) for (let g = Math.floor(s / GRID), last = Math.ceil(e / GRID); g < last; g++) if (st.desk[g] > load) load = st.desk[g];
        const quiet = load < quietLimit && !overlapsAny(day.rush, s, e);
        const rank = (partMiss + (quiet ? 0 : 2)) * TIER_SCALE + load * 2048;
        // Slots come in time order, so a slot whose tier and load are no better than the best's cannot win.
        if (!every && best && rank >= best.key - (best.key & 2047)) continue;
        for (let i = 0; i < order.length; i++) {
          const a = order[i];
          const base = a * WORDS_PER_DAY;
          if (!allSet(day.available, base, s, e) || (st && anySet(st.busy, base, s, e))) continue;
          const r = evaluateReception(index, { advisor: a, start: day.zone.start + s, minutes, job: q.job, now: q.now }, null);
          if (typeof r === "string") {
            // The workshop and the clock do not depend on the advisor: no one else will pass.
            if (r === "workshop_full" || r === "in_the_past" || r === "beyond_horizon") break;
            continue;
          }
          const miss = q.preferredAdvisor !== undefined && a !== q.preferredAdvisor ? TIER_SCALE : 0;
          const c: Candidate = { key: rank + miss + s, start: day.zone.start + s, advisor: a, day: day.n, quiet };
          if (every) out.push(c);
          else if (!best || c.key < best.key) best = c;
          break;
        }
        // Tier 0 at zero load is unbeatable: nothing later in this half-day can outrank it.
        if (!every && best && best.key < 2048) break ranges;
      }
    }
    if (best) out.push(best);
  }
}

function toOption(index: CapacityIndex, q: SearchQuery, c: Candidate): Option | null {
  const plan = evaluateReception(index, { advisor: c.advisor, start: c.start, minutes: q.job.receptionMinutes, job: q.job, now: q.now }, null);
  if (typeof plan === "string") return null;
  const ret = findReturn(index, c.advisor, plan.readyAt, q.job.returnMinutes);
  return {
    reception: { advisor: c.advisor, start: c.start, minutes: q.job.receptionMinutes },
    ret,
    readyAt: plan.readyAt,
    labour: plan.labour,
    quiet: c.quiet,
    express: false,
    mobility: q.job.mobility,
  };
}

const byKeyThenStart = (a: Candidate, b: Candidate) => (a.key >> 20) - (b.key >> 20) || a.start - b.start;

function collect(index: CapacityIndex, q: SearchQuery, days: number, every: boolean): Candidate[] {
  const out: Candidate[] = [];
  let tierZero = 0;
  for (let n = q.fromDay; n < q.fromDay + days; n++) {
    const day = index.dealer.day(n);
    if (day.open.length === 0) continue;
    const before = out.length;
    scanDay(index, q, day, out, every);
    if (every) continue;
    for (let i = before; i < out.length; i++) if (out[i].key < TIER_SCALE) tierZero++;
    if (tierZero >= q.count) break;
  }
  return out;
}

/**
 * Proposes at least `count` reception options, quiet first, then earliest, one per
 * half-day while other half-days have room. Widens to MAX_DAYS when the horizon has
 * fewer than `count`, and reports a shortfall when even that is not enough.
 */
export function searchAvailability(index: CapacityIndex, q: SearchQuery): SearchResult {
  let days = Math.min(q.days, MAX_DAYS);
  let picked = collect(index, q, days, false).sort(byKeyThenStart).slice(0, q.count);
  if (picked.length < q.count && days < MAX_DAYS) {
    days = MAX_DAYS;
    picked = collect(index, q, days, false).sort(byKeyThenStart).slice(0, q.count);
  }
  if (picked.length < q.count) {
    // Fewer half-days than options wanted: offer more than one slot per half-day.
    const taken = new Set(picked.map((c) => c.start * 1000 + c.advisor));
    const rest = collect(index, q, days, true).filter((c) => !taken.has(c.start * 1000 + c.advisor)).sort(byKeyThenStart);
    const seen = new Set(picked.map((c) => c.start));
    for (const c of rest) {
      if (picked.length >= q.count) break;
      if (seen.has(c.start)) continue; // one advisor per time: the same time twice is no choice
      seen.add(c.start);
      picked.push(c);
    }
    picked.sort(byKeyThenStart);
  }
  const options: Option[] = [];
  for (const c of picked) {
    const o = toOption(index, q, c);
    if (o) options.push(o);
  }
  const result: SearchResult = { options, days };
  if (options.length < q.count) {
    result.shortfall = {
      code: "insufficient_capacity",
      detail: `only ${options.length} of ${q.count} options between ${isoFromDayNumber(q.fromDay)} and ${isoFromDayNumber(q.fromDay + days - 1)}`,
    };
  }
  return result;
}
