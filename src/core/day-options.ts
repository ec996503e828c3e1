import type { CapacityIndex } from "./capacity-index.js";
import { type Dealer, GRID } from "./dealer.js";
import { expressOption } from "./express.js";
import { movedExpress } from "./cap-override.js";
import { overlaps } from "./ranges.js";
import { mobilityOffered } from "./mobility.js";
import { type Candidate, EVERY, PROBE, scanDayEither, type SearchQuery, toOption } from "./search.js";
import type { DayPart, Job, Option } from "./types.js";

// The widget's two questions, answered by the search's own scan (search.ts), so that what
// the calendar marks, what the day list shows and what the search proposes cannot differ:
//   - calendar: per local day, is there a start at all, a quiet one, and the first one;
//   - day list: every bookable start of one day, one option each (the first advisor of
//     the search's order that can take it), in time order.
// The calendar probes a day only until it has the first start and a quiet one; it never
// builds options (no return search for a start it does not show).

export interface DayQuery {
  job: Job;
  now: number;
  preferredAdvisor?: number;
  /** Only starts in that half of the day. */
  dayPart?: DayPart;
  priority?: boolean;
  /** A priority vehicle's other mobility (search.ts SearchQuery.alt): a start where `job`'s is not free carries it. */
  alt?: Job;
  /**
   * The starts a stored appointment may move to (the customer's page): each checked as its
   * move checks it, an express appointment's as an express stay, and no separate express
   * option (a move never goes past the buffer caps). The appointment must be off the index.
   */
  move?: { express: boolean };
}

export interface CalendarDay {
  day: number;
  bookable: boolean;
  quiet: boolean;
  /** Epoch minute of the first start, or null. */
  first: number | null;
}

/** The largest calendar one request may ask for. */
export const MAX_CALENDAR_DAYS = 62;

/** The last day bookings open on at `now` (the dealer's horizon): later days are never bookable. */
export function lastBookableDay(dealer: Dealer, now: number): number {
  return dealer.dayOf(now + dealer.config.receptionRules.maxHorizonDays * 1440);
}

/**
 * Whether day `n` can hold any start at all (not before today, not past the horizon).
 * Checked before the day's tables are built: a crawler asking for the year 9000 must not
 * fill the dealer's per-day cache.
 */
function inReach(index: CapacityIndex, q: DayQuery, n: number): boolean {
  return n >= index.dealer.dayOf(q.now) && n <= lastBookableDay(index.dealer, q.now);
}

const halvesOf = (part: DayPart | undefined) => (part === undefined ? 0b11 : part === "morning" ? 0b01 : 0b10);

function searchQuery(index: CapacityIndex, q: DayQuery, day: number): SearchQuery {
  return {
    job: q.job,
    now: q.now,
    fromDay: day,
    days: 1,
    count: 1,
    preferredAdvisor: q.preferredAdvisor,
    priority: q.priority,
    alt: q.alt,
    // An express appointment's move is express only inside the express window (cap-override.ts).
    express: movedExpress(index, q.move?.express === true, index.dealer.day(day).zone.start, q.now),
  };
}

/**
 * A priority vehicle's guaranteed express option (search.ts ranks it first; within one
 * working day of now), when it falls in the asked half: the calendar and the day list show it too.
 */
function expressFor(index: CapacityIndex, q: DayQuery): Option | null {
  if (!q.priority || q.move) return null;
  const x = expressOption(index, { job: q.job, now: q.now, alt: q.alt });
  if (!x) return null;
  if (q.alt) x.mobilityPinned = true;
  return halvesOf(q.dayPart) & (1 << index.halfOf(x.reception.start).half) ? x : null;
}

export function calendarDays(index: CapacityIndex, q: DayQuery, fromDay: number, days: number): CalendarDay[] {
  const out: CalendarDay[] = [];
  const offered = mobilityOffered(index.dealer.config, q.job.mobility);
  const x = offered ? expressFor(index, q) : null;
  const xDay = x ? index.dealer.dayOf(x.reception.start) : -1;
  const found: Candidate[] = [];
  for (let n = fromDay; n < fromDay + Math.min(days, MAX_CALENDAR_DAYS); n++) {
    if (!inReach(index, q, n)) {
      out.push({ day: n, bookable: false, quiet: false, first: null });
      continue;
    }
    const day = index.dealer.day(n);
    found.length = 0;
    if (offered && day.open.length)
      scanDayEither(index, searchQuery(index, q, n), day, found, PROBE, halvesOf(q.dayPart));
    let first = found.length ? found[0].start : null;
    if (x && n === xDay) first = first === null ? x.reception.start : Math.min(first, x.reception.start);
    out.push({ day: n, bookable: first !== null, quiet: found.some((c) => c.quiet), first });
  }
  return out;
}

/** Every bookable start of `day`, one full option each, in time order. */
export function dayOptions(index: CapacityIndex, q: DayQuery, day: number): Option[] {
  if (!inReach(index, q, day)) return [];
  const info = index.dealer.day(day);
  if (!info.open.length || !mobilityOffered(index.dealer.config, q.job.mobility)) return [];
  const sq = searchQuery(index, q, day);
  const found: Candidate[] = [];
  scanDayEither(index, sq, info, found, EVERY, halvesOf(q.dayPart));
  const options: Option[] = [];
  for (const c of found) {
    const o = toOption(index, sq, c);
    if (o) options.push(o);
  }
  const x = expressFor(index, q);
  // One option per start: the ordinary one, inside every rule, wins over the express one.
  if (
    x &&
    index.dealer.dayOf(x.reception.start) === day &&
    !options.some((o) => o.reception.start === x.reception.start)
  ) {
    let i = 0;
    while (i < options.length && options[i].reception.start < x.reception.start) i++;
    options.splice(i, 0, x);
  }
  return options;
}

/** Whether a reception at `start` would be quiet now, as the search judges it (outside rush hours, desk under its quiet share). */
export function quietAt(index: CapacityIndex, start: number, minutes: number): boolean {
  const dealer = index.dealer;
  const day = dealer.day(dealer.dayOf(start));
  let onDuty = 0;
  for (let a = 0; a < dealer.advisors.length; a++) if (day.duty[a].length) onDuty++;
  const limit = Math.max(1, Math.ceil(dealer.config.receptionRules.quietMaxDeskShare * onDuty));
  const s = start - day.zone.start;
  const e = s + minutes;
  const st = index.peek(day.n);
  let load = 0;
  if (st)
    for (let k = Math.floor(s / GRID), last = Math.ceil(e / GRID); k < last; k++)
      if (st.desk[k] > load) load = st.desk[k];
  return load < limit && !overlaps(day.rush, s, e);
}
