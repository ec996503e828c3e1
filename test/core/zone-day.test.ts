import { Temporal } from "@js-temporal/polyfill";
import { describe, expect, it } from "vitest";
import { dayNumberFromIso } from "../../src/core/civil.js";
import { zoneDay } from "../../src/core/zone.js";

// A zone's day as the rest of the core reads it: its first instant, its real length, and
// the one instant inside it where the offset changes. A day whose offset differs at its two
// ends must name that instant, or every wall time after it reads an hour off
// (wallToElapsed's fast path trusts `transition < 0`).

const offsetAt = (tz: string, epochMinute: number) =>
  Math.round(
    Temporal.Instant.fromEpochMilliseconds(epochMinute * 60_000).toZonedDateTimeISO(tz).offsetNanoseconds / 60e9,
  );

describe("a zone's day", () => {
  it.each([
    ["Europe/Rome", "2026-03-29", 1380],
    ["Europe/Rome", "2026-10-25", 1500],
    ["Australia/Lord_Howe", "2026-04-05", 1470], // half an hour back
    // The polyfill's transition search steps over this change (it comes back a week
    // later): the day must still name it.
    ["Asia/Gaza", "2040-10-20", 1380],
    ["Asia/Gaza", "2040-10-27", 1500],
  ])("%s %s lasts %i minutes and names the instant its offset changes", (tz, date, length) => {
    const d = zoneDay(tz, dayNumberFromIso(date));
    expect(d.length).toBe(length);
    expect(d.transition).toBeGreaterThanOrEqual(0);
    const at = d.start + d.transition;
    expect(offsetAt(tz, at - 1)).toBe(d.offset);
    expect(offsetAt(tz, at)).toBe(d.offsetAfter);
    expect(d.offsetAfter).not.toBe(d.offset);
  });

  it("America/Havana 2024-03-10 starts at its change: 01:00, 1380 minutes, nothing changes inside", () => {
    const d = zoneDay("America/Havana", dayNumberFromIso("2024-03-10"));
    expect(d).toMatchObject({ length: 1380, transition: -1, startWall: 60, offset: -240 });
  });

  it.each([
    ["Europe/Rome", "2026-11-24"],
    ["Asia/Gaza", "2040-10-23"], // inside the short excursion: a plain day at the new offset
  ])("%s %s is a plain day", (tz, date) => {
    const d = zoneDay(tz, dayNumberFromIso(date));
    expect(d).toMatchObject({ length: 1440, transition: -1, startWall: 0 });
    expect(offsetAt(tz, d.start)).toBe(d.offset);
  });
});
