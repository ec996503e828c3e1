import { Temporal } from "@js-temporal/polyfill";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumberFromYmd, isoFromDayNumber } from "../../src/core/civil.js";
import { localToEpochMinute, zoneDay, zoneDayFromTemporal } from "../../src/core/zone.js";

// A zone's plain days (no transition) are made from the stretch between two transitions,
// not asked of Temporal one by one (issue 17). Whatever zoneDay answers must be what
// Temporal answers, day by day, in zones whose transitions are the awkward ones.

const ZONES = [
  "Europe/Rome",
  "America/New_York",
  "Australia/Lord_Howe", // 30-minute DST
  "America/Sao_Paulo", // transitions at midnight (until 2019)
  "America/Havana", // transitions at midnight
  "America/Santiago", // transitions at midnight
  "Pacific/Apia", // skipped 2011-12-30 entirely
  "Europe/Dublin", // "negative" DST
  "Antarctica/Troll", // two-hour DST
  "Africa/Monrovia", // an offset in seconds until 1972
  "Asia/Kolkata",
  "UTC",
];

const day = (y: number, m: number, d: number) => dayNumberFromYmd(y, m, d);

/** readLocal's semantics asked of Temporal alone: the earlier instant, a wall time in a gap refused. */
function temporalReading(tz: string, date: string, wall: number): number | "gap" {
  const pdt = Temporal.PlainDateTime.from(
    `${date}T${String(Math.floor(wall / 60)).padStart(2, "0")}:${String(wall % 60).padStart(2, "0")}`,
  );
  const zdt = pdt.toZonedDateTime(tz, { disambiguation: "earlier" });
  if (!zdt.toPlainDateTime().equals(pdt)) return "gap";
  return Math.round(zdt.epochMilliseconds / 60_000);
}

describe("a zone's days", () => {
  it.each([
    ["Pacific/Apia", day(2011, 12, 20), day(2012, 1, 10)],
    ["America/Havana", day(2024, 3, 1), day(2024, 3, 20)],
    ["America/Santiago", day(2024, 3, 30), day(2024, 4, 14)],
    ["America/Sao_Paulo", day(2018, 10, 28), day(2018, 11, 12)],
    ["Europe/Rome", day(2026, 3, 20), day(2026, 4, 5)],
    ["Europe/Rome", day(2026, 10, 18), day(2026, 11, 2)],
    ["Australia/Lord_Howe", day(2026, 3, 30), day(2026, 4, 14)],
    ["Africa/Monrovia", day(1971, 12, 20), day(1972, 1, 20)],
  ])("%s: every day from %i to %i is Temporal's", (tz, from, to) => {
    for (let n = from; n <= to; n++)
      expect(zoneDay(tz, n), `${tz} ${isoFromDayNumber(n)}`).toEqual(zoneDayFromTemporal(tz, n));
  });

  it.each([
    ["America/Havana", day(2024, 3, 10)], // its start IS the transition (midnight skipped)
    ["America/Santiago", day(2024, 9, 8)],
  ])("%s: the days before a day that starts at a transition, asked after it, are Temporal's", (tz, n) => {
    expect(zoneDay(tz, n)).toEqual(zoneDayFromTemporal(tz, n));
    for (let m = n - 1; m >= n - 20; m--)
      expect(zoneDay(tz, m), isoFromDayNumber(m)).toEqual(zoneDayFromTemporal(tz, m));
  });

  it("any day of any of the zones, 1970-2060, asked in any order, is Temporal's", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: day(1970, 1, 1), max: day(2060, 12, 31) }), (tz, n) => {
        expect(zoneDay(tz, n)).toEqual(zoneDayFromTemporal(tz, n));
      }),
      { numRuns: 1500 },
    );
  });

  it("a local date-time reads as Temporal reads it, and one in a gap is refused", () => {
    const near = fc.integer({ min: day(2024, 1, 1), max: day(2027, 12, 31) });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), near, fc.integer({ min: 0, max: 1439 }), (tz, n, wall) => {
        const date = isoFromDayNumber(n);
        const r = localToEpochMinute(tz, date, wall);
        const want = temporalReading(tz, date, wall);
        if (want === "gap") expect(r.ok).toBe(false);
        else expect(r).toEqual({ ok: true, epochMinute: want });
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["Europe/Rome", "2026-03-29", 2 * 60 + 30, "gap"],
    ["Europe/Rome", "2026-10-25", 2 * 60 + 30, Date.UTC(2026, 9, 25, 0, 30) / 60_000], // the earlier of two
    ["Europe/Rome", "2026-11-24", 9 * 60 + 15, Date.UTC(2026, 10, 24, 8, 15) / 60_000],
    ["America/Havana", "2024-03-10", 30, "gap"], // midnight does not exist that day
  ])("%s %s at minute %i reads as %s", (tz, date, wall, want) => {
    const r = localToEpochMinute(tz, date, wall);
    if (want === "gap") expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, epochMinute: want });
  });

  it.each([["2026-02-30"], ["2026-13-01"], ["2026-1-01"]])(
    "a date that is not one (%s) is refused as before, not rolled over",
    (date) => {
      expect(() => localToEpochMinute("Europe/Rome", date, 600)).toThrow();
    },
  );
});
