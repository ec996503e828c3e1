import { describe, expect, it } from "vitest";
import { epochMinute } from "../../src/core/civil.js";
import {
  actionsFrom,
  HOLDING,
  isHolding,
  isReleased,
  isUpcoming,
  RELEASED,
  sqlStrings,
  STATUSES,
  tooEarly,
  UPCOMING,
} from "../../src/core/status.js";
import { ACTIVE_BOOKINGS_SQL } from "../../src/db/repos/appointments.js";

describe("appointment status sets (core/status.ts)", () => {
  it("split every status into holding or released, and upcoming ones hold", () => {
    expect([...HOLDING, ...RELEASED].sort()).toEqual([...STATUSES].sort());
    for (const s of STATUSES) expect(isHolding(s)).toBe(!isReleased(s));
    for (const s of UPCOMING) expect(isHolding(s)).toBe(true);
    expect(STATUSES.filter(isUpcoming)).toEqual(["requested", "confirmed"]);
  });

  it("reach the SQL as the same constants", () => {
    expect(sqlStrings(UPCOMING)).toBe("'requested', 'confirmed'");
    expect(ACTIVE_BOOKINGS_SQL).toContain(`status IN (${sqlStrings(UPCOMING)})`);
    expect(() => sqlStrings(["x' OR 1=1 --"])).toThrow(/not a status constant/);
  });
});

describe("the steps open at a moment (tooEarly, actionsFrom with a time)", () => {
  const start = 1_000_000; // epoch minutes
  const DAY = 20_000; // the reception's local day number
  /** `now` minutes from the reception's start, on `dayOffset` days from its day. */
  const at = (now: number, dayOffset = 0) => ({
    receptionStart: start,
    now,
    receptionDay: DAY,
    today: DAY + dayOffset,
  });

  it("holds back a no-show until the reception starts, a check-in until its day, and nothing else", () => {
    expect(tooEarly("no-show", at(start - 1))).toBe(true);
    expect(tooEarly("no-show", at(start))).toBe(false);
    expect(tooEarly("no-show", at(start + 30))).toBe(false);
    // Check-in: any time on the reception's day (customers come early), never the day before.
    expect(tooEarly("check-in", at(start - 4 * 24 * 60, -4))).toBe(true);
    expect(tooEarly("check-in", at(start - 60, -1))).toBe(true);
    expect(tooEarly("check-in", at(start - 180))).toBe(false);
    expect(tooEarly("check-in", at(start + 24 * 60, 1))).toBe(false);
    for (const a of ["confirm", "cancel", "complete"] as const) expect(tooEarly(a, at(0, -10))).toBe(false);
  });

  it("offers the no-show from the reception's start on, the check-in from its day on; without a time, every step of the status", () => {
    expect(actionsFrom("confirmed", at(start - 1))).toEqual(["check-in", "cancel"]);
    expect(actionsFrom("confirmed", at(start))).toEqual(["check-in", "no-show", "cancel"]);
    expect(actionsFrom("requested", at(start - 60))).toEqual(["confirm", "check-in", "cancel"]);
    expect(actionsFrom("confirmed", at(start - 24 * 60, -1))).toEqual(["cancel"]);
    expect(actionsFrom("requested", at(start - 4 * 24 * 60, -4))).toEqual(["confirm", "cancel"]);
    expect(actionsFrom("requested")).toEqual(["confirm", "check-in", "no-show", "cancel"]);
    // A late customer after the automatic no-show is checked in whatever the time.
    expect(actionsFrom("no_show", at(start + 45))).toEqual(["check-in"]);
    expect(actionsFrom("no_show", at(start + 3 * 24 * 60, 3))).toEqual(["check-in"]);
  });
});

describe("epochMinute", () => {
  it("is the minute an instant falls in, before 1970 too", () => {
    expect(epochMinute(0)).toBe(0);
    expect(epochMinute(59_999)).toBe(0);
    expect(epochMinute(60_000)).toBe(1);
    expect(epochMinute(-1)).toBe(-1);
    expect(epochMinute(Date.UTC(2026, 2, 29, 1, 30, 59))).toBe(Date.UTC(2026, 2, 29, 1, 30) / 60_000);
  });
});
