import { dayNumberFromIso, formatWithOffset, isoFromDayNumber as isoDate, weekdayOf } from "./civil.js";
import type { DealerConfig } from "./dealer-config.js";
import { WEEKDAYS, type WeeklyHours } from "./dealer-config/hours.js";
import type { Intervention } from "./dealer-config/interventions.js";
import { isLocalDateTime, parseLocalTime } from "./primitives.js";
import { compileRoster, skillCapacity, techDay, type Roster, type TechDay } from "./technicians.js";
import {
  instantToEpochMinute,
  localToEpochMinute,
  offsetAtElapsed,
  wallToElapsed,
  zoneDay,
  type ZoneDay,
} from "./zone.js";

// A dealer's configuration compiled once into integers. Day tables are built lazily
// (Temporal is slow) and memoised, so a search over 60 days pays for each day once per
// dealer, not once per request.

export const GRID = 15;
/** The first quarter hour of the day's local grid at or after elapsed minute `m`. */
export function gridUp(day: { gridPhase: number }, m: number): number {
  return Math.ceil((m + day.gridPhase) / GRID) * GRID - day.gridPhase;
}

export const WORDS_PER_DAY = 47; // ceil(1500 / 32): room for a 25-hour DST day

export interface DayInfo {
  n: number;
  weekday: number;
  zone: ZoneDay;
  /** Flat [start, end, …] elapsed-minute ranges the dealer is open; empty when closed. */
  open: number[];
  closure: boolean;
  rush: number[];
  /** Per advisor: ranges where the advisor is on duty (working hours ∩ opening hours). */
  duty: number[][];
  /** Per advisor: ranges of absence clipped to this day. */
  absent: number[][];
  /** Per advisor: bitset of minutes on duty and not absent. */
  available: Uint32Array;
  /** Elapsed minute of local 13:00: the morning/afternoon boundary. */
  noon: number;
  /** Workshop window (first opening to last closing) and labour minutes per skill. */
  windowStart: number;
  windowEnd: number;
  capacity: Int32Array;
  /** Productive minutes of one technician per skill (the most any one of them works that day). */
  techMinutes: Int32Array;
  /** Every technician's working ranges and speed that day (technicians.ts). */
  tech: TechDay;
  /** Elapsed offset so that (elapsed + gridPhase) % GRID === 0 on the local grid. */
  gridPhase: number;
  /** Express reserve: until this epoch minute ordinary customers cannot take it. */
  releaseAt: number;
  /** Express reserve: labour minutes per skill held for priority vehicles. */
  reservedLabour: Int32Array;
}

export interface CompiledIntervention {
  code: string;
  receptionMinutes: 15 | 30;
  returnMinutes: number;
  labourMinutes: number;
  skill: number;
}

export interface Dealer {
  id: string;
  config: DealerConfig;
  tz: string;
  advisors: Array<{ id: string; name: string }>;
  advisorIndex: Map<string, number>;
  skills: string[];
  skillIndex: Map<string, number>;
  interventions: Map<string, CompiledIntervention>;
  /** Per advisor: flat [start, end, …] absences in epoch minutes, sorted. */
  absences: number[][];
  /** The workshop's technicians (named, or the identical ones of `{ technicians, hoursPerDay }`). */
  roster: Roster;
  /** Minutes from reception end to the first minute of labour, and from labour end to ready. */
  handoverMinutes: number;
  qualityCheckMinutes: number;
  day(n: number): DayInfo;
  /**
   * Whether the dealer opens on local day n (weekly hours, no closure), from the
   * configuration alone: unlike day(n), it builds and keeps nothing, so it may be asked of
   * any date a caller names (a calendar of the year 9000 must not fill the day cache).
   */
  isOpen(n: number): boolean;
  /** Local day number containing an epoch minute. */
  dayOf(epochMinute: number): number;
  format(epochMinute: number): string;
  /**
   * The epoch minute where local day n begins, when this dealer has its zone table already
   * (a day it built) and the day is plain: midnight exists and the offset holds all day.
   * Else null. Never builds a table: a request may name any date (readInstantIn).
   */
  plainDayStart(n: number): number | null;
}

/**
 * A weekday's ranges as flat wall minutes, sorted and with touching ranges merged: the
 * schema accepts [["14:00","18:00"],["08:00","12:00"]] and [["08:00","12:00"],["12:00","18:00"]],
 * and everything downstream (workshop window = first start → last end, `within` on a
 * single range, time-ordered scans) relies on sorted, non-touching ranges.
 */
function ranges(hours: WeeklyHours, weekday: number): number[] {
  const pairs = hours[WEEKDAYS[weekday]]
    .map(([a, b]) => [parseLocalTime(a), parseLocalTime(b)])
    .sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of pairs) {
    if (out.length && a <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], b);
    else out.push(a, b);
  }
  return out;
}

function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += 2) {
    for (let j = 0; j < b.length; j += 2) {
      const s = Math.max(a[i], b[j]);
      const e = Math.min(a[i + 1], b[j + 1]);
      if (s < e) out.push(s, e);
    }
  }
  return out;
}

export function readInstant(tz: string, s: string): number {
  if (isLocalDateTime(s)) {
    const r = localToEpochMinute(tz, s.slice(0, 10), parseLocalTime(s.slice(11, 16)));
    if (!r.ok) throw new RangeError(r.reason);
    return r.epochMinute;
  }
  return instantToEpochMinute(s);
}

/**
 * readInstant in the dealer's zone, without Temporal where the answer is plain arithmetic:
 * a local wall time on a plain day the dealer has built is its start plus the wall
 * minutes. A booking names its start that way, and each distinct one cost Temporal ~40 µs
 * in the writer (issue 17). Any other day, wall time or form goes to readInstant, which
 * answers the same (test/core/read-instant-in.test.ts).
 */
export function readInstantIn(dealer: Dealer, s: string): number {
  if (s.length === 16 && isLocalDateTime(s)) {
    const start = dealer.plainDayStart(dayNumberFromIso(s));
    if (start !== null) return start + parseLocalTime(s.slice(11, 16));
  }
  return readInstant(dealer.tz, s);
}

export function compileDealer(id: string, config: DealerConfig): Dealer {
  const tz = config.timeZone;
  const advisors = config.advisors.map((a) => ({ id: a.id, name: a.name }));
  const advisorIndex = new Map(advisors.map((a, i) => [a.id, i]));
  const skills = Object.keys(config.workshop);
  const skillIndex = new Map(skills.map((s, i) => [s, i]));
  const interventions = new Map<string, CompiledIntervention>();
  for (const [code, iv] of Object.entries(config.interventions) as Array<[string, Intervention]>) {
    interventions.set(code, {
      code,
      receptionMinutes: iv.receptionMinutes,
      returnMinutes: iv.returnMinutes,
      labourMinutes: Math.round(iv.labourHours * 60),
      skill: skillIndex.get(iv.skill)!,
    });
  }
  const absences = config.advisors.map((a) => {
    const flat: Array<[number, number]> = [];
    for (const ab of a.absences) {
      try {
        const s = readInstant(tz, ab.start);
        const e = readInstant(tz, ab.end);
        if (s < e) flat.push([s, e]);
      } catch {
        // An absence bound in a DST gap is stored by validation as invalid; skip defensively.
      }
    }
    flat.sort((x, y) => x[0] - y[0]);
    return flat.flat();
  });
  const roster = compileRoster(config, skills, (x) => readInstant(tz, x));
  const closures = new Set(config.closures.map(dayNumberFromIso));
  const cache = new Map<number, DayInfo>();
  // Zone tables are asked for by day building and by each day's release time (the
  // previous working day): memoise them, Temporal is the expensive part.
  const zones = new Map<number, ZoneDay>();
  const zoneOf = (n: number): ZoneDay => {
    let z = zones.get(n);
    if (!z) zones.set(n, (z = zoneDay(tz, n)));
    return z;
  };
  const isOpen = (n: number) => !closures.has(n) && config.openingHours[WEEKDAYS[weekdayOf(n)]].length > 0;
  const release = parseLocalTime(config.express.releaseTime);
  // The reserve of day n returns to the pool at releaseTime on the previous working day.
  const releaseOf = (n: number, zone: ZoneDay): number => {
    for (let p = n - 1; p >= n - 14; p--) {
      if (!isOpen(p)) continue;
      const z = zoneOf(p);
      return z.start + wallToElapsed(tz, p, z, release);
    }
    return zone.start;
  };

  const buildDay = (n: number): DayInfo => {
    const zone = zoneOf(n);
    const weekday = weekdayOf(n);
    const closure = closures.has(n);
    const toElapsed = (wall: number) => wallToElapsed(tz, n, zone, wall);
    const mapRanges = (wallRanges: number[]) => wallRanges.map(toElapsed);
    const open = closure ? [] : mapRanges(ranges(config.openingHours, weekday));
    const rush = open.length
      ? intersect(mapRanges(config.rushHours.flatMap(([a, b]) => [parseLocalTime(a), parseLocalTime(b)])), open)
      : [];
    const A = advisors.length;
    const duty: number[][] = [];
    const absent: number[][] = [];
    const available = new Uint32Array(A * WORDS_PER_DAY);
    for (let a = 0; a < A; a++) {
      const wh = config.advisors[a].workingHours;
      const d = wh ? intersect(mapRanges(ranges(wh, weekday)), open) : open.slice();
      duty.push(d);
      const ab: number[] = [];
      const abs = absences[a];
      for (let i = 0; i < abs.length; i += 2) {
        const s = Math.max(abs[i] - zone.start, 0);
        const e = Math.min(abs[i + 1] - zone.start, zone.length);
        if (s < e) ab.push(s, e);
      }
      absent.push(ab);
      for (let i = 0; i < d.length; i += 2)
        for (let m = d[i]; m < d[i + 1]; m++) available[a * WORDS_PER_DAY + (m >>> 5)] |= 1 << (m & 31);
      for (let i = 0; i < ab.length; i += 2)
        for (let m = ab[i]; m < ab[i + 1]; m++) available[a * WORDS_PER_DAY + (m >>> 5)] &= ~(1 << (m & 31));
    }
    const iso = isoDate(n);
    const tech = techDay(roster, iso, weekday, zone.start, zone.length, open, toElapsed);
    const capacity = skillCapacity(roster, tech, skills.length);
    const techMinutes = new Int32Array(skills.length);
    roster.technicians.forEach((t, k) => {
      const r = tech.ranges[k];
      let wall = 0;
      for (let i = 0; i < r.length; i += 2) wall += r[i + 1] - r[i];
      const productive = Math.floor((wall * tech.num[k]) / tech.den[k]);
      for (const sk of t.skills) if (productive > techMinutes[sk]) techMinutes[sk] = productive;
    });
    const gridPhase = ((zone.startWall % GRID) + GRID) % GRID;
    const express = config.express;
    const reservedLabour = new Int32Array(skills.length);
    skills.forEach((sk, i) => {
      const h = express.reservedWorkshopHours[sk] ?? express.defaultReservedHours;
      reservedLabour[i] = Math.min(capacity[i], Math.round(h * 60));
    });
    return {
      n,
      weekday,
      zone,
      open,
      closure,
      rush,
      duty,
      absent,
      available,
      noon: toElapsed(13 * 60),
      windowStart: open.length ? open[0] : 0,
      windowEnd: open.length ? open[open.length - 1] : 0,
      capacity,
      techMinutes,
      tech,
      gridPhase,
      releaseAt: releaseOf(n, zone),
      reservedLabour,
    };
  };

  let hitN = NaN;
  let hit: DayInfo | undefined;
  const day = (n: number): DayInfo => {
    if (n === hitN) return hit!;
    let d = cache.get(n);
    if (!d) {
      d = buildDay(n);
      cache.set(n, d);
    }
    hitN = n;
    hit = d;
    return d;
  };

  // Most calls ask about the same day as the previous one: answer those without a lookup.
  let lastN = 0;
  let lastStart = 1;
  let lastEnd = 0;
  const dayOf = (em: number): number => {
    if (em >= lastStart && em < lastEnd) return lastN;
    let n = Math.floor(em / 1440);
    n = Math.floor((em + day(n).zone.offset) / 1440);
    for (let guard = 0; guard < 4; guard++) {
      const z = day(n).zone;
      if (em < z.start) n--;
      else if (em >= z.start + z.length) n++;
      else break;
    }
    const z = day(n).zone;
    lastN = n;
    lastStart = z.start;
    lastEnd = z.start + z.length;
    return n;
  };

  const format = (em: number): string => {
    const n = dayOf(em);
    const z = day(n).zone;
    return formatWithOffset(em, offsetAtElapsed(z, em - z.start));
  };

  const { handoverMinutes, qualityCheckMinutes } = config.workshopRules;
  return {
    id,
    config,
    tz,
    advisors,
    advisorIndex,
    skills,
    skillIndex,
    interventions,
    absences,
    roster,
    handoverMinutes,
    qualityCheckMinutes,
    day,
    isOpen,
    dayOf,
    format,
    plainDayStart: (n) => {
      const z = zones.get(n);
      return z && z.transition < 0 && z.startWall === 0 && z.length === 1440 ? z.start : null;
    },
  };
}
