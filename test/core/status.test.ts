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

  it("holds back a no-show until the reception starts, and nothing else", () => {
    expect(tooEarly("no-show", start, start - 1)).toBe(true);
    expect(tooEarly("no-show", start, start)).toBe(false);
    expect(tooEarly("no-show", start, start + 30)).toBe(false);
    for (const a of ["confirm", "check-in", "cancel", "complete"] as const) expect(tooEarly(a, start, 0)).toBe(false);
  });

  it("offers the no-show from the reception's start on; without a time, every step of the status", () => {
    expect(actionsFrom("confirmed", { receptionStart: start, now: start - 1 })).toEqual(["check-in", "cancel"]);
    expect(actionsFrom("confirmed", { receptionStart: start, now: start })).toEqual(["check-in", "no-show", "cancel"]);
    expect(actionsFrom("requested", { receptionStart: start, now: start - 60 })).toEqual([
      "confirm",
      "check-in",
      "cancel",
    ]);
    expect(actionsFrom("requested")).toEqual(["confirm", "check-in", "no-show", "cancel"]);
    // A late customer after the automatic no-show is checked in whatever the time.
    expect(actionsFrom("no_show", { receptionStart: start, now: start + 45 })).toEqual(["check-in"]);
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
