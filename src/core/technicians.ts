import type { DealerConfig } from "./dealer-config.js";
import { WEEKDAYS, type WeeklyHours } from "./dealer-config/hours.js";
import type { SkillCapacity } from "./dealer-config/workshop.js";
import { parseLocalTime } from "./primitives.js";

// The workshop's technicians, compiled once per dealer. A skill configured the original
// way ({ technicians, hoursPerDay }) becomes that many identical technicians ("<skill>#1",
// …, named by its `names` or "<skill> 1", …) who work the workshop window (first opening →
// last closing, at least hoursPerDay long) at hoursPerDay productive hours, spread evenly —
// the meaning the count always had. A roster gives named technicians who work their own hours (default: opening hours) at
// full speed, minus absences. Either way a technician's day is a few elapsed-minute
// ranges and a speed num/den (productive minutes per wall minute).

export interface CompiledTechnician {
  id: string;
  name: string;
  /** Skill indexes this technician works. */
  skills: number[];
  /** Original form: the skill and the technician's position (k-th of `technicians`). */
  legacy?: { spec: SkillCapacity; k: number };
  hours?: WeeklyHours;
  /** Flat [start, end, …] epoch minutes of absence, sorted. */
  absences: number[];
}

export interface Roster {
  technicians: CompiledTechnician[];
  /** Per skill: technician indexes in roster order (the deterministic tie-break). */
  bySkill: number[][];
}

export function compileRoster(config: DealerConfig, skills: string[], readInstant: (s: string) => number): Roster {
  const technicians: CompiledTechnician[] = [];
  const skillIndex = new Map(skills.map((s, i) => [s, i]));
  skills.forEach((skill, si) => {
    const spec = config.workshop[skill];
    if (!Array.isArray(spec)) {
      // Overrides may name more technicians than usual on a date: the roster holds the most.
      let most = spec.technicians;
      for (const o of Object.values(spec.overrides))
        if (o.technicians !== undefined && o.technicians > most) most = o.technicians;
      for (let k = 0; k < most; k++)
        technicians.push({
          id: `${skill}#${k + 1}`,
          name: spec.names?.[k] ?? `${skill} ${k + 1}`,
          skills: [si],
          legacy: { spec, k },
          absences: [],
        });
      return;
    }
    for (const t of spec) {
      const own = new Set([si, ...t.skills.map((s) => skillIndex.get(s)).filter((x): x is number => x !== undefined)]);
      const absences: Array<[number, number]> = [];
      for (const ab of t.absences) {
        try {
          const s = readInstant(ab.start);
          const e = readInstant(ab.end);
          if (s < e) absences.push([s, e]);
        } catch {
          // A bound in a DST gap: validation reports it; skip defensively.
        }
      }
      absences.sort((a, b) => a[0] - b[0]);
      technicians.push({
        id: t.id,
        name: t.name,
        skills: [...own].sort((a, b) => a - b),
        hours: t.hours,
        absences: absences.flat(),
      });
    }
  });
  const bySkill: number[][] = skills.map(() => []);
  technicians.forEach((t, k) => t.skills.forEach((s) => bySkill[s].push(k)));
  return { technicians, bySkill };
}

/** Flat ranges minus flat ranges (both sorted). */
function subtract(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += 2) {
    let s = a[i];
    const e = a[i + 1];
    for (let j = 0; j < b.length && s < e; j += 2) {
      if (b[j + 1] <= s || b[j] >= e) continue;
      if (b[j] > s) out.push(s, b[j]);
      s = Math.max(s, b[j + 1]);
    }
    if (s < e) out.push(s, e);
  }
  return out;
}

export interface TechDay {
  /** Per technician: flat elapsed-minute ranges worked that day (absences removed). */
  ranges: number[][];
  /** Per technician: productive minutes per `den` wall minutes. */
  num: Int32Array;
  den: Int32Array;
}

/**
 * One local day of every technician. `toElapsed` maps a wall minute to the day's elapsed
 * minute (DST days); `open` is the day's opening ranges (elapsed), empty when closed.
 */
export function techDay(
  roster: Roster,
  iso: string,
  weekday: number,
  zoneStart: number,
  zoneLength: number,
  open: number[],
  toElapsed: (wall: number) => number,
): TechDay {
  const T = roster.technicians.length;
  const ranges: number[][] = [];
  const num = new Int32Array(T);
  const den = new Int32Array(T);
  for (let k = 0; k < T; k++) {
    const t = roster.technicians[k];
    num[k] = 1;
    den[k] = 1;
    if (open.length === 0) {
      ranges.push([]);
      continue;
    }
    if (t.legacy) {
      const o = t.legacy.spec.overrides[iso];
      const count = o?.technicians ?? t.legacy.spec.technicians;
      const minutes = Math.round((o?.hoursPerDay ?? t.legacy.spec.hoursPerDay) * 60);
      // The window: first opening to last closing, but never shorter than hoursPerDay
      // (up to the day's end): a desk open 10:00-10:15 does not make an 8-hour
      // technician work 15 minutes, nor 32 minutes a minute.
      const ws = open[0];
      const we = Math.max(open[open.length - 1], Math.min(zoneLength, ws + minutes));
      if (t.legacy.k >= count || minutes <= 0 || we <= ws) {
        ranges.push([]);
        continue;
      }
      ranges.push([ws, we]);
      num[k] = Math.min(minutes, we - ws);
      den[k] = we - ws;
      continue;
    }
    let own = open.slice();
    if (t.hours) {
      own = [];
      const pairs = t.hours[WEEKDAYS[weekday]]
        .map(([a, b]) => [parseLocalTime(a), parseLocalTime(b)])
        .sort((x, y) => x[0] - y[0]);
      for (const [a, b] of pairs) {
        const s = toElapsed(a);
        const e = toElapsed(b);
        if (own.length && s <= own[own.length - 1]) own[own.length - 1] = Math.max(own[own.length - 1], e);
        else if (s < e) own.push(s, e);
      }
    }
    const absent: number[] = [];
    for (let i = 0; i < t.absences.length; i += 2) {
      const s = Math.max(t.absences[i] - zoneStart, 0);
      const e = Math.min(t.absences[i + 1] - zoneStart, zoneLength);
      if (s < e) absent.push(s, e);
    }
    ranges.push(absent.length ? subtract(own, absent) : own);
  }
  return { ranges, num, den };
}

/** Productive minutes of every technician per skill that day (the day board's capacity). */
export function skillCapacity(roster: Roster, day: TechDay, skills: number): Int32Array {
  const capacity = new Int32Array(skills);
  roster.technicians.forEach((t, k) => {
    let wall = 0;
    const r = day.ranges[k];
    for (let i = 0; i < r.length; i += 2) wall += r[i + 1] - r[i];
    const productive = Math.floor((wall * day.num[k]) / day.den[k]);
    for (const s of t.skills) capacity[s] += productive;
  });
  return capacity;
}
