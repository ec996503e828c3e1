import { Temporal } from "@js-temporal/polyfill";
import { describe, expect, it } from "vitest";
import {
  CapacityIndex,
  checkReception,
  compileDealer,
  DealerConfig,
  dayNumberFromIso,
  deriveJob,
  isJobError,
  isoFromDayNumber,
  searchIndex,
} from "../../src/core/index.js";

// The DST matrix: five zones (whole-hour, half-hour-offset and 30-minute-DST ones, and
// one without DST), around EVERY transition of 2026–2027, found with Temporal rather
// than listed by hand. The dealer opens 01:00–04:00 and 08:00–18:00 every day, so the
// skipped or repeated hour lies inside opening hours. For the day before, the day of
// and the day after each transition:
//   - the search lists exactly the slots a minute-by-minute checkReception accepts, and
//     exactly the ones Temporal says exist: every local quarter hour of the opening
//     hours, none in a gap, a repeated wall time as two instants, none listed twice;
//   - every start is on the local 15-minute grid and inside the local opening hours;
//   - formatted instants agree with Temporal's offset at that moment.
// Nothing here reads the process time zone: `npm run test:tz` runs this file under
// TZ=UTC and TZ=Pacific/Kiritimati (UTC+14) to prove it.

const ZONES = ["Europe/Rome", "America/New_York", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kolkata"];
const HOURS: Array<[string, string]> = [
  ["01:00", "04:00"],
  ["08:00", "18:00"],
];
const RANGES = HOURS.map(([a, b]) => [toMin(a), toMin(b)] as const);
const MIN = 60_000;

function toMin(hhmm: string): number {
  return +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5);
}

function transitions(tz: string): Temporal.ZonedDateTime[] {
  const out: Temporal.ZonedDateTime[] = [];
  let z = Temporal.ZonedDateTime.from({ timeZone: tz, year: 2026, month: 1, day: 1 });
  for (;;) {
    const next = z.getTimeZoneTransition("next");
    if (!next || next.year >= 2028) return out;
    out.push(next);
    z = next;
  }
}

interface Case {
  tz: string;
  date: string;
  /** Offset change in minutes (+60 spring forward, -30 Lord Howe fall back, 0 none). */
  delta: number;
}

const CASES: Case[] = ZONES.flatMap((tz) => {
  const ts = transitions(tz);
  if (ts.length === 0) {
    // No DST: the same checks on the dates Rome changes its clocks.
    return transitions("Europe/Rome").map((t) => ({ tz, date: t.toPlainDate().toString(), delta: 0 }));
  }
  return ts.map((t) => {
    const before = t.subtract({ nanoseconds: 1 });
    return { tz, date: t.toPlainDate().toString(), delta: (t.offsetNanoseconds - before.offsetNanoseconds) / 60e9 };
  });
});

/** The instants a local wall time names: 0 (gap), 1, or 2 (repeated hour). */
function instantsOf(tz: string, date: string, wall: number): number[] {
  const pdt = Temporal.PlainDateTime.from(
    `${date}T${String(Math.floor(wall / 60)).padStart(2, "0")}:${String(wall % 60).padStart(2, "0")}`,
  );
  const out = new Set<number>();
  for (const disambiguation of ["earlier", "later"] as const) {
    const z = pdt.toZonedDateTime(tz, { disambiguation });
    if (z.toPlainDateTime().equals(pdt)) out.add(z.epochMilliseconds / MIN);
  }
  return [...out].sort((a, b) => a - b);
}

/** What must be offered, from Temporal alone: every existing local quarter hour whose 15 real minutes fit the range. */
function expectedStarts(tz: string, date: string): number[] {
  const out: number[] = [];
  for (const [a, b] of RANGES) {
    const bound = (wall: number) =>
      Temporal.PlainDateTime.from(date).add({ minutes: wall }).toZonedDateTime(tz, { disambiguation: "compatible" })
        .epochMilliseconds / MIN;
    const lo = bound(a);
    const hi = bound(b);
    for (let w = a; w < b; w += 15) for (const t of instantsOf(tz, date, w)) if (t >= lo && t + 15 <= hi) out.push(t);
  }
  return out.sort((x, y) => x - y);
}

function setupDealer(tz: string, date: string) {
  const n = dayNumberFromIso(date);
  // Only the three days around the change are open, so the search (which widens when it
  // finds fewer options than asked) lists every slot of those days and nothing else.
  const closures: string[] = [];
  for (let d = n - 70; d <= n + 70; d++) if (Math.abs(d - n) > 1) closures.push(isoFromDayNumber(d));
  const week = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, HOURS]));
  const config = DealerConfig.parse({
    name: "DST",
    timeZone: tz,
    openingHours: week,
    closures,
    rushHours: [],
    advisors: [{ id: "desk", name: "Desk" }],
    interventions: { check: { receptionMinutes: 15, returnMinutes: 10, labourHours: 0, skill: "mechanical" } },
    express: { reservedReceptions: { morning: 0, afternoon: 0 }, defaultReservedHours: 0, heldCourtesyCars: 0 },
  });
  const dealer = compileDealer("dst", config);
  const job = deriveJob(dealer, { interventions: ["check"], known: true, mobility: "none" });
  if (isJobError(job)) throw new Error(job.detail);
  const now =
    Temporal.PlainDate.from(date).subtract({ days: 10 }).toZonedDateTime({ timeZone: tz }).epochMilliseconds / MIN;
  return { dealer, index: new CapacityIndex(dealer), job, n, now };
}

const dayStart = (tz: string, date: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: tz }).epochMilliseconds / MIN;
const temporalIso = (tz: string, t: number) => {
  const z = Temporal.Instant.fromEpochMilliseconds(t * MIN).toZonedDateTimeISO(tz);
  return `${z.toPlainDateTime().toString({ smallestUnit: "second" })}${z.offset}`;
};

describe("the matrix itself", () => {
  it("finds four transitions a year in each DST zone, none in Asia/Kolkata, all inside the night opening", () => {
    for (const tz of ZONES) expect(transitions(tz).length, tz).toBe(tz === "Asia/Kolkata" ? 0 : 4);
    expect(CASES.length).toBe(20);
    for (const c of CASES.filter((x) => x.delta !== 0)) {
      const t = transitions(c.tz).find((x) => x.toPlainDate().toString() === c.date)!;
      const wall = t.hour * 60 + t.minute;
      expect(wall >= 60 && wall <= 240, `${c.tz} ${c.date} changes at ${t.toString()}`).toBe(true);
    }
  });
});

describe.each(CASES)("$tz around $date (offset change $delta min)", ({ tz, date, delta }) => {
  it("offers exactly the existing local quarter hours of the opening hours, each once, on the local grid", () => {
    const s = setupDealer(tz, date);
    const res = searchIndex(s.index, { job: s.job, fromDay: s.n - 1, days: 3, count: 1000, now: s.now });
    const listed = res.options.map((o) => o.reception.start).sort((a, b) => a - b);
    const days = [-1, 0, 1].map((k) => isoFromDayNumber(s.n + k));
    const expected = days.flatMap((d) => expectedStarts(tz, d));

    expect(new Set(listed).size, "an instant listed twice").toBe(listed.length);
    expect(listed).toEqual(expected);
    for (const t of listed) {
      const z = Temporal.Instant.fromEpochMilliseconds(t * MIN).toZonedDateTimeISO(tz);
      const wall = z.hour * 60 + z.minute;
      // Round trip: the wall time exists and names this instant (not a gap, not shifted).
      expect(instantsOf(tz, z.toPlainDate().toString(), wall), temporalIso(tz, t)).toContain(t);
      expect(wall % 15, temporalIso(tz, t)).toBe(0);
      // Opening hours hold in local wall time, whatever the offset that day.
      expect(
        RANGES.some(([a, b]) => wall >= a && wall < b),
        temporalIso(tz, t),
      ).toBe(true);
      expect(s.dealer.format(t)).toBe(temporalIso(tz, t));
    }
    // The night of the change loses or gains exactly the skipped or repeated quarter hours.
    const night = listed.filter((t) => t >= dayStart(tz, date) && t < dayStart(tz, date) + 6 * 60);
    expect(night.length).toBe(12 - delta / 15);
    const daytime = listed.filter((t) => t >= dayStart(tz, date) + 6 * 60 && t < dayStart(tz, days[2]));
    expect(daytime.length).toBe(40);
  });

  it("agrees with checkReception asked at every minute of the three days", () => {
    const s = setupDealer(tz, date);
    const from = dayStart(tz, isoFromDayNumber(s.n - 1));
    const to = dayStart(tz, isoFromDayNumber(s.n + 2));
    const accepted: number[] = [];
    for (let t = from; t < to; t++) {
      if (
        checkReception(s.index, { advisor: 0, start: t, minutes: 15, job: s.job, now: s.now }).violations.length === 0
      )
        accepted.push(t);
    }
    const expected = [-1, 0, 1].flatMap((k) => expectedStarts(tz, isoFromDayNumber(s.n + k)));
    expect(accepted).toEqual(expected);
  });
});
