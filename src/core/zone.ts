import { Temporal } from "@js-temporal/polyfill";
import { dayNumberFromYmd, isoFromDayNumber, ymdFromDayNumber } from "./civil.js";
import { daysInMonth } from "./primitives.js";

// The only place that asks Temporal about a time zone. Everything it answers is cached
// as integers per local day, so the search never touches Temporal.

/** One local day of a zone: its real length and the UTC offsets inside it. */
export interface ZoneDay {
  /** Epoch minute of the day's first instant (usually local midnight). */
  start: number;
  /** Real minutes until the next day's first instant: 1440, or 1380/1500 on DST days. */
  length: number;
  /** UTC offset (minutes) at the day's start. */
  offset: number;
  /** Elapsed minute at which the offset changes, or -1 if it does not. */
  transition: number;
  offsetAfter: number;
  /** Local wall minute of the day's first instant (0 unless midnight is skipped). */
  startWall: number;
}

const MS_PER_MIN = 60_000;
const NS_PER_MIN = 60_000_000_000;

function startOfDay(tz: string, n: number): Temporal.ZonedDateTime {
  const [y, m, d] = ymdFromDayNumber(n);
  return Temporal.PlainDate.from({ year: y, month: m, day: d }).toZonedDateTime({ timeZone: tz });
}

export function zoneDay(tz: string, n: number): ZoneDay {
  const a = startOfDay(tz, n);
  const b = startOfDay(tz, n + 1);
  const start = Math.round(a.epochMilliseconds / MS_PER_MIN);
  const end = Math.round(b.epochMilliseconds / MS_PER_MIN);
  const offset = Math.round(a.offsetNanoseconds / NS_PER_MIN);
  const offsetNext = Math.round(b.offsetNanoseconds / NS_PER_MIN);
  let transition = -1;
  let offsetAfter = offset;
  if (offsetNext !== offset) {
    const t = a.getTimeZoneTransition("next");
    if (t && t.epochMilliseconds < b.epochMilliseconds) {
      transition = Math.round(t.epochMilliseconds / MS_PER_MIN) - start;
      offsetAfter = Math.round(t.offsetNanoseconds / NS_PER_MIN);
    } else {
      // Trap: the polyfill's transition search steps in 14-day samples and steps over an
      // offset that changes and comes back within them (Asia/Gaza 2040-10-20), answering
      // a later transition: then the change is inside this day, so find it by halving.
      transition = changeWithin(tz, start, end, offset) - start;
      offsetAfter = offsetAt(tz, start + transition);
    }
  }
  return { start, length: end - start, offset, transition, offsetAfter, startWall: a.hour * 60 + a.minute };
}

/** The UTC offset (minutes) in force at an epoch minute. */
function offsetAt(tz: string, epochMinute: number): number {
  const zdt = Temporal.Instant.fromEpochMilliseconds(epochMinute * MS_PER_MIN).toZonedDateTimeISO(tz);
  return Math.round(zdt.offsetNanoseconds / NS_PER_MIN);
}

/** The first epoch minute in (from, to] whose offset is not `offset`, given that `to`'s is not. */
function changeWithin(tz: string, from: number, to: number, offset: number): number {
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(tz, mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Elapsed minutes from the day's start to the local wall time `wall` (minutes since
 * midnight; 1440 means the end of the day). A wall time inside a spring-forward gap
 * moves forward past the gap, as Temporal's "compatible" does: it never names an
 * instant that does not exist.
 */
export function wallToElapsed(tz: string, n: number, zd: ZoneDay, wall: number): number {
  if (wall >= 1440) return zd.length;
  if (zd.transition < 0 && zd.startWall === 0) return wall;
  const [y, m, d] = ymdFromDayNumber(n);
  const zdt = Temporal.PlainDateTime.from({
    year: y,
    month: m,
    day: d,
    hour: Math.floor(wall / 60),
    minute: wall % 60,
  }).toZonedDateTime(tz, { disambiguation: "compatible" });
  return Math.round(zdt.epochMilliseconds / MS_PER_MIN) - zd.start;
}

export function offsetAtElapsed(zd: ZoneDay, elapsed: number): number {
  return zd.transition >= 0 && elapsed >= zd.transition ? zd.offsetAfter : zd.offset;
}

export type LocalReading = { ok: true; epochMinute: number } | { ok: false; reason: string };

/**
 * Reads "2026-11-24T09:15" in the zone. A nonexistent wall time (spring-forward gap)
 * is refused rather than silently moved; an ambiguous one takes the earlier instant.
 */
export function localToEpochMinute(tz: string, date: string, wall: number): LocalReading {
  // Memoised: the Temporal polyfill takes ~40 µs per reading, and a booking storm reads
  // the same few hundred wall times over and over (a booking's start, its timers). The
  // answer depends on nothing but the arguments (the tz database is fixed for the process).
  const key = `${tz}|${date}|${wall}`;
  let r = readings.get(key);
  if (r === undefined) {
    if (readings.size >= MAX_READINGS) readings.clear();
    readings.set(key, (r = readLocal(tz, date, wall)));
  }
  return r;
}

const readings = new Map<string, LocalReading>();
const MAX_READINGS = 20_000;

function readLocal(tz: string, date: string, wall: number): LocalReading {
  const pdt = Temporal.PlainDateTime.from(
    `${date}T${String(Math.floor(wall / 60)).padStart(2, "0")}:${String(wall % 60).padStart(2, "0")}`,
  );
  const zdt = pdt.toZonedDateTime(tz, { disambiguation: "earlier" });
  if (!zdt.toPlainDateTime().equals(pdt)) {
    return {
      ok: false,
      reason: `${date} ${pdt.toPlainTime().toString().slice(0, 5)} does not exist in ${tz} (clocks change)`,
    };
  }
  return { ok: true, epochMinute: Math.round(zdt.epochMilliseconds / MS_PER_MIN) };
}

/**
 * "2026-11-24T09:15:00+01:00" → epoch minute (seconds and fractions dropped: floor).
 *
 * The contract's own form, with a Z or a ±HH:MM offset, is read by hand: the polyfill's
 * Instant.from took ~8 µs in a warm loop (0.7–0.8 by hand) and 2 % of the writer's profile
 * per booking (issue 17), for a string whose every field is a fixed-width number. Anything else (another separator, an
 * annotation, a leap second, "-00:00", a field out of range) goes to Temporal, which
 * accepts what it accepts and words the error for what it does not; the hand-read
 * result equals Temporal's wherever it answers (test/core/instant-fast.test.ts).
 */
export function instantToEpochMinute(s: string): number {
  const m = CONTRACT_INSTANT.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, zone] = m;
    const month = +mo;
    const day = +d;
    const hour = +h;
    const minute = +mi;
    const offset = zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6));
    if (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInMonth(+y, month) &&
      hour <= 23 &&
      minute <= 59 &&
      (sec === undefined || +sec <= 59) &&
      zone !== "-00:00" &&
      (zone === "Z" || (+zone.slice(1, 3) <= 23 && +zone.slice(4, 6) <= 59))
    )
      return dayNumberFromYmd(+y, month, day) * 1440 + hour * 60 + minute - offset;
  }
  return Math.floor(Temporal.Instant.from(s).epochMilliseconds / MS_PER_MIN);
}

const CONTRACT_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function dayIso(n: number): string {
  return isoFromDayNumber(n);
}
