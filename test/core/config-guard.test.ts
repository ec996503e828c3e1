import { describe, expect, it } from "vitest";
import { CONFIG_CHECKS, findConflicts, type ConfigCheck, type GuardInput } from "../../src/core/config-guard/index.js";
import { DealerConfig } from "../../src/core/dealer-config.js";
import { compileDealer, readInstant } from "../../src/core/dealer.js";
import { CapacityIndex } from "../../src/core/capacity-index.js";
import { rebase } from "../../src/core/config-guard/index.js";
import { planLabour } from "../../src/core/workshop.js";
import type { Booking } from "../../src/core/types.js";

// The configuration guard's list of checks, in the pure core: each check reports only
// what the change itself breaks, and a new rule (the technicians' roster, issue 13) is
// one more entry in the list.

const base = DealerConfig.parse({
  name: "Roma",
  timeZone: "Europe/Rome",
  advisors: [
    { id: "anna", name: "Anna" },
    { id: "bruno", name: "Bruno" },
  ],
  mobility: { courtesyCars: 1 },
});
const dealer = compileDealer("rome", base);
const now = readInstant("Europe/Rome", "2026-11-23T09:00");

function loan(id: string, advisor: number, time: string): Booking {
  const start = readInstant("Europe/Rome", `2026-11-25T${time}`);
  return {
    id,
    reception: { advisor, start, minutes: 15 },
    ret: { advisor, start: start + 240, minutes: 10 },
    labour: [],
    readyAt: start + 240,
    express: false,
    mobility: "courtesy_car",
  };
}

function input(next: Partial<DealerConfig>, bookings: Booking[]): GuardInput {
  const config = DealerConfig.parse({ ...base, ...next });
  const map = new Map(bookings.map((b) => [b.id, b]));
  return {
    before: dealer,
    after: compileDealer("rome", config),
    afterConfig: config,
    beforeBookings: map,
    afterBookings: map,
    now,
  };
}

describe("CONFIG_CHECKS", () => {
  it("lists the seven rules in order, each with a name (each appointment's own rules last)", () => {
    expect(CONFIG_CHECKS.map((c) => c.name)).toEqual([
      "advisor_removed",
      "closure",
      "outside_opening_hours",
      "courtesy_cars_exceeded",
      "workshop_exceeded",
      "technician_unavailable",
      "rules_kept",
    ]);
  });

  it("reports only what the change breaks: loans already beyond the fleet before are not its doing", () => {
    const two = [loan("a", 0, "10:00"), loan("b", 1, "10:00")]; // two loans, one car: already over
    expect(findConflicts(input({ parking: "elsewhere" }, two))).toEqual([]);
    expect(findConflicts(input({ mobility: { ...base.mobility, courtesyCars: 2 } }, two))).toEqual([]);
    const fine = [loan("a", 0, "10:00")];
    expect(
      findConflicts(input({ mobility: { ...base.mobility, courtesyCars: 0 } }, fine)).map((c) => [c.id, c.code]),
    ).toEqual([["a", "courtesy_cars_exceeded"]]);
  });

  it("runs a check added to the list, after the built-in ones (how the roster check joins)", () => {
    const roster: ConfigCheck = {
      name: "technician_roster",
      run: (i) =>
        [...i.afterBookings.keys()].map((id) => ({ id, code: "technician_unavailable", message: "no technician" })),
    };
    const found = findConflicts(input({ mobility: { ...base.mobility, courtesyCars: 0 } }, [loan("a", 0, "10:00")]), [
      ...CONFIG_CHECKS,
      roster,
    ]);
    expect(found.map((c) => c.code)).toEqual(["courtesy_cars_exceeded", "technician_unavailable"]);
  });
});

describe("technicians (issue 13): a roster edit never silently drops or overbooks a planned job", () => {
  // Two mechanics; Luca also diagnoses. Wednesday 25th: a 2 h maintenance on Luca from 09:30
  // (reception 09:00-09:15 + 15 min handover), a 1.5 h diagnosis on Luca after it, and a 2 h
  // job on Marco from 09:30. Friday 20th (before "now", Monday 09:00): a job on Luca, already done.
  const luca = { id: "luca", name: "Luca", skills: ["diagnosis"] };
  const marco = { id: "marco", name: "Marco" };
  const rosterConfig = (mechanical: unknown[], diagnosis: unknown[] = []) =>
    DealerConfig.parse({
      ...base,
      express: { defaultReservedHours: 0, reservedReceptions: { morning: 0, afternoon: 0 } },
      workshop: { mechanical, diagnosis, bodywork: [] },
    });
  const before = compileDealer("rome", rosterConfig([luca, marco]));
  const at = (local: string) => readInstant("Europe/Rome", local);

  function plan(index: CapacityIndex, id: string, local: string, skills: Array<[string, number]>): Booking {
    const start = at(local);
    const p = planLabour(
      index,
      {
        labour: skills.map(([s, minutes]) => ({ skill: before.skillIndex.get(s)!, minutes })),
        receptionMinutes: 15,
      } as never,
      start + 15,
      at("2026-11-01T00:00"),
      true,
    )!;
    const b: Booking = {
      id,
      reception: { advisor: 0, start, minutes: 15 },
      ret: null,
      labour: p.labour,
      readyAt: p.readyAt,
      express: false,
      mobility: "none",
    };
    index.add(b);
    return b;
  }
  const index = new CapacityIndex(before);
  const done = plan(index, "done", "2026-11-20T09:00", [["mechanical", 60]]);
  const both = plan(index, "both", "2026-11-25T09:00", [
    ["diagnosis", 90],
    ["mechanical", 120],
  ]);
  const other = plan(index, "other", "2026-11-25T09:00", [["mechanical", 120]]);
  const bookings = new Map([done, both, other].map((b) => [b.id, b]));
  const tech = (b: Booking) => b.labour.map((l) => before.roster.technicians[l.tech!].id);

  function guard(config: DealerConfig) {
    const after = compileDealer("rome", config);
    const afterBookings = new Map([...bookings].map(([id, b]) => [id, rebase(b, before, after)]));
    return findConflicts({ before, after, afterConfig: config, beforeBookings: bookings, afterBookings, now });
  }

  it("the fixture: Luca diagnoses then services 'both', Marco takes 'other' (and Luca did 'done' before now)", () => {
    expect(tech(both)).toEqual(["luca", "luca"]);
    expect(tech(other)).toEqual(["marco"]);
    expect(tech(done)).toEqual(["luca"]);
    expect(guard(rosterConfig([luca, marco]))).toEqual([]);
  });

  const table: Array<{ name: string; config: DealerConfig; expected: Array<[string, string]>; says?: RegExp }> = [
    // (Luca was the only diagnostician: the day's diagnosis capacity check says so too.)
    {
      name: "removing a technician names each job still ahead on them (not the one already done)",
      config: rosterConfig([marco]),
      expected: [
        ["both", "workshop_exceeded"],
        ["both", "technician_unavailable"],
        ["both", "technician_unavailable"],
      ],
      says: /Luca \(luca\), whom the new configuration removes/,
    },
    {
      name: "removing the other technician",
      config: rosterConfig([luca]),
      expected: [["other", "technician_unavailable"]],
      says: /Marco \(marco\), whom the new configuration removes/,
    },
    // (Nobody diagnoses any more: the day's diagnosis capacity check says so too.)
    {
      name: "removing a skill from a technician names the jobs of that skill",
      config: rosterConfig([{ ...luca, skills: [] }, marco]),
      expected: [
        ["both", "workshop_exceeded"],
        ["both", "technician_unavailable"],
      ],
      says: /no longer has the skill diagnosis/,
    },
    {
      name: "shrinking a technician's hours under a planned job",
      config: rosterConfig([
        luca,
        {
          ...marco,
          hours: {
            mon: [["08:00", "18:00"]],
            tue: [["08:00", "18:00"]],
            wed: [["08:00", "10:00"]],
            thu: [["08:00", "18:00"]],
            fri: [["08:00", "18:00"]],
          },
        },
      ]),
      expected: [["other", "technician_unavailable"]],
      says: /leave 30 of its 120 minutes/,
    },
    {
      name: "an absence over a planned job",
      config: rosterConfig([{ ...luca, absences: [{ start: "2026-11-25T12:00", end: "2026-11-25T18:00" }] }, marco]),
      expected: [["both", "technician_unavailable"]],
      says: /leave \d+ of its 120 minutes/,
    },
    {
      name: "moving a technician to another skill's list keeps the same id: nothing to report",
      config: rosterConfig([marco], [{ ...luca, skills: ["mechanical"] }]),
      expected: [],
    },
    {
      name: "longer hours and an absence away from the jobs: nothing to report",
      config: rosterConfig([
        { ...luca, absences: [{ start: "2026-11-26T08:00", end: "2026-11-27T08:00" }] },
        { ...marco, hours: { wed: [["07:00", "19:00"]] } },
      ]),
      expected: [],
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      const found = guard(row.config);
      expect(found.map((c) => [c.id, c.code])).toEqual(row.expected);
      const mine = found.filter((c) => c.code === "technician_unavailable");
      if (row.says) for (const c of mine) expect(c.message).toMatch(row.says);
      for (const c of mine)
        expect(c.message).toMatch(
          /^its (mechanical|diagnosis) work 2026-11-25 \d\d:\d\d–\d\d:\d\d is planned on technician /,
        );
    });
  }
});
