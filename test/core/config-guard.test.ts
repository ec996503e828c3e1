import { describe, expect, it } from "vitest";
import { CONFIG_CHECKS, findConflicts, type ConfigCheck, type GuardInput } from "../../src/core/config-guard/index.js";
import { DealerConfig } from "../../src/core/dealer-config.js";
import { compileDealer, readInstant } from "../../src/core/dealer.js";
import type { Booking } from "../../src/core/types.js";

// The configuration guard's list of checks, in the pure core: each check reports only
// what the change itself breaks, and a new rule (the technicians' roster, issue 13) is
// one more entry in the list.

const base = DealerConfig.parse({ name: "Roma", timeZone: "Europe/Rome", advisors: [{ id: "anna", name: "Anna" }, { id: "bruno", name: "Bruno" }], mobility: { courtesyCars: 1 } });
const dealer = compileDealer("rome", base);
const now = readInstant("Europe/Rome", "2026-11-23T09:00");

function loan(id: string, advisor: number, time: string): Booking {
  const start = readInstant("Europe/Rome", `2026-11-25T${time}`);
  return { id, reception: { advisor, start, minutes: 15 }, ret: { advisor, start: start + 240, minutes: 10 }, labour: [], readyAt: start + 240, express: false, mobility: "courtesy_car" };
}

function input(next: Partial<DealerConfig>, bookings: Booking[]): GuardInput {
  const config = DealerConfig.parse({ ...base, ...next });
  const map = new Map(bookings.map((b) => [b.id, b]));
  return { before: dealer, after: compileDealer("rome", config), afterConfig: config, beforeBookings: map, afterBookings: map, now };
}

describe("CONFIG_CHECKS", () => {
  it("lists the five rules in order, each with a name", () => {
    expect(CONFIG_CHECKS.map((c) => c.name)).toEqual(["advisor_removed", "closure", "outside_opening_hours", "courtesy_cars_exceeded", "workshop_exceeded"]);
  });

  it("reports only what the change breaks: loans already beyond the fleet before are not its doing", () => {
    const two = [loan("a", 0, "10:00"), loan("b", 1, "10:00")]; // two loans, one car: already over
    expect(findConflicts(input({ parking: "elsewhere" }, two))).toEqual([]);
    expect(findConflicts(input({ mobility: { ...base.mobility, courtesyCars: 2 } }, two))).toEqual([]);
    const fine = [loan("a", 0, "10:00")];
    expect(findConflicts(input({ mobility: { ...base.mobility, courtesyCars: 0 } }, fine)).map((c) => [c.id, c.code])).toEqual([["a", "courtesy_cars_exceeded"]]);
  });

  it("runs a check added to the list, after the built-in ones (how the roster check joins)", () => {
    const roster: ConfigCheck = { name: "technician_roster", run: (i) => [...i.afterBookings.keys()].map((id) => ({ id, code: "technician_unavailable", message: "no technician" })) };
    const found = findConflicts(input({ mobility: { ...base.mobility, courtesyCars: 0 } }, [loan("a", 0, "10:00")]), [...CONFIG_CHECKS, roster]);
    expect(found.map((c) => c.code)).toEqual(["courtesy_cars_exceeded", "technician_unavailable"]);
  });
});
