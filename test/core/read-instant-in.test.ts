import { describe, expect, it } from "vitest";
import { dayNumberFromIso, isoFromDayNumber } from "../../src/core/civil.js";
import { readInstant, readInstantIn } from "../../src/core/dealer.js";
import { setup } from "../support/core.js";

// readInstantIn reads a local wall time on a plain day the dealer has built by arithmetic
// (the day's start + the wall minutes) instead of asking Temporal (issue 17). It must answer
// exactly what readInstant answers, on plain days and around every kind of clock change,
// and refuse what readInstant refuses, with the same words.

const WALLS = Array.from({ length: 96 }, (_, k) => `${String(Math.floor(k / 4)).padStart(2, "0")}:${(k % 4) * 15}`)
  .map((w) => w.replace(/:0$/, ":00"))
  .concat(["00:01", "02:30", "02:59", "23:59"]);

/** The answer or the error's words, so a refusal is compared too. */
const answer = (f: () => number): number | string => {
  try {
    return f();
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
};

describe("a local wall time read in the dealer's zone", () => {
  it.each([
    ["Europe/Rome", "2026-03-29"], // spring forward at 02:00
    ["Europe/Rome", "2026-10-25"], // fall back at 03:00
    ["America/New_York", "2026-03-08"],
    ["America/Santiago", "2026-09-06"], // midnight does not exist: the day starts at 01:00
    ["America/Havana", "2024-03-10"],
    ["Australia/Lord_Howe", "2026-04-05"], // half an hour back
    ["Asia/Gaza", "2040-10-20"], // a change the polyfill's transition search steps over
    ["Pacific/Apia", "2011-12-30"], // a day that never happened
    ["UTC", "2026-06-01"],
  ])("%s around %s answers as Temporal does, on built days and on days not built", (tz, date) => {
    const { dealer } = setup({ timeZone: tz });
    const n = dayNumberFromIso(date);
    const days = Array.from({ length: 7 }, (_, k) => n - 3 + k);
    const read = () =>
      days
        .flatMap((d) => WALLS.map((w) => `${isoFromDayNumber(d)}T${w}`))
        .map((s) => [s, answer(() => readInstantIn(dealer, s))]);
    const expected = days
      .flatMap((d) => WALLS.map((w) => `${isoFromDayNumber(d)}T${w}`))
      .map((s) => [s, answer(() => readInstant(tz, s))]);
    expect(read()).toEqual(expected); // nothing built yet: every reading is Temporal's
    for (const d of days) dealer.day(d);
    expect(read()).toEqual(expected); // built: the plain days by arithmetic
  });

  it("takes the plain day's arithmetic only where the day is plain", () => {
    const { dealer } = setup({ timeZone: "Europe/Rome" });
    const [plain, spring] = [dayNumberFromIso("2026-03-28"), dayNumberFromIso("2026-03-29")];
    expect(dealer.plainDayStart(plain)).toBeNull(); // not built: no table to read
    dealer.day(plain);
    dealer.day(spring);
    expect(dealer.plainDayStart(plain)).toBe(readInstant("Europe/Rome", "2026-03-28T00:00"));
    expect(dealer.plainDayStart(spring)).toBeNull();
  });

  it.each([
    ["2026-03-29T02:30", "does not exist"], // in the spring-forward gap
    ["2026-02-30T10:00", ""], // no such date
    ["2026-03-28T10:00:00+01:00", null], // an instant with its offset reads as before
  ])("%s reads as readInstant reads it", (s, refusal) => {
    const { dealer } = setup({ timeZone: "Europe/Rome" });
    for (let d = dayNumberFromIso("2026-02-25"); d <= dayNumberFromIso("2026-03-31"); d++) dealer.day(d);
    const got = answer(() => readInstantIn(dealer, s));
    expect(got).toEqual(answer(() => readInstant("Europe/Rome", s)));
    if (refusal === null) expect(typeof got).toBe("number");
    else expect(got).toEqual(expect.stringContaining(refusal));
  });
});
