import type { CapacityIndex } from "./capacity-index.js";
import { overlaps } from "./ranges.js";
import { isoFromDayNumber } from "./civil.js";
import { GRID, gridUp, type DayInfo } from "./dealer.js";
import { SLOTS_PER_DAY, slotMask } from "./slot-mask.js";
import { derived } from "./derived.js";
import { expressOption } from "./express.js";
import { mobilityOffered, mobilityPrecheck } from "./mobility.js";
import { evaluateReception } from "./rules.js";
import { evaluateStay, type Stay, type StayRequest } from "./stay.js";
import { labourStartBound, latestStartAfter, planLabour, workCounters } from "./workshop.js";
import type { LabourPlan } from "./types.js";
import type { DayPart, Job, Mobility, Option } from "./types.js";

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
  /** A priority vehicle: one option within one working day is guaranteed, ranked first. */
  priority?: boolean;
  /**
   * Check every start as an express stay (the express reserve is its own, its labour not
   * bound by the slack): a stored express appointment's move, as moveAppointment checks it.
   */
  express?: boolean;
  /**
   * A priority vehicle's other mobility (scheduler/priority.ts resolveMobility): `job` with the other
   * of courtesy car and pickup & delivery. A half-day with no start for `job`'s mobility is
   * scanned with this job instead, and its option carries that mobility; the express
   * option likewise. Trap: its receptionMinutes may differ (a courtesy car's handover).
   * Never set for other vehicles: their searches pay nothing for it.
   */
  alt?: Job;
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

export interface Candidate {
  key: number;
  start: number;
  advisor: number;
  day: number;
  quiet: boolean;
  /** The checked stay, when the scan already evaluated it. */
  stay?: Stay;
  /** The reception's labour plan, when the scan evaluated the reception alone. */
  plan?: LabourPlan;
  /** Found with the query's `alt` job (its mobility), not its `job`. */
  alt?: true;
}

const TIER_SCALE = 1 << 20;
/** Mobility whose availability depends on the stay (and so on the return). */
const STATEFUL = new Set<Mobility>(["courtesy_car", "pickup_delivery", "shuttle"]);

function advisorOrder(index: CapacityIndex, day: DayInfo, preferred: number): number[] {
  const d = derived(index, day);
  let order = d.order;
  if (!order) {
    const st = d.state;
    order = [];
    // Least-loaded advisor first keeps the desk balanced (insertion sort: ≤ a few dozen
    // advisors, and no comparator closure on the hot path).
    for (let a = 0; a < index.dealer.advisors.length; a++) {
      if (!day.duty[a].length) continue;
      const load = st ? st.receptions[a].length : 0;
      let i = order.length;
      while (st && i > 0 && st.receptions[order[i - 1]].length > load) i--;
      order.splice(i, 0, a);
    }
    d.order = order;
  }
  // The preferred advisor before all (on a copy: the cached order is shared).
  const p = order.indexOf(preferred);
  if (p <= 0) return order;
  const mine = order.slice();
  mine.splice(p, 1);
  mine.unshift(preferred);
  return mine;
}

/** What a scan collects: the best slot per half-day, every feasible start, or a day's probe. */
export const BEST = 0;
export const EVERY = 1;
/** The calendar's question: the day's first feasible start, then its first quiet one (day-options.ts). */
export const PROBE = 2;
type Mode = typeof BEST | typeof EVERY | typeof PROBE;

/**
 * Best slot of one half-day of `day` (or, with EVERY, every feasible start appended to
 * `out`, with its first advisor in `order`; with PROBE, the day's first feasible start
 * and its first quiet one). Returns "stop" when nothing later in the day can pass
 * (workshop full) or, with PROBE, once a quiet start is found.
 */
function scanHalf(
  index: CapacityIndex,
  q: SearchQuery,
  day: DayInfo,
  half: number,
  order: number[],
  mode: Mode,
  stateful: boolean,
  out: Candidate[],
): Candidate | null | "stop" {
  const every = mode !== BEST;
  const minutes = q.job.receptionMinutes;
  const st = index.peek(day.n);
  const quietLimit = Math.max(1, Math.ceil(index.dealer.config.receptionRules.quietMaxDeskShare * order.length));
  const earliest = q.now + index.dealer.config.receptionRules.minNoticeMinutes - day.zone.start;
  const partMiss = q.dayPart !== undefined && (q.dayPart === "morning") !== (half === 0) ? 4 : 0;
  const mask = slotMask(index, day, minutes);
  const anyRow = index.dealer.advisors.length * SLOTS_PER_DAY;
  // Counted kinds (runs, seats) were prechecked for the whole half-day by scanDay.
  const carCheck = stateful && q.job.mobility === "courtesy_car";
  let best: Candidate | null = null;
  // One request object for every candidate of the half-day (the checks read it, never keep it).
  const req: StayRequest = {
    advisor: 0,
    start: 0,
    minutes,
    job: q.job,
    now: q.now,
    priority: q.priority,
    express: q.express,
    desk: true,
  };
  for (let r = 0; r < day.open.length; r += 2) {
    let lo = Math.max(day.open[r], earliest, half === 1 ? day.noon : -Infinity);
    const hiStart = Math.min(day.open[r + 1] - minutes, half === 0 ? day.noon - 1 : Infinity);
    lo = gridUp(day, lo);
    for (let s = lo; s <= hiStart; s += GRID) {
      const g = (s + day.gridPhase) / GRID;
      if (mask[anyRow + g] === 0) continue;
      const e = s + minutes;
      let load = 0;
      if (st)
        for (let k = Math.floor(s / GRID), last = Math.ceil(e / GRID); k < last; k++)
          if (st.desk[k] > load) load = st.desk[k];
      const quiet = load < quietLimit && !overlaps(day.rush, s, e);
      const rank = (partMiss + (quiet ? 0 : 2)) * TIER_SCALE + load * 2048;
      // Slots come in time order, so a slot whose tier and load are no better than the best's cannot win.
      if (!every && best && rank >= best.key - (best.key & 2047)) continue;
      // A probe that already has the day's first start only looks for a quiet one.
      if (mode === PROBE && !quiet && out.length > 0 && out[out.length - 1].day === day.n) continue;
      for (let i = 0; i < order.length; i++) {
        const a = order[i];
        if (mask[a * SLOTS_PER_DAY + g] === 0) continue;
        req.advisor = a;
        req.start = day.zone.start + s;
        // The car (or pickup run) must at least be free during the reception itself:
        // when the fleet is out, skip the slot before the full check.
        if (carCheck && mobilityPrecheck(index, q.job.mobility, req, req.start + minutes, q.priority === true)) break;
        workCounters.candidates++;
        const res = stateful ? evaluateStay(index, req, null, null) : evaluateReception(index, req, null);
        if (typeof res === "string") {
          // The workshop only fills up as the reception ends later in the day, and the
          // horizon only recedes: nothing later today can pass.
          if (res === "workshop_full" || res === "beyond_horizon") return best ?? "stop";
          // The clock and the mobility stock do not depend on the advisor.
          if (res === "in_the_past" || res === "mobility_unavailable") break;
          continue;
        }
        const miss = q.preferredAdvisor !== undefined && a !== q.preferredAdvisor ? TIER_SCALE : 0;
        const c: Candidate = { key: rank + miss + s, start: day.zone.start + s, advisor: a, day: day.n, quiet };
        if (stateful) c.stay = res as Stay;
        else c.plan = res as LabourPlan;
        if (every) out.push(c);
        else if (!best || c.key < best.key) best = c;
        if (mode === PROBE && quiet) return "stop";
        break;
      }
      // Tier 0 at zero load is unbeatable: nothing later in this half-day can outrank it.
      if (!every && best && best.key < 2048) return best;
    }
  }
  return best;
}

/**
 * Best slot of each half-day of `day`, appended to `out` (EVERY, PROBE: see scanHalf).
 * Mobility that depends on the stay (a courtesy car out until the return) costs
 * a return search per slot, so the scan first ranks on the desk and workshop alone and
 * checks the mobility of the winner; only when that fails does it rescan with it.
 * `halves`: the half-days to scan (bit 0 morning, bit 1 afternoon). `gate`: shared by
 * the days of one scan in time order (see the workshop gate below).
 */
export function scanDay(
  index: CapacityIndex,
  q: SearchQuery,
  day: DayInfo,
  out: Candidate[],
  mode: Mode,
  halves = 0b11,
  gate: { bound: number } = { bound: -Infinity },
): void {
  const every = mode !== BEST;
  // Driver runs and shuttle seats are counted per half-day: a full pickup half-day has
  // no slot for this job at all (the cheapest test, so it comes first).
  const perHalf = q.job.mobility === "pickup_delivery" || q.job.mobility === "shuttle";
  if (perHalf) {
    for (let half = 0; half < 2; half++) {
      const probe = {
        advisor: 0,
        start: day.zone.start + (half === 0 ? 0 : day.noon),
        minutes: q.job.receptionMinutes,
      };
      if (mobilityPrecheck(index, q.job.mobility, probe, probe.start, q.priority === true)) halves &= ~(1 << half);
    }
    if (halves === 0) return;
  }
  // Workshop gate: a job that cannot be placed even for the day's earliest reception
  // cannot be placed for any later one (placement only gets harder as the day goes on).
  // `gate.bound`: no labour of this job starts before it (labourStartBound), so a day
  // whose slack ends by then is skipped without planning (a packed workshop). An express
  // stay is bound by no slack and may use the reserve: no gate for it.
  if (q.job.labour.length && !q.express) {
    // On the grid, as the slots are: the first slot's plan is then this very one (planLabour's memo).
    const earliest = gridUp(
      day,
      Math.max(day.open[0], q.now + index.dealer.config.receptionRules.minNoticeMinutes - day.zone.start),
    );
    if (earliest >= day.open[day.open.length - 1]) return;
    if (gate.bound >= latestStartAfter(index, day.n)) return;
    const end = day.zone.start + earliest + q.job.receptionMinutes;
    if (!planLabour(index, q.job, end, q.now, false)) {
      gate.bound = labourStartBound(index, q.job, end);
      return;
    }
  }
  const order = advisorOrder(index, day, q.preferredAdvisor ?? -1);
  if (order.length === 0) return;
  const stateful = STATEFUL.has(q.job.mobility);
  for (let half = 0; half < 2; half++) {
    if ((halves & (1 << half)) === 0) continue;
    if (every) {
      if (scanHalf(index, q, day, half, order, mode, stateful, out) === "stop") return;
      continue;
    }
    // A counted kind (driver runs, shuttle seats) fails on the return's half-day often
    // enough that ranking first and checking the winner would mostly rescan: check stays at once.
    let best = scanHalf(index, q, day, half, order, BEST, perHalf, out);
    if (best === "stop") return;
    if (best && stateful && !perHalf) {
      const stay = evaluateStay(
        index,
        {
          advisor: best.advisor,
          start: best.start,
          minutes: q.job.receptionMinutes,
          job: q.job,
          now: q.now,
          priority: q.priority,
          express: q.express,
        },
        null,
        null,
        best.plan,
      );
      if (typeof stay !== "string") best.stay = stay;
      else {
        best = scanHalf(index, q, day, half, order, BEST, true, out);
        if (best === "stop") return;
      }
    }
    if (best) out.push(best);
  }
}

export function toOption(index: CapacityIndex, q: SearchQuery, c: Candidate): Option | null {
  const start = c.start;
  const job = c.alt && q.alt ? q.alt : q.job;
  const r =
    c.stay ??
    evaluateStay(
      index,
      {
        advisor: c.advisor,
        start,
        minutes: job.receptionMinutes,
        job,
        now: q.now,
        priority: q.priority,
        express: q.express,
      },
      null,
      null,
      c.plan,
    );
  if (typeof r === "string") return null;
  const o: Option = {
    reception: { advisor: c.advisor, start, minutes: job.receptionMinutes },
    ret: r.ret,
    readyAt: r.plan.readyAt,
    labour: r.plan.labour,
    quiet: c.quiet,
    express: q.express === true,
    mobility: job.mobility,
  };
  // Only a search with a choice of mobility pins it (an ordinary option keeps its shape and optionId).
  if (q.alt) o.mobilityPinned = true;
  return o;
}

/**
 * scanDay, and for a priority vehicle with a second mobility (`q.alt`), that mobility where
 * the first has nothing: with BEST, the half-days where `job` found no start are scanned
 * again with `alt`; with EVERY and PROBE (the day list, the calendar), every start of
 * either, `job`'s winning a start both can take, in time order. So each start carries the
 * requested kind when it is free there, else the other. `altGate`: the alt scans' own
 * workshop gate (a different reception length plans differently).
 */
export function scanDayEither(
  index: CapacityIndex,
  q: SearchQuery,
  day: DayInfo,
  out: Candidate[],
  mode: Mode,
  halves = 0b11,
  gate: { bound: number } = { bound: -Infinity },
  altGate: { bound: number } = { bound: -Infinity },
): void {
  const before = out.length;
  scanDay(index, q, day, out, mode, halves, gate);
  if (!q.alt) return;
  if (mode === BEST) {
    let missing = halves;
    for (let i = before; i < out.length; i++) missing &= ~(out[i].start - day.zone.start < day.noon ? 1 : 2);
    // The common case (the asked kind free somewhere in each half-day) costs nothing more.
    if (missing === 0) return;
    const altQ: SearchQuery = { ...q, job: q.alt, alt: undefined };
    const from = out.length;
    scanDay(index, altQ, day, out, BEST, missing, altGate);
    for (let i = from; i < out.length; i++) out[i].alt = true;
    return;
  }
  const other: Candidate[] = [];
  scanDay(index, { ...q, job: q.alt, alt: undefined }, day, other, mode, halves, altGate);
  if (other.length === 0) return;
  const taken = new Set<number>();
  for (let i = before; i < out.length; i++) taken.add(out[i].start);
  for (const c of other) {
    if (taken.has(c.start)) continue;
    c.alt = true;
    out.push(c);
  }
  const mine = out.splice(before).sort((a, b) => a.start - b.start);
  for (const c of mine) out.push(c);
}

const byKeyThenStart = (a: Candidate, b: Candidate) => (a.key >> 20) - (b.key >> 20) || a.start - b.start;

/**
 * Sorts by byKeyThenStart, stably (so exactly as Array#sort does). The search usually
 * holds a handful of candidates, for which an insertion sort costs less than Array#sort's setup.
 */
function sortCandidates(cs: Candidate[]): Candidate[] {
  if (cs.length > 16) return cs.sort(byKeyThenStart);
  for (let i = 1; i < cs.length; i++) {
    const c = cs[i];
    let j = i;
    for (; j > 0 && byKeyThenStart(cs[j - 1], c) > 0; j--) cs[j] = cs[j - 1];
    cs[j] = c;
  }
  return cs;
}

/** Scans days [from, to) into `out`; returns the running count of tier-0 half-days, stopping at `count`. */
function collect(
  index: CapacityIndex,
  q: SearchQuery,
  from: number,
  to: number,
  every: boolean,
  out: Candidate[],
  tierZero: number,
): number {
  const gate = { bound: -Infinity };
  const altGate = { bound: -Infinity };
  for (let n = from; n < to; n++) {
    const day = index.dealer.day(n);
    if (day.open.length === 0) continue;
    const before = out.length;
    if (q.alt) scanDayEither(index, q, day, out, every ? EVERY : BEST, 0b11, gate, altGate);
    else scanDay(index, q, day, out, every ? EVERY : BEST, 0b11, gate);
    if (every) continue;
    for (let i = before; i < out.length; i++) if (out[i].key < TIER_SCALE) tierZero++;
    if (tierZero >= q.count) break;
  }
  return tierZero;
}

/**
 * Proposes at least `count` reception options, quiet first, then earliest, one per
 * half-day while other half-days have room. Widens to MAX_DAYS when the horizon has
 * fewer than `count`, and reports a shortfall when even that is not enough. (The verb
 * behind the availability route is scheduler/search.ts's searchAvailabilityJson, which calls this.)
 */
export function searchIndex(index: CapacityIndex, q: SearchQuery): SearchResult {
  if (!mobilityOffered(index.dealer.config, q.job.mobility)) {
    return {
      options: [],
      days: q.days,
      shortfall: { code: "insufficient_capacity", detail: `this dealer does not offer ${q.job.mobility}` },
    };
  }
  let days = Math.min(q.days, MAX_DAYS);
  const found: Candidate[] = [];
  const tierZero = collect(index, q, q.fromDay, q.fromDay + days, false, found, 0);
  if (found.length < q.count && days < MAX_DAYS) {
    // Widen: carry on from where the horizon ended rather than scanning it again.
    collect(index, q, q.fromDay + days, q.fromDay + MAX_DAYS, false, found, tierZero);
    days = MAX_DAYS;
  }
  const picked = sortCandidates(found);
  if (picked.length > q.count) picked.length = q.count;
  if (picked.length < q.count) {
    // Fewer half-days than options wanted: offer more than one slot per half-day.
    const taken = new Set(picked.map((c) => c.start * 1000 + c.advisor));
    const all: Candidate[] = [];
    collect(index, q, q.fromDay, q.fromDay + days, true, all, 0);
    const rest = all.filter((c) => !taken.has(c.start * 1000 + c.advisor)).sort(byKeyThenStart);
    const seen = new Set(picked.map((c) => c.start));
    for (const c of rest) {
      if (picked.length >= q.count) break;
      if (seen.has(c.start)) continue; // one advisor per time: the same time twice is no choice
      seen.add(c.start);
      picked.push(c);
    }
    sortCandidates(picked);
  }
  const options: Option[] = [];
  if (q.priority) {
    // The guarantee: an express option within one working day, ranked first.
    const x = expressOption(index, q);
    if (x) {
      if (q.alt) x.mobilityPinned = true;
      options.push(x);
    }
  }
  for (const c of picked) {
    if (options.length >= q.count) break;
    if (options.length && options[0].reception.start === c.start && options[0].reception.advisor === c.advisor)
      continue;
    const o = toOption(index, q, c);
    if (o) options.push(o);
  }
  const result: SearchResult = { options, days };
  if (options.length < q.count) {
    // Named up to where bookings open (maxHorizonDays), not past it: a window to a date
    // nobody can book read as if the dealer were full until then.
    const rules = index.dealer.config.receptionRules;
    const lastOpen = index.dealer.dayOf(q.now + rules.maxHorizonDays * 1440);
    const last = Math.min(q.fromDay + days - 1, lastOpen);
    const ahead = `bookings open at most ${rules.maxHorizonDays} day${rules.maxHorizonDays === 1 ? "" : "s"} ahead`;
    result.shortfall = {
      code: "insufficient_capacity",
      detail:
        q.fromDay > lastOpen
          ? `nothing from ${isoFromDayNumber(q.fromDay)} can be booked yet: ${ahead}, until ${isoFromDayNumber(lastOpen)}`
          : `only ${options.length} of ${q.count} options between ${isoFromDayNumber(q.fromDay)} and ${isoFromDayNumber(last)}${last < q.fromDay + days - 1 ? ` (${ahead})` : ""}`,
    };
  }
  return result;
}
