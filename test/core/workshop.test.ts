import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CapacityIndex,
  checkReception,
  planLabour,
  type Booking,
  type DealerConfigInput,
  type Job,
} from "../../src/core/index.js";
import { referencePlan } from "../reference/brute-force.js";
import { at, codes, job, NO_RESERVE, setup } from "../support/core.js";
import { MON, TUE, FRI, SAT } from "../support/calendar.js";

// Ready time under the original { technicians, hoursPerDay } form, planned by technician
// (src/core/workshop.ts): that many identical technicians, each working the workshop
// window (first opening → last closing) at hoursPerDay productive hours spread evenly;
// a job is one block on one technician from reception end + 15 min handover, never
// overlapping another job of theirs; ready = block end + 15 min quality check, rounded
// up to the quarter hour. (Named rosters: technicians.test.ts.)
//
// Worked numbers (Mon–Fri 08:00–18:00 = 600 min window, 7 h = 420 min per technician-day):
//   maintenance 120 min, received 09:00–09:15: from 09:30, ceil(120·600/420) = 172 min
//     → 12:22, + 15 → 12:37 → ready 12:45.

const NOW = "2027-02-01T00:00";

const WEEKDAYS_ONLY: DealerConfigInput["openingHours"] = {
  mon: [["08:00", "18:00"]],
  tue: [["08:00", "18:00"]],
  wed: [["08:00", "18:00"]],
  thu: [["08:00", "18:00"]],
  fri: [["08:00", "18:00"]],
};

function world(input: Partial<DealerConfigInput> = {}) {
  const s = setup({
    workshop: {
      mechanical: { technicians: 2, hoursPerDay: 7, overrides: {} },
      bodywork: { technicians: 2, hoursPerDay: 7, overrides: {} },
      diagnosis: { technicians: 1, hoursPerDay: 7, overrides: {} },
    },
    // The workshop model without the express reserve; the reserve has its own tests below.
    express: NO_RESERVE,
    ...input,
  });
  const mech = s.dealer.skillIndex.get("mechanical")!;
  /** Another customer's job holding `minutes` of mechanical labour on a local date. */
  const occupy = (date: string, minutes: number) => {
    const n = s.dealer.dayOf(at(s.dealer, `${date}T12:00`));
    const b: Booking = {
      id: `other-${date}-${minutes}-${Math.random()}`,
      reception: { advisor: 0, start: at(s.dealer, `${date}T07:00`), minutes: 15 },
      ret: null,
      labour: [{ skill: mech, day: n, minutes }],
      readyAt: at(s.dealer, `${date}T07:15`),
      express: false,
      mobility: "none",
    };
    s.index.add(b);
  };
  const receive = (local: string, j: Job) => {
    const start = at(s.dealer, local);
    const r = checkReception(s.index, {
      advisor: 0,
      start,
      minutes: j.receptionMinutes,
      job: j,
      now: at(s.dealer, NOW),
    });
    return { ...r, codes: codes(r.violations), ready: r.plan ? s.dealer.format(r.plan.readyAt) : null };
  };
  const perDay = (j: { labour: Array<{ skill: number; day: number; minutes: number }> }) =>
    j.labour.map((l) => [
      s.dealer.skills[l.skill],
      s.dealer.format(s.dealer.day(l.day).zone.start).slice(0, 10),
      l.minutes,
    ]);
  return { ...s, occupy, receive, perDay };
}

describe("ready time on an empty workshop", () => {
  it("a 2 h maintenance received at 09:00 (15 min) is ready the same day at 12:45", () => {
    const w = world();
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.codes).toEqual([]);
    expect(r.ready).toBe(`${MON}T12:45:00+01:00`);
    expect(w.perDay(r.plan!)).toEqual([["mechanical", MON, 120]]);
  });

  it("a new customer's 30-min reception moves the start, so the same job is ready at 13:00", () => {
    const w = world();
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"], false));
    expect(r.ready).toBe(`${MON}T13:00:00+01:00`);
  });

  it("a job with no labour is ready when the reception ends", () => {
    const w = world({
      interventions: { check: { receptionMinutes: 15, returnMinutes: 10, labourHours: 0, skill: "mechanical" } },
    });
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["check"]));
    expect(r.ready).toBe(`${MON}T09:15:00+01:00`);
    expect(r.plan!.labour).toEqual([]);
  });

  it("one car, one skill at a time: after a 30-min reception, maintenance (09:45–12:37) then diagnosis (129 min → 14:46), ready 15:15", () => {
    const w = world();
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance", "diagnosis"]));
    expect(r.ready).toBe(`${MON}T15:15:00+01:00`);
    expect(w.perDay(r.plan!).sort()).toEqual([
      ["diagnosis", MON, 90],
      ["mechanical", MON, 120],
    ]);
  });

  it("a 12 h bodywork job rolls over to the next working day (Fri 09:00 → Mon, Mon–Fri dealer)", () => {
    const w = world({ openingHours: WEEKDAYS_ONLY });
    // Fri: from 09:45, floor(495·420/600) = 346 min; Mon: 374 min → 08:00 + ceil(374·600/420) = 08:00 + 535 → 16:55, + 15 → 17:15.
    const r = w.receive(`${FRI}T09:00`, job(w.dealer, ["bodywork"]));
    expect(r.codes).toEqual([]);
    expect(r.ready).toBe("2027-03-08T17:15:00+01:00");
    expect(w.perDay(r.plan!)).toEqual([
      ["bodywork", FRI, 346],
      ["bodywork", "2027-03-08", 374],
    ]);
  });

  it("a reception ending at closing time starts the labour the next open day", () => {
    const w = world();
    const r = w.receive(`${MON}T17:45`, job(w.dealer, ["maintenance"]));
    // From 18:00: Tue 08:00 + 172 → 10:52, + 15 → 11:15.
    expect(r.ready).toBe(`${TUE}T11:15:00+01:00`);
    expect(w.perDay(r.plan!)).toEqual([["mechanical", TUE, 120]]);
  });

  it("a per-date technician override shrinks that day's capacity", () => {
    const w = world({
      workshop: {
        mechanical: { technicians: 2, hoursPerDay: 7, overrides: { [MON]: { technicians: 0 } } },
        bodywork: { technicians: 2, hoursPerDay: 7, overrides: {} },
        diagnosis: { technicians: 1, hoursPerDay: 7, overrides: {} },
      },
    });
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.ready).toBe(`${TUE}T11:15:00+01:00`);
  });
});

describe("hours booked before technicians were modelled (skill hours only)", () => {
  it("still count: a block that would overfill Monday's skill hours starts late enough to leave only Monday's free 60 min there (16:33), and ends Tuesday (ready 09:45)", () => {
    const w = world();
    w.occupy(MON, 2 * 420 - 60);
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    // 7 h over the 10 h window: 60 productive minutes are the last 87 wall minutes of Monday; Tuesday's 60 take 86.
    expect(r.ready).toBe(`${TUE}T09:45:00+01:00`);
    expect(w.perDay(r.plan!)).toEqual([
      ["mechanical", MON, 60],
      ["mechanical", TUE, 60],
    ]);
    expect(w.dealer.format(r.plan!.labour[0].start!)).toBe(`${MON}T16:33:00+01:00`);
  });

  it("refuses with workshop_full when the labour could not start before the next open day ends (the slack)", () => {
    const w = world();
    w.occupy(MON, 840);
    w.occupy(TUE, 840);
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.codes).toEqual(["workshop_full"]);
    expect(
      planLabour(w.index, job(w.dealer, ["maintenance"]), at(w.dealer, `${MON}T09:15`), at(w.dealer, NOW)),
    ).toBeNull();
  });
});

describe("labour plan properties", () => {
  it("readyAt is on the 15-min grid, within a workshop window, after reception end; planned labour sums to the job's labour and respects capacity; it agrees with the reference model (with and without an express reserve)", () => {
    const roster = {
      mechanical: [
        {
          id: "luca",
          name: "Luca",
          hours: {
            mon: [
              ["07:00", "12:00"],
              ["13:00", "16:00"],
            ] as Array<[string, string]>,
            tue: [["08:00", "18:00"]] as Array<[string, string]>,
            wed: [["08:00", "18:00"]] as Array<[string, string]>,
          },
          absences: [{ start: "2027-03-02T10:00", end: "2027-03-02T14:00" }],
        },
        { id: "marco", name: "Marco", skills: ["diagnosis"] },
      ],
      bodywork: [{ id: "sara", name: "Sara" }],
      diagnosis: [],
    };
    const worlds = [
      world(),
      world({ express: { defaultReservedHours: 2, reservedWorkshopHours: { bodywork: 5 } } }),
      world({ workshop: roster, express: { defaultReservedHours: 1, reservedWorkshopHours: {} } }),
    ];
    const dates = [
      "2027-03-01",
      "2027-03-02",
      "2027-03-03",
      "2027-03-04",
      "2027-03-05",
      "2027-03-06",
      "2027-03-08",
      "2027-03-09",
    ];
    const nows = [NOW, "2027-02-27T16:00", "2027-03-02T15:59", "2027-03-02T16:00", "2027-03-20T00:00"];
    let planned = 0;
    const codesArb = fc.subarray(["service", "maintenance", "diagnosis", "bodywork", "tyres", "recall"], {
      minLength: 1,
    });
    const loadArb = fc.array(
      fc.record({
        date: fc.constantFrom(...dates),
        skill: fc.constantFrom("mechanical", "bodywork", "diagnosis"),
        minutes: fc.integer({ min: 0, max: 840 }),
        express: fc.boolean(),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(
        fc.nat({ max: 2 }),
        fc.constantFrom(...nows),
        codesArb,
        fc.boolean(),
        fc.constantFrom(...dates.slice(0, 6)),
        fc.integer({ min: 0, max: 39 }),
        loadArb,
        (wi, nowLocal, interventions, known, date, q, loads) => {
          const { dealer, config } = worlds[wi];
          const base = at(dealer, "2027-02-01T09:00");
          const bookings: Booking[] = loads.map((l, i) => ({
            id: `l${i}`,
            reception: { advisor: 0, start: base + i * 15, minutes: 15 },
            ret: null,
            labour: [
              {
                skill: dealer.skillIndex.get(l.skill)!,
                day: dealer.dayOf(at(dealer, `${l.date}T12:00`)),
                minutes: l.minutes,
              },
            ],
            readyAt: 0,
            express: l.express,
            mobility: "none",
          }));
          const index = CapacityIndex.build(dealer, bookings);
          // Jobs the engine planned itself hold blocks on the technicians' timelines.
          loads.forEach((l, i) => {
            if (!l.express) return;
            const p = planLabour(
              index,
              job(dealer, ["maintenance"]),
              at(dealer, `${l.date}T08:15`) + i * 15,
              at(dealer, NOW),
              true,
            );
            if (!p) return;
            const b: Booking = {
              id: `p${i}`,
              reception: { advisor: 0, start: base + 300 + i * 15, minutes: 15 },
              ret: null,
              labour: p.labour,
              readyAt: p.readyAt,
              express: true,
              mobility: "none",
            };
            index.add(b);
            bookings.push(b);
          });
          const j = job(dealer, interventions, known);
          const open = date === SAT ? [9 * 60, 12 * 60 + 30] : [8 * 60, 18 * 60];
          const startWall = open[0] + ((q * 15) % (open[1] - open[0] - j.receptionMinutes + 15));
          const start = at(
            dealer,
            `${date}T${String(Math.floor(startWall / 60)).padStart(2, "0")}:${String(startWall % 60).padStart(2, "0")}`,
          );
          const end = start + j.receptionMinutes;
          const now = at(dealer, nowLocal);
          const plan = planLabour(index, j, end, now);
          const ref = referencePlan(
            config,
            bookings,
            {
              receptionMinutes: j.receptionMinutes,
              returnMinutes: j.returnMinutes,
              labour: new Map(j.labour.map((l) => [dealer.skills[l.skill], l.minutes])),
            },
            end,
            now,
          );
          expect(plan === null).toBe(ref === null);
          if (!plan || !ref) return;
          planned++;
          expect(plan.readyAt).toBe(ref.readyAt);
          expect(dealer.format(plan.readyAt).slice(14, 16)).toMatch(/^(00|15|30|45)$/);
          expect(plan.readyAt).toBeGreaterThanOrEqual(end);
          const sum = new Map<number, number>();
          for (const l of plan.labour) {
            sum.set(l.skill, (sum.get(l.skill) ?? 0) + l.minutes);
            const day = dealer.day(l.day);
            expect(l.minutes).toBeGreaterThan(0);
            expect(l.minutes).toBeLessThanOrEqual(day.techMinutes[l.skill]);
            // Never on top of another job of the same technician.
            const jobs = index.techJobs(l.tech!);
            for (let i = 0; i < jobs.length; i += 2) expect(l.start! >= jobs[i + 1] || l.end! <= jobs[i]).toBe(true);
            expect(plan.readyAt).toBeGreaterThanOrEqual(l.end! + 15);
            const others = bookings.reduce(
              (acc, b) =>
                acc + b.labour.filter((x) => x.skill === l.skill && x.day === l.day).reduce((a, x) => a + x.minutes, 0),
              0,
            );
            expect(l.minutes).toBeLessThanOrEqual(Math.max(0, day.capacity[l.skill] - others));
          }
          expect(Object.fromEntries(sum)).toEqual(Object.fromEntries(j.labour.map((l) => [l.skill, l.minutes])));
          expect(
            plan.labour
              .map((l) => [dealer.skills[l.skill], dealer.format(dealer.day(l.day).zone.start).slice(0, 10), l.minutes])
              .sort(),
          ).toEqual(ref.labour.map((l) => [l.skill, l.date, l.minutes]).sort());
          expect(plan.labour.map((l) => [l.tech, l.start, l.end])).toEqual(
            ref.labour.map((l) => [l.tech, l.start, l.end]),
          );
        },
      ),
      { numRuns: 250 },
    );
    expect(planned).toBeGreaterThan(100); // the property is not vacuous
  });
});

describe("the express reserve in the workshop", () => {
  // 3 h of mechanical labour per day are held for priority vehicles until the release
  // time (16:00) of the previous working day; Monday's previous working day is Saturday.
  const reserve = () =>
    world({
      express: { defaultReservedHours: 3, reservedReceptions: { morning: 0, afternoon: 0 }, heldCourtesyCars: 0 },
    });

  it("ordinary jobs cannot use reserved hours before the release time: 60 min left on Monday → only 60 min on Monday, the rest Tuesday (09:45)", () => {
    const w = reserve();
    w.occupy(MON, 840 - 180 - 60);
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.ready).toBe(`${TUE}T09:45:00+01:00`);
    expect(w.perDay(r.plan!)).toEqual([
      ["mechanical", MON, 60],
      ["mechanical", TUE, 60],
    ]);
  });

  it("after the release time (Saturday 16:00) the reserve is ordinary capacity again: ready Monday 12:45", () => {
    const w = reserve();
    w.occupy(MON, 840 - 180 - 60);
    const j = job(w.dealer, ["maintenance"]);
    const before = planLabour(w.index, j, at(w.dealer, `${MON}T09:15`), at(w.dealer, "2027-02-27T15:59"));
    const after = planLabour(w.index, j, at(w.dealer, `${MON}T09:15`), at(w.dealer, "2027-02-27T16:00"));
    expect(w.dealer.format(before!.readyAt)).toBe(`${TUE}T09:45:00+01:00`);
    expect(w.dealer.format(after!.readyAt)).toBe(`${MON}T12:45:00+01:00`);
  });

  it("an express job may use the reserve before the release time", () => {
    const w = reserve();
    w.occupy(MON, 840 - 180 - 60);
    const plan = planLabour(
      w.index,
      job(w.dealer, ["maintenance"]),
      at(w.dealer, `${MON}T09:15`),
      at(w.dealer, NOW),
      true,
    );
    expect(w.dealer.format(plan!.readyAt)).toBe(`${MON}T12:45:00+01:00`);
  });

  it("reserved minutes already used by express jobs are not held twice", () => {
    const w = reserve();
    const mech = w.dealer.skillIndex.get("mechanical")!;
    const n = w.dealer.dayOf(at(w.dealer, `${MON}T12:00`));
    // An express job took 120 of the 180 reserved minutes; ordinary jobs took 540 more.
    w.index.add({
      id: "x",
      reception: { advisor: 0, start: at(w.dealer, `${MON}T07:00`), minutes: 15 },
      ret: null,
      labour: [{ skill: mech, day: n, minutes: 120 }],
      readyAt: 0,
      express: true,
      mobility: "none",
    });
    w.occupy(MON, 540);
    // Free for ordinary jobs: 840 − 660 booked − (180 − 120) still held = 120 → the whole job fits Monday.
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.ready).toBe(`${MON}T12:45:00+01:00`);
  });
});

describe("closing time off the quarter hour", () => {
  it("a finish after closing is ready after closing (the honest time; the return goes to the next opening)", () => {
    const hours = [["08:00", "17:50"]] as Array<[string, string]>;
    const w = world({
      openingHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
      interventions: { long: { receptionMinutes: 15, returnMinutes: 10, labourHours: 406 / 60, skill: "mechanical" } },
    });
    // From 08:30: 08:30 + ceil(406·590/420) = 08:30 + 571 = 18:01 > 17:50: 17:50 is the window end → Tue.
    const r = w.receive(`${MON}T08:00`, job(w.dealer, ["long"]));
    expect(r.codes).toEqual([]);
    expect(r.ready).toBe(`${TUE}T08:30:00+01:00`);
  });
});
