import { Temporal } from "@js-temporal/polyfill";
import type { DealerConfig } from "../../src/core/dealer-config.js";
import type { Booking, Mobility, RuleCode } from "../../src/core/types.js";

// A deliberately SIMPLE, independent brute-force reference for the scheduling core.
//
// What it does NOT use from src/core: no compileDealer, no CapacityIndex, no bitsets,
// no caps.ts, no zone.ts/civil.ts, no planLabour, no caches. It imports only *types*.
// Every zone question is put to Temporal directly (the UTC offset in force at an epoch
// minute, remembered up to Temporal's next reported transition; local midnights and
// wall times of a date); every rule is checked minute by minute, and every window rule
// is a plain loop over all window positions. It is slow on purpose and fast enough for
// tests: ~20 ms for a week of one dealer.
//
// Public API (stable; bench/ imports referenceFeasibleSlots):
//   referenceFeasibleSlots(config, bookings, { interventions, known, mobility, fromDate, days, nowEpochMinute })
//     → Array<{ advisorId, start }>      every bookable (advisor, local quarter hour)
//   referenceViolations(config, bookings, request) → Set<RuleCode>   (empty = bookable)
//   referenceStay / referenceReadyAt / referencePlan / referenceJob / referenceQuiet / referenceHalfDay
//
// Rule definitions it implements (the spec, not the engine's data structures):
//   invalid_length          reception length ∉ {15, 30}
//   in_the_past             start < now + minNoticeMinutes
//   beyond_horizon          start > now + maxHorizonDays days
//   off_grid                the local wall minute of the start is not a quarter hour
//   closed                  the start's local date is a closure or its weekday has no hours
//   outside_opening_hours   some minute of [start, end) is not on the start's local date
//                           or its local wall time lies in no opening range (ranges are
//                           a UNION: two touching ranges are one continuous opening)
//   advisor_off_duty        every minute is open, but some minute is outside the
//                           advisor's own working hours (when the advisor has them)
//   advisor_absent          some minute lies inside one of the advisor's absences
//   advisor_busy            some minute is taken by a reception or return of the advisor
//   hourly_cap              for some t with t ≤ start < t+60 (t minute by minute), the
//                           advisor's reception starts in [t, t+60), the new one
//                           included, exceed maxPerHour
//   two_hour_cap            for some t whose window [t, t+120) overlaps the new
//                           reception, the advisor's reception minutes overlapping the
//                           window, the new one included, exceed maxMinutesPer2h
//   express_reserve         (ordinary customers, before the day's release time) once the
//                           new reception is placed, fewer non-overlapping 15-minute
//                           receptions remain possible in its half-day (any advisor on
//                           duty, present, free, within the caps, not before now + notice)
//                           than the half-day's reserved express receptions still
//                           unused. Like the engine, reported only when no other desk
//                           rule is broken (it is "the last desk rule").
//   workshop_full           the labour model below cannot place the job
//   mobility_not_offered    (only when the reception itself is bookable) the dealer does
//   mobility_unavailable    not offer the mobility / has none left for the whole stay:
//                           at every instant of [reception start, return end) (or ready
//                           time without a return), the courtesy cars out plus the held
//                           cars (min(heldCourtesyCars, courtesyCars − 1)) not already out
//                           with an express booking stay below courtesyCars; pickup
//                           & delivery runs and shuttle seats are counted per half-day
//                           (the reception's and the return's).
//
// The return appointment of a stay (needed by the mobility rules): the first local quarter
// hour at or after the ready time, inside opening hours, with the reception's advisor if
// free then, otherwise the first other advisor (in configuration order) free then.
//
// The reference models ORDINARY customers only (no priority / express requests, no
// advisor override); express bookings may exist in the calendar and are honoured.
//
// Labour / ready time: a straightforward RE-IMPLEMENTATION (not a call) of the model
// documented in src/core/workshop.ts: per skill, one block on one technician's timeline
// (a roster, or the original form's identical technicians working a window from the first
// opening, at least hoursPerDay long, at hoursPerDay productive hours), starting at
// reception end + handover, walked minute by minute, never over another job of theirs;
// the technician who finishes first wins (roster order on ties). A block that would
// overfill a day's skill hours restarts at the first minute that leaves no more than the
// day's free minutes on it. The car is ready at the end + quality check, rounded up to
// the next local quarter hour.
// Before a day's release time (express.releaseTime on the previous open day), ordinary
// jobs cannot use that day's reserved workshop minutes not yet used by express jobs.
// The duration model (reception / return / labour per skill) is re-implemented too.

export interface ReferenceRequest {
  advisorId: string;
  startEpochMinute: number;
  minutes: number;
  interventions: string[];
  known: boolean;
  mobility: Mobility;
  nowEpochMinute: number;
}

export interface ReferenceQuery {
  interventions: string[];
  known: boolean;
  mobility: Mobility;
  fromDate: string;
  days: number;
  nowEpochMinute: number;
}

export interface ReferenceJob {
  receptionMinutes: number;
  returnMinutes: number;
  /** Labour minutes per skill name. */
  labour: Map<string, number>;
}

export interface ReferencePlan {
  readyAt: number;
  /** Labour minutes per (skill name, local date). */
  labour: Array<{ skill: string; date: string; minutes: number; tech?: number; start?: number; end?: number }>;
}

const MAX_CALENDAR_DAYS = 45;
const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

// ---------------------------------------------------------------- local time

export interface LocalReading {
  date: string;
  /** Wall minute of the day, 0–1439. */
  minute: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** UTC offset in minutes. */
  offset: number;
}

// The UTC offset is constant between two of the zone's transitions, so each Temporal
// answer is remembered for the whole span between the transitions Temporal reports
// around the instant asked. That is the definition of a transition, not a model of the
// zone: Temporal still answers every zone question (the offset, and where the offset
// changes); nothing is derived from day lengths or wall-clock mapping as src/core/zone.ts does.
const spans = new Map<string, Array<{ from: number; to: number; offset: number }>>();

function offsetOf(tz: string, epochMinute: number): number {
  return Math.round(
    Temporal.Instant.fromEpochMilliseconds(epochMinute * 60_000).toZonedDateTimeISO(tz).offsetNanoseconds /
      60_000_000_000,
  );
}

function offsetAt(tz: string, epochMinute: number): number {
  let list = spans.get(tz);
  if (!list) spans.set(tz, (list = []));
  for (const sp of list) if (sp.from <= epochMinute && epochMinute < sp.to) return sp.offset;
  const z = Temporal.Instant.fromEpochMilliseconds(epochMinute * 60_000).toZonedDateTimeISO(tz);
  const offset = Math.round(z.offsetNanoseconds / 60_000_000_000);
  const next = z.getTimeZoneTransition("next");
  const prev = z.getTimeZoneTransition("previous");
  const prevMinute = prev ? prev.epochMilliseconds / 60_000 : -Infinity;
  // [prev, next) has one offset unless the instant asked is itself a transition.
  const from = prev && offsetOf(tz, prevMinute) !== offset ? epochMinute : prevMinute;
  const sp = { from, to: next ? next.epochMilliseconds / 60_000 : Infinity, offset };
  if (list.length > 1000) list.length = 0;
  list.unshift(sp);
  return offset;
}

const dateStrings = new Map<number, string>();

/** The local reading of an epoch minute in a zone: Temporal's offset, then plain calendar arithmetic. */
export function localAt(tz: string, epochMinute: number): LocalReading {
  const offset = offsetAt(tz, epochMinute);
  const local = epochMinute + offset;
  const day = Math.floor(local / 1440);
  let date = dateStrings.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (dateStrings.size > 100_000) dateStrings.clear();
    dateStrings.set(day, date);
  }
  return { date, minute: local - day * 1440, weekday: ((((day + 3) % 7) + 7) % 7) + 1, offset };
}

/** Epoch minute of the first instant of a local date. */
const dayStarts = new Map<string, number>();

export function startOfLocalDate(tz: string, date: string): number {
  const key = `${tz}|${date}`;
  let v = dayStarts.get(key);
  if (v === undefined) {
    v = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: tz }).epochMilliseconds / 60_000;
    if (dayStarts.size > 100_000) dayStarts.clear();
    dayStarts.set(key, v);
  }
  return v;
}

/** Epoch minute of a local wall time (gap → moved forward, as Temporal's "compatible"). */
function wallToEpoch(tz: string, date: string, minute: number): number {
  if (minute >= 1440) return startOfLocalDate(tz, addDays(date, 1));
  const pdt = Temporal.PlainDate.from(date).toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
  return pdt.toZonedDateTime(tz, { disambiguation: "compatible" }).epochMilliseconds / 60_000;
}

/** Calendar arithmetic on local dates (no zone involved). */
export function addDays(date: string, n: number): string {
  return dateOfDayNumber(dayNumberOf(date) + n);
}

/** ISO weekday of a local date, 1 = Monday … 7 = Sunday. */
function weekdayOfDate(date: string): number {
  return ((new Date(dayNumberOf(date) * 86_400_000).getUTCDay() + 6) % 7) + 1;
}

/** Days since 1970-01-01 of a local date (the engine's "day number"). */
export function dayNumberOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function dateOfDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

function hm(s: string): number {
  return +s.slice(0, 2) * 60 + +s.slice(3, 5);
}

function inRanges(ranges: Array<[string, string]> | readonly (readonly [string, string])[], minute: number): boolean {
  for (const [a, b] of ranges) if (hm(a) <= minute && minute < hm(b)) return true;
  return false;
}

/** Reads an absence bound as the engine's configuration means it; null for a gap time. */
function readBound(tz: string, s: string): number | null {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:00(\.0+)?)?$/.test(s)) {
    const pdt = Temporal.PlainDateTime.from(s);
    const zdt = pdt.toZonedDateTime(tz, { disambiguation: "earlier" });
    if (!zdt.toPlainDateTime().equals(pdt)) return null; // does not exist (spring forward)
    return zdt.epochMilliseconds / 60_000;
  }
  return Math.floor(Temporal.Instant.from(s).epochMilliseconds / 60_000);
}

// ---------------------------------------------------------------- duration model

export type ReferenceJobResult = ReferenceJob | { error: "unknown_intervention" | "no_intervention" };

export function referenceJob(
  config: DealerConfig,
  req: { interventions: string[]; known: boolean; mobility: Mobility },
): ReferenceJobResult {
  if (req.interventions.length === 0) return { error: "no_intervention" };
  const lengths = [15];
  const returns = [10];
  const labour = new Map<string, number>();
  for (const code of new Set(req.interventions)) {
    const iv = config.interventions[code];
    if (!iv || !Object.hasOwn(config.interventions, code)) return { error: "unknown_intervention" };
    lengths.push(iv.receptionMinutes);
    returns.push(iv.returnMinutes);
    const minutes = Math.round(iv.labourHours * 60);
    if (minutes > 0) labour.set(iv.skill, (labour.get(iv.skill) ?? 0) + minutes);
  }
  if (!req.known) {
    lengths.push(config.durations.newCustomerReceptionMinutes);
    returns.push(config.durations.newCustomerReturnMinutes);
  }
  if (req.mobility === "courtesy_car") {
    lengths.push(config.durations.courtesyCarReceptionMinutes);
    returns.push(config.durations.courtesyCarReturnMinutes);
  }
  return { receptionMinutes: Math.max(...lengths), returnMinutes: Math.max(...returns), labour };
}

// ---------------------------------------------------------------- context

interface Ctx {
  config: DealerConfig;
  tz: string;
  bookings: Booking[];
  skills: string[];
  absences: Array<Array<[number, number]>>;
  windows: Map<string, { open: boolean; start: number; end: number }>;
  /** Labour minutes held, by "skill index/day number": all bookings, and express ones. */
  booked: Map<string, number>;
  expressBooked: Map<string, number>;
  /** Memo: release time of the express reserve per local date. */
  releases: Map<string, number>;
  techs?: RefTech[];
  techDates: Map<string, { ranges: Interval[]; num: number; den: number }>;
}

function makeCtx(config: DealerConfig, bookings: Booking[]): Ctx {
  const tz = config.timeZone;
  const absences = config.advisors.map((a) => {
    const out: Array<[number, number]> = [];
    for (const ab of a.absences) {
      const s = readBound(tz, ab.start);
      const e = readBound(tz, ab.end);
      if (s !== null && e !== null && s < e) out.push([s, e]);
    }
    return out;
  });
  const booked = new Map<string, number>();
  const expressBooked = new Map<string, number>();
  for (const b of bookings) {
    for (const l of b.labour) {
      const k = `${l.skill}/${l.day}`;
      booked.set(k, (booked.get(k) ?? 0) + l.minutes);
      if (b.express) expressBooked.set(k, (expressBooked.get(k) ?? 0) + l.minutes);
    }
  }
  return {
    config,
    tz,
    bookings,
    skills: Object.keys(config.workshop),
    absences,
    windows: new Map(),
    booked,
    expressBooked,
    releases: new Map(),
    techDates: new Map(),
  };
}

function hoursOf(config: DealerConfig, weekday: number): Array<[string, string]> {
  return config.openingHours[WEEKDAY_KEYS[weekday - 1]] as Array<[string, string]>;
}

function isClosedDate(config: DealerConfig, date: string): boolean {
  const weekday = weekdayOfDate(date);
  return config.closures.includes(date) || hoursOf(config, weekday).length === 0;
}

/** Epoch minute at which the express reserve of a local date returns to the general pool. */
function releaseAt(ctx: Ctx, date: string): number {
  let v = ctx.releases.get(date);
  if (v === undefined) {
    v = startOfLocalDate(ctx.tz, date);
    for (let k = 1; k <= 14; k++) {
      const prev = addDays(date, -k);
      if (!isClosedDate(ctx.config, prev)) {
        v = wallToEpoch(ctx.tz, prev, hm(ctx.config.express.releaseTime));
        break;
      }
    }
    ctx.releases.set(date, v);
  }
  return v;
}

/** The workshop window of a local date, epoch minutes: first opening → last closing. */
function workshopWindow(ctx: Ctx, date: string): { open: boolean; start: number; end: number } {
  let w = ctx.windows.get(date);
  if (!w) {
    if (isClosedDate(ctx.config, date)) w = { open: false, start: 0, end: 0 };
    else {
      const ranges = hoursOf(ctx.config, weekdayOfDate(date));
      const first = Math.min(...ranges.map(([a]) => hm(a)));
      const last = Math.max(...ranges.map(([, b]) => hm(b)));
      w = { open: true, start: wallToEpoch(ctx.tz, date, first), end: wallToEpoch(ctx.tz, date, last) };
    }
    ctx.windows.set(date, w);
  }
  return w;
}

function skillFree(ctx: Ctx, skill: string, date: string, now: number, planned: ReferencePlan["labour"]): number {
  const key = `${ctx.skills.indexOf(skill)}/${dayNumberOf(date)}`;
  let capacity = 0;
  for (const t of technicians(ctx)) {
    if (!t.skills.includes(skill)) continue;
    let wall = 0;
    const d = techDate(ctx, t, date);
    for (const [s, e] of d.ranges) wall += e - s;
    capacity += Math.floor((wall * d.num) / d.den);
  }
  let free = capacity - (ctx.booked.get(key) ?? 0);
  for (const p of planned) if (p.skill === skill && p.date === date) free -= p.minutes;
  if (now < releaseAt(ctx, date)) {
    const express = ctx.config.express;
    const reserved = Math.min(
      capacity,
      Math.round((express.reservedWorkshopHours[skill] ?? express.defaultReservedHours) * 60),
    );
    free -= Math.max(0, reserved - (ctx.expressBooked.get(key) ?? 0));
  }
  return free;
}

// ---------------------------------------------------------------- technicians

interface RefTech {
  id: string;
  skills: string[];
  legacy?: { skill: string; k: number };
  hours?: DealerConfig["openingHours"];
  absences: Interval[];
}

/** The roster in the engine's order: skills in configuration order, then listing order ("<skill>#k" for the original form). */
function technicians(ctx: Ctx): RefTech[] {
  if (ctx.techs) return ctx.techs;
  const out: RefTech[] = [];
  for (const skill of ctx.skills) {
    const spec = ctx.config.workshop[skill];
    if (!Array.isArray(spec)) {
      const most = Math.max(spec.technicians, ...Object.values(spec.overrides).map((o) => o.technicians ?? 0));
      for (let k = 0; k < most; k++)
        out.push({ id: `${skill}#${k + 1}`, skills: [skill], legacy: { skill, k }, absences: [] });
      continue;
    }
    for (const t of spec) {
      const absences: Interval[] = [];
      for (const ab of t.absences) {
        const s = readBound(ctx.tz, ab.start);
        const e = readBound(ctx.tz, ab.end);
        if (s !== null && e !== null && s < e) absences.push([s, e]);
      }
      out.push({ id: t.id, skills: [skill, ...t.skills], hours: t.hours, absences });
    }
  }
  return (ctx.techs = out);
}

/** A technician's working ranges (epoch minutes) on a local date and speed num/den. */
function techDate(ctx: Ctx, t: RefTech, date: string): { ranges: Interval[]; num: number; den: number } {
  const key = `${t.id}|${date}`;
  const hit = ctx.techDates.get(key);
  if (hit) return hit;
  let v: { ranges: Interval[]; num: number; den: number } = { ranges: [], num: 1, den: 1 };
  const w = workshopWindow(ctx, date);
  if (w.open && t.legacy) {
    const sc = ctx.config.workshop[t.legacy.skill] as Exclude<DealerConfig["workshop"][string], unknown[]>;
    const o = sc.overrides[date];
    const count = o?.technicians ?? sc.technicians;
    const minutes = Math.round((o?.hoursPerDay ?? sc.hoursPerDay) * 60);
    // The window is at least hoursPerDay long (up to the date's end).
    const end = Math.max(w.end, Math.min(startOfLocalDate(ctx.tz, addDays(date, 1)), w.start + minutes));
    if (t.legacy.k < count && minutes > 0 && end > w.start)
      v = { ranges: [[w.start, end]], num: Math.min(minutes, end - w.start), den: end - w.start };
  } else if (w.open) {
    // Minute by minute: in the technician's hours (or opening hours) on this date, not absent.
    const hours = t.hours
      ? (t.hours[WEEKDAY_KEYS[weekdayOfDate(date) - 1]] as Array<[string, string]>)
      : hoursOf(ctx.config, weekdayOfDate(date));
    const ranges: Interval[] = [];
    const from = startOfLocalDate(ctx.tz, date);
    const to = startOfLocalDate(ctx.tz, addDays(date, 1));
    for (let m = from; m < to; m++) {
      const on = inRanges(hours, localAt(ctx.tz, m).minute) && !t.absences.some(([s, e]) => m >= s && m < e);
      if (!on) continue;
      if (ranges.length && ranges[ranges.length - 1][1] === m) ranges[ranges.length - 1][1] = m + 1;
      else ranges.push([m, m + 1]);
    }
    v = { ranges, num: 1, den: 1 };
  }
  ctx.techDates.set(key, v);
  return v;
}

/** Minutes on a technician's timeline taken by booked jobs. */
function techBusy(ctx: Ctx, k: number): Interval[] {
  const out: Interval[] = [];
  for (const b of ctx.bookings)
    for (const l of b.labour)
      if (l.tech === k && l.start !== undefined && l.end !== undefined) out.push([l.start, l.end]);
  return out;
}

/**
 * Technician k works `minutes` productive minutes as one block from the first candidate
 * start (`from`, or the end of one of the technician's jobs) where, walking minute by
 * minute, no booked job is met before the work is done. Productive minutes of a day's
 * stretch of w wall minutes are floor(w × num / den).
 */
function placeRef(
  ctx: Ctx,
  k: number,
  skill: string,
  minutes: number,
  from: number,
  latestStart: number,
  horizon: number,
): { end: number; labour: ReferencePlan["labour"] } | null {
  const t = technicians(ctx)[k];
  const busy = techBusy(ctx, k);
  const candidates = [from, ...busy.map(([, e]) => e).filter((e) => e > from)].sort((a, b) => a - b);
  for (const c of candidates) {
    if (busy.some(([s, e]) => c >= s && c < e)) continue;
    let done = 0;
    let started = false;
    let stretch: { date: string; range: number; start: number; wall: number } | null = null;
    const labour: ReferencePlan["labour"] = [];
    const close = () => {
      if (!stretch) return;
      const d = techDate(ctx, t, stretch.date);
      const productive = Math.floor((stretch.wall * d.num) / d.den);
      const last = labour[labour.length - 1];
      if (last && last.date === stretch.date) {
        last.minutes += productive;
        last.end = stretch.start + stretch.wall;
      } else if (productive > 0)
        labour.push({
          skill,
          date: stretch.date,
          minutes: productive,
          tech: k,
          start: stretch.start,
          end: stretch.start + stretch.wall,
        });
      done += productive;
      stretch = null;
    };
    let ok = false;
    for (let m = c; m < horizon; m++) {
      const date = localAt(ctx.tz, m).date;
      const d = techDate(ctx, t, date);
      const range = d.ranges.findIndex(([s, e]) => m >= s && m < e);
      if (range < 0) {
        // Off duty: on to the technician's next working minute (the next range, or the next date).
        const next = d.ranges.find(([s]) => s > m);
        m = (next ? next[0] : startOfLocalDate(ctx.tz, addDays(date, 1))) - 1;
        continue;
      }
      if (!started) {
        if (m >= latestStart) return null;
        started = true;
      }
      if (busy.some(([s, e]) => m >= s && m < e)) break;
      if (!stretch || stretch.date !== date || stretch.range !== range) {
        close();
        stretch = { date, range, start: m, wall: 0 };
      }
      stretch.wall++;
      if (done + Math.floor((stretch.wall * d.num) / d.den) >= minutes) {
        const need = minutes - done;
        const last = labour[labour.length - 1];
        if (last && last.date === date) {
          last.minutes += need;
          last.end = m + 1;
        } else labour.push({ skill, date, minutes: need, tech: k, start: stretch.start, end: m + 1 });
        ok = true;
        break;
      }
    }
    if (ok) return { end: labour[labour.length - 1].end!, labour };
    if (!started) return null;
  }
  return null;
}

/** The labour plan of a job whose reception ends at `receptionEnd`; null when the workshop cannot take it. */
function plan(ctx: Ctx, job: ReferenceJob, receptionEnd: number, now: number, express = false): ReferencePlan | null {
  const firstDate = localAt(ctx.tz, receptionEnd).date;
  let from = receptionEnd + ctx.config.workshopRules.handoverMinutes;
  let latestStart = Infinity;
  if (!express) {
    for (let i = 1; i < MAX_CALENDAR_DAYS; i++) {
      const w = workshopWindow(ctx, addDays(firstDate, i));
      if (w.open) {
        latestStart = w.end;
        break;
      }
    }
  }
  const horizon = startOfLocalDate(ctx.tz, addDays(firstDate, MAX_CALENDAR_DAYS));
  const labour: ReferencePlan["labour"] = [];
  let any = false;
  for (const skill of ctx.skills) {
    const demand = job.labour.get(skill);
    if (!demand) continue;
    any = true;
    let best: { end: number; labour: ReferencePlan["labour"] } | null = null;
    technicians(ctx).forEach((t, k) => {
      if (!t.skills.includes(skill)) return;
      // A block that overfills a day (or takes the reserve) is tried again from the first
      // minute of that date from which the technician's remaining productive minutes that
      // date are no more than the date's free minutes (from the date's start when the
      // whole block fits them; from the next date when nothing is free).
      for (let f = from; ; ) {
        const p = placeRef(ctx, k, skill, demand, f, latestStart, horizon);
        if (!p || (best && p.end >= best.end)) return;
        let free = 0;
        const full = p.labour.find(
          (l) => l.minutes > (free = skillFree(ctx, skill, l.date, express ? Infinity : now, labour)),
        );
        if (!full) {
          best = p;
          return;
        }
        const dayStart = startOfLocalDate(ctx.tz, full.date);
        const dayEnd = startOfLocalDate(ctx.tz, addDays(full.date, 1));
        if (free <= 0) f = dayEnd;
        else if (demand <= free) f = dayStart;
        else {
          // Walk back from the date's end: the earliest minute whose remaining productive minutes are ≤ free.
          const d = techDate(ctx, t, full.date);
          const remaining = (m: number) =>
            d.ranges.reduce((sum, [s, e]) => sum + (e > m ? Math.floor(((e - Math.max(s, m)) * d.num) / d.den) : 0), 0);
          let m = dayEnd;
          while (m > dayStart && remaining(m - 1) <= free) m--;
          f = m;
        }
      }
    });
    if (!best) return null;
    const chosen = best as { end: number; labour: ReferencePlan["labour"] };
    labour.push(...chosen.labour);
    from = chosen.end;
    latestStart = Infinity;
  }
  if (!any) return { readyAt: receptionEnd, labour };
  let t = from + ctx.config.workshopRules.qualityCheckMinutes;
  while (localAt(ctx.tz, t).minute % 15 !== 0) t++;
  return { readyAt: t, labour };
}

// ---------------------------------------------------------------- advisor minutes

function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

type Interval = [number, number];

/** Every minute of [s, e) is open on the local date of s. */
function allOpen(ctx: Ctx, s: number, e: number): boolean {
  const date = localAt(ctx.tz, s).date;
  for (let m = s; m < e; m++) {
    const l = localAt(ctx.tz, m);
    if (l.date !== date || !inRanges(hoursOf(ctx.config, l.weekday), l.minute)) return false;
  }
  return true;
}

/** Every minute of [s, e) is inside the advisor's own working hours (true when none are set). */
function inAdvisorHours(ctx: Ctx, a: number, s: number, e: number): boolean {
  const wh = ctx.config.advisors[a].workingHours;
  if (!wh) return true;
  for (let m = s; m < e; m++) {
    const l = localAt(ctx.tz, m);
    if (!inRanges(wh[WEEKDAY_KEYS[l.weekday - 1]] as Array<[string, string]>, l.minute)) return false;
  }
  return true;
}

function absent(ctx: Ctx, a: number, s: number, e: number): boolean {
  for (let m = s; m < e; m++) for (const [x, y] of ctx.absences[a]) if (x <= m && m < y) return true;
  return false;
}

type Extra = Array<{ advisor: number; start: number; minutes: number }>;

/** Receptions and returns of advisor a (plus `extra` appointments), as intervals. */
function appointmentsOf(ctx: Ctx, a: number, extra: Extra = []): Interval[] {
  return intervalsOf(ctx, a, extra, true);
}

/** Receptions only (the caps count receptions, not returns). */
function receptionsOf(ctx: Ctx, a: number, extra: Extra = []): Interval[] {
  return intervalsOf(ctx, a, extra, false);
}

function intervalsOf(ctx: Ctx, a: number, extra: Extra, returns: boolean): Interval[] {
  const out: Interval[] = [];
  for (const b of ctx.bookings) {
    if (b.reception.advisor === a) out.push([b.reception.start, b.reception.start + b.reception.minutes]);
    if (returns && b.ret && b.ret.advisor === a) out.push([b.ret.start, b.ret.start + b.ret.minutes]);
  }
  for (const x of extra) if (x.advisor === a) out.push([x.start, x.start + x.minutes]);
  return out;
}

function busy(appointments: Interval[], s: number, e: number): boolean {
  for (let m = s; m < e; m++) for (const [x, y] of appointments) if (x <= m && m < y) return true;
  return false;
}

/** The buffer rules for a new reception [s, e) against the advisor's other receptions. */
function capCodes(ctx: Ctx, receptions: Interval[], s: number, e: number): RuleCode[] {
  const rules = ctx.config.receptionRules;
  const out: RuleCode[] = [];
  for (let t = s - 59; t <= s; t++) {
    let starts = 1;
    for (const [x] of receptions) if (t <= x && x < t + 60) starts++;
    if (starts > rules.maxPerHour) {
      out.push("hourly_cap");
      break;
    }
  }
  for (let t = s - 119; t < e; t++) {
    let minutes = overlap(s, e, t, t + 120);
    for (const [x, y] of receptions) minutes += overlap(x, y, t, t + 120);
    if (minutes > rules.maxMinutesPer2h) {
      out.push("two_hour_cap");
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- express reserve (desk)

function halfKey(ctx: Ctx, epochMinute: number): string {
  const l = localAt(ctx.tz, epochMinute);
  return `${l.date}:${l.minute < 13 * 60 ? 0 : 1}`;
}

/** True when placing reception [s, e) of advisor `a` eats into its half-day's express reserve. */
function reserveBroken(
  ctx: Ctx,
  a: number,
  s: number,
  e: number,
  now: number,
  also?: { advisor: number; start: number; minutes: number },
): boolean {
  const here = localAt(ctx.tz, s);
  if (now >= releaseAt(ctx, here.date)) return false;
  // A slot within two hours of noon can take the other half-day's room too (the caps'
  // windows reach across it): check every half-day in reach.
  const noon = wallToEpoch(ctx.tz, here.date, 13 * 60);
  return (
    (s - 120 < noon && halfBroken(ctx, a, s, e, now, true, also)) ||
    (e + 120 > noon && halfBroken(ctx, a, s, e, now, false, also))
  );
}

function halfBroken(
  ctx: Ctx,
  a: number,
  s: number,
  e: number,
  now: number,
  morning: boolean,
  also?: { advisor: number; start: number; minutes: number },
): boolean {
  const here = localAt(ctx.tz, s);
  const cfg = ctx.config.express.reservedReceptions;
  const key = `${here.date}:${morning ? 0 : 1}`;
  let need = morning ? cfg.morning : cfg.afternoon;
  for (const b of ctx.bookings) if (b.express && halfKey(ctx, b.reception.start) === key) need--;
  if (need <= 0) return false;
  const extra = [{ advisor: a, start: s, minutes: e - s }];
  // The stay's own reception, when the slot checked is its return (same local day only).
  if (also && localAt(ctx.tz, also.start).date === here.date) extra.push(also);
  // A reserved express reception must fit the longest reception a priority vehicle may need.
  const d = ctx.config.durations;
  const unit = Math.max(
    15,
    d.courtesyCarReceptionMinutes,
    d.newCustomerReceptionMinutes,
    ...Object.values(ctx.config.interventions).map((iv) => iv.receptionMinutes),
  );
  const earliest = now + ctx.config.receptionRules.minNoticeMinutes;
  // Candidate placements: the local quarter hours of this half-day.
  const dayStart = startOfLocalDate(ctx.tz, here.date);
  const dayEnd = startOfLocalDate(ctx.tz, addDays(here.date, 1));
  const room = (taken: typeof extra): number => {
    let count = 0;
    for (let b = 0; b < ctx.config.advisors.length; b++) {
      const appts = appointmentsOf(ctx, b, taken);
      const recs = receptionsOf(ctx, b, taken);
      for (let t = dayStart; t + unit <= dayEnd; t++) {
        const l = localAt(ctx.tz, t);
        if (l.minute % 15 !== 0 || l.minute < 13 * 60 !== morning || t < earliest) continue;
        if (halfKey(ctx, t + unit - 1) !== key) continue; // the placement must end inside the half-day
        if (
          !allOpen(ctx, t, t + unit) ||
          !inAdvisorHours(ctx, b, t, t + unit) ||
          absent(ctx, b, t, t + unit) ||
          busy(appts, t, t + unit)
        )
          continue;
        if (capCodes(ctx, recs, t, t + unit).length) continue;
        if (++count >= need) return need;
        t += unit + 14; // placements must not overlap one another: next candidate a quarter after the end
      }
    }
    return count;
  };
  const after = room(extra);
  // Broken only when the slot takes room the reserve still needs: a half-day that never
  // had room (closed, or shorter than a reception) holds nothing to take.
  return after < need && after < room([]);
}

// ---------------------------------------------------------------- return and mobility

export interface ReferenceSlot {
  advisorId: string;
  start: number;
  minutes: number;
}

/**
 * `reserve` set (ordinary stays): the return, counted with the stay's own reception, may
 * not take the room of its half-day's express reserve; the first advisor free at a time
 * decides, and when that breaks the reserve the search moves on to the next quarter.
 */
function findReturn(
  ctx: Ctx,
  advisor: number,
  readyAt: number,
  minutes: number,
  reserve?: { now: number; reception: { advisor: number; start: number; minutes: number } },
): { advisor: number; start: number; minutes: number } | null {
  const first = localAt(ctx.tz, readyAt).date;
  const order = [advisor, ...ctx.config.advisors.map((_, i) => i).filter((i) => i !== advisor)];
  for (let d = 0; d < 21; d++) {
    const date = addDays(first, d);
    if (isClosedDate(ctx.config, date)) continue;
    const to = startOfLocalDate(ctx.tz, addDays(date, 1));
    for (let t = Math.max(readyAt, startOfLocalDate(ctx.tz, date)); t < to; t++) {
      if (localAt(ctx.tz, t).minute % 15 !== 0 || !allOpen(ctx, t, t + minutes)) continue;
      for (const a of order) {
        if (
          inAdvisorHours(ctx, a, t, t + minutes) &&
          !absent(ctx, a, t, t + minutes) &&
          !busy(appointmentsOf(ctx, a), t, t + minutes)
        ) {
          if (reserve && reserveBroken(ctx, a, t, t + minutes, reserve.now, reserve.reception)) break;
          return { advisor: a, start: t, minutes };
        }
      }
    }
  }
  return null;
}

function carWindow(b: {
  reception: { start: number; minutes: number };
  ret: { start: number; minutes: number } | null;
  readyAt: number;
}): Interval {
  return [
    b.reception.start,
    b.ret ? b.ret.start + b.ret.minutes : Math.max(b.readyAt, b.reception.start + b.reception.minutes),
  ];
}

function mobilityCode(
  ctx: Ctx,
  mobility: Mobility,
  stay: {
    reception: { start: number; minutes: number };
    ret: { start: number; minutes: number } | null;
    readyAt: number;
  },
): RuleCode | null {
  const m = ctx.config.mobility;
  const perHalfDay = (kind: Mobility, limit: number): RuleCode | null => {
    const used = new Map<string, number>();
    for (const b of ctx.bookings) {
      if (b.mobility !== kind) continue;
      for (const at of [b.reception.start, b.ret ? b.ret.start : b.readyAt])
        used.set(halfKey(ctx, at), (used.get(halfKey(ctx, at)) ?? 0) + 1);
    }
    const mine = [stay.reception.start, stay.ret ? stay.ret.start : stay.readyAt].map((x) => halfKey(ctx, x));
    for (const h of new Set(mine)) {
      const need = mine.filter((x) => x === h).length;
      if ((used.get(h) ?? 0) + need > limit) return "mobility_unavailable";
    }
    return null;
  };
  switch (mobility) {
    case "none":
      return null;
    case "taxi":
      return m.taxi ? null : "mobility_not_offered";
    case "rental":
      return m.rental ? null : "mobility_not_offered";
    case "shuttle":
      if (m.shuttle === false) return "mobility_not_offered";
      if (m.shuttle === true) return null;
      return perHalfDay("shuttle", m.shuttle.seatsPerDeparture);
    case "pickup_delivery":
      if (m.pickupDelivery === 0) return "mobility_not_offered";
      return perHalfDay("pickup_delivery", m.pickupDelivery);
    case "courtesy_car": {
      if (m.courtesyCars === 0) return "mobility_not_offered";
      // heldCourtesyCars are for priority vehicles only, but a dealer never holds back its last car.
      const held = Math.min(ctx.config.express.heldCourtesyCars, Math.max(0, m.courtesyCars - 1));
      const [s, e] = carWindow(stay);
      const cars = ctx.bookings
        .filter((b) => b.mobility === "courtesy_car")
        .map((b) => ({ window: carWindow(b), express: b.express }));
      // At each instant an ordinary customer cannot have the cars out, nor the held cars
      // that express bookings out then are not already using. That count is piecewise
      // constant and only rises where a window starts: check those instants.
      let most = 0;
      for (const t of [s, ...cars.map((c) => c.window[0])]) {
        if (t < s || t >= e) continue;
        const out = cars.filter(({ window: [x, y] }) => x <= t && t < y);
        most = Math.max(most, out.length + Math.max(0, held - out.filter((c) => c.express).length));
      }
      return most + 1 > m.courtesyCars ? "mobility_unavailable" : null;
    }
  }
}

// ---------------------------------------------------------------- the rules

interface Verdict {
  codes: Set<RuleCode>;
  plan: ReferencePlan | null;
  ret: { advisor: number; start: number; minutes: number } | null;
}

function violations(ctx: Ctx, req: ReferenceRequest, firstOnly: boolean): Verdict {
  const { config, tz } = ctx;
  const rules = config.receptionRules;
  const out = new Set<RuleCode>();
  const verdict = (): Verdict => ({ codes: out, plan: null, ret: null });
  const done = () => firstOnly && out.size > 0;
  const start = req.startEpochMinute;
  const end = start + req.minutes;

  if (req.minutes !== 15 && req.minutes !== 30) out.add("invalid_length");
  if (start < req.nowEpochMinute + rules.minNoticeMinutes) out.add("in_the_past");
  if (start > req.nowEpochMinute + rules.maxHorizonDays * 1440) out.add("beyond_horizon");
  if (done()) return verdict();

  const here = localAt(tz, start);
  if (here.minute % 15 !== 0) out.add("off_grid");
  const closed = isClosedDate(config, here.date);
  const open = allOpen(ctx, start, end);
  if (closed) out.add("closed");
  else if (!open) out.add("outside_opening_hours");
  if (done()) return verdict();

  const a = config.advisors.findIndex((x) => x.id === req.advisorId);
  if (a < 0) {
    out.add("unknown_advisor");
    return verdict();
  }
  if (!closed && open && !inAdvisorHours(ctx, a, start, end)) out.add("advisor_off_duty");
  if (absent(ctx, a, start, end)) out.add("advisor_absent");
  if (busy(appointmentsOf(ctx, a), start, end)) out.add("advisor_busy");
  if (done()) return verdict();
  for (const c of capCodes(ctx, receptionsOf(ctx, a), start, end)) out.add(c);
  if (done()) return verdict();
  if (out.size === 0 && open && reserveBroken(ctx, a, start, end, req.nowEpochMinute)) out.add("express_reserve");
  if (done()) return verdict();

  const job = referenceJob(config, req);
  if ("error" in job) throw new Error(`reference: ${job.error} in ${req.interventions.join(",")}`);
  const p = plan(ctx, job, end, req.nowEpochMinute);
  if (!p) out.add("workshop_full");
  if (out.size) return verdict();

  const ret = findReturn(ctx, a, p!.readyAt, job.returnMinutes, {
    now: req.nowEpochMinute,
    reception: { advisor: a, start, minutes: req.minutes },
  });
  const m = mobilityCode(ctx, req.mobility, { reception: { start, minutes: req.minutes }, ret, readyAt: p!.readyAt });
  if (m) out.add(m);
  return { codes: out, plan: out.size ? null : p, ret: out.size ? null : ret };
}

/** Every rule the stay (reception, then its mobility) breaks, by brute force. Empty set = bookable. */
export function referenceViolations(config: DealerConfig, bookings: Booking[], req: ReferenceRequest): Set<RuleCode> {
  return violations(makeCtx(config, bookings), req, false).codes;
}

/** The ready time and return slot of a bookable stay; null when it is not bookable. */
export function referenceStay(
  config: DealerConfig,
  bookings: Booking[],
  req: ReferenceRequest,
): { readyAt: number; ret: ReferenceSlot | null } | null {
  const v = violations(makeCtx(config, bookings), req, false);
  if (!v.plan) return null;
  return {
    readyAt: v.plan.readyAt,
    ret: v.ret && { advisorId: config.advisors[v.ret.advisor].id, start: v.ret.start, minutes: v.ret.minutes },
  };
}

/** The ready time the labour model gives a bookable stay; null when it is not bookable. */
export function referenceReadyAt(config: DealerConfig, bookings: Booking[], req: ReferenceRequest): number | null {
  return referenceStay(config, bookings, req)?.readyAt ?? null;
}

/** The labour plan alone (no reception rules), e.g. to check the workshop model. */
export function referencePlan(
  config: DealerConfig,
  bookings: Booking[],
  job: ReferenceJob,
  receptionEnd: number,
  now: number,
): ReferencePlan | null {
  return plan(makeCtx(config, bookings), job, receptionEnd, now);
}

/**
 * Every (advisor, quarter hour) of the local days [fromDate, fromDate + days) at which the
 * job could be received (the whole stay bookable), in time order then advisor order.
 */
export function referenceFeasibleSlots(
  config: DealerConfig,
  bookings: Booking[],
  query: {
    interventions: string[];
    known: boolean;
    mobility: Mobility;
    fromDate: string;
    days: number;
    nowEpochMinute: number;
  },
): Array<{ advisorId: string; start: number }> {
  const ctx = makeCtx(config, bookings);
  const job = referenceJob(config, query);
  if ("error" in job) return [];
  const out: Array<{ advisorId: string; start: number }> = [];
  for (let d = 0; d < query.days; d++) {
    const date = addDays(query.fromDate, d);
    if (isClosedDate(config, date)) continue;
    const from = startOfLocalDate(ctx.tz, date);
    const to = startOfLocalDate(ctx.tz, addDays(date, 1));
    // Candidates are the local quarter hours. Step a quarter hour at a time, and minute
    // by minute whenever that lands off the local grid (a zone whose clock shift is not
    // a multiple of 15 minutes), so no local quarter hour is ever skipped.
    for (let start = from; start < to; ) {
      const l = localAt(ctx.tz, start);
      if (l.minute % 15 !== 0) {
        start++;
        continue;
      }
      const candidate = start;
      start += 15;
      if (!inRanges(hoursOf(config, l.weekday), l.minute)) continue; // a quick, sound pre-filter
      for (const advisor of config.advisors) {
        const req: ReferenceRequest = {
          advisorId: advisor.id,
          startEpochMinute: candidate,
          minutes: job.receptionMinutes,
          interventions: query.interventions,
          known: query.known,
          mobility: query.mobility,
          nowEpochMinute: query.nowEpochMinute,
        };
        if (violations(ctx, req, true).codes.size === 0) out.push({ advisorId: advisor.id, start: candidate });
      }
    }
  }
  return out;
}

/** "2027-03-28:am" / "2027-03-28:pm": the local half-day of an instant (afternoon from 13:00). */
export function referenceHalfDay(tz: string, epochMinute: number): string {
  const l = localAt(tz, epochMinute);
  return `${l.date}:${l.minute < 13 * 60 ? "am" : "pm"}`;
}

/**
 * Whether a reception slot is quiet: fewer than max(1, ceil(share × advisors with hours
 * that day)) receptions (all advisors) overlap any of its quarter hours, and it does not
 * touch the rush hours.
 */
export function referenceQuiet(config: DealerConfig, bookings: Booking[], start: number, minutes: number): boolean {
  const tz = config.timeZone;
  const here = localAt(tz, start);
  const weekday = WEEKDAY_KEYS[here.weekday - 1];
  const openRanges = hoursOf(config, here.weekday);
  let working = 0;
  for (const a of config.advisors) {
    if (isClosedDate(config, here.date)) continue;
    const wh = (a.workingHours ? a.workingHours[weekday] : openRanges) as Array<[string, string]>;
    let any = false;
    for (let m = 0; m < 1440 && !any; m++) if (inRanges(wh, m) && inRanges(openRanges, m)) any = true;
    if (any) working++;
  }
  const limit = Math.max(1, Math.ceil(config.receptionRules.quietMaxDeskShare * working));
  let load = 0;
  for (let q = start; q < start + minutes; q += 15) {
    let c = 0;
    for (const b of bookings)
      if (overlap(b.reception.start, b.reception.start + b.reception.minutes, q, q + 15) > 0) c++;
    load = Math.max(load, c);
  }
  let rush = false;
  for (let m = start; m < start + minutes; m++)
    if (inRanges(config.rushHours as Array<[string, string]>, localAt(tz, m).minute)) rush = true;
  return load < limit && !rush;
}

// ---------------------------------------------------------------- progress re-plan (issue 13)

/**
 * One first-fit block on technician k (roster order) from `from`, walked minute by
 * minute against every booked job's slices: the re-plan's only placement step. Skill
 * is an index into the workshop's skills; slices carry local day numbers.
 */
export function referencePlaceBlock(
  config: DealerConfig,
  bookings: Booking[],
  k: number,
  skill: number,
  minutes: number,
  from: number,
): {
  end: number;
  labour: Array<{ skill: number; day: number; minutes: number; tech: number; start: number; end: number }>;
} | null {
  const ctx = makeCtx(config, bookings);
  const horizon = startOfLocalDate(ctx.tz, addDays(localAt(ctx.tz, from).date, MAX_CALENDAR_DAYS));
  const p = placeRef(ctx, k, ctx.skills[skill], minutes, from, Infinity, horizon);
  if (!p) return null;
  return {
    end: p.end,
    labour: p.labour.map((l) => ({
      skill,
      day: dayNumberOf(l.date),
      minutes: l.minutes,
      tech: k,
      start: l.start!,
      end: l.end!,
    })),
  };
}

/** The finish plus the quality check, up to the next local quarter hour. */
export function referenceReadyFrom(config: DealerConfig, end: number): number {
  let t = end + config.workshopRules.qualityCheckMinutes;
  while (localAt(config.timeZone, t).minute % 15 !== 0) t++;
  return t;
}
