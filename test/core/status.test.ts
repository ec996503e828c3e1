import { describe, expect, it } from "vitest";
import { epochMinute } from "../../src/core/civil.js";
import {
  HOLDING,
  isHolding,
  isReleased,
  isUpcoming,
  RELEASED,
  sqlStrings,
  STATUSES,
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

describe("epochMinute", () => {
  it("is the minute an instant falls in, before 1970 too", () => {
    expect(epochMinute(0)).toBe(0);
    expect(epochMinute(59_999)).toBe(0);
    expect(epochMinute(60_000)).toBe(1);
    expect(epochMinute(-1)).toBe(-1);
    expect(epochMinute(Date.UTC(2026, 2, 29, 1, 30, 59))).toBe(Date.UTC(2026, 2, 29, 1, 30) / 60_000);
  });
});
