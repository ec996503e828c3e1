import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CapacityIndex, checkReception, planLabour, type Booking, type DealerConfigInput, type Job } from "../../src/core/index.js";
import { SLACK_DAYS } from "../../src/core/workshop.js";
import { referencePlan } from "../reference/brute-force.js";
import { at, codes, job, NO_RESERVE, setup } from "../support/core.js";

// Ready time under the model documented in src/core/workshop.ts: one technician at a time,
// at most one technician-day (hoursPerDay) per open day, spread evenly over the workshop
// window (first opening → last closing), starting at reception end, rolling over open
// days, within ceil(labour / technician-day) + SLACK_DAYS open days; ready at the finish
// rounded up to the quarter hour.
//
// Worked numbers (Mon–Fri 08:00–18:00 = 600 min window, Sat 09:00–12:30 = 210 min,
// 7 h = 420 min per technician-day):
//   maintenance 120 min, received 09:00–09:15: finish = 09:15 + ceil(120·600/420) = 09:15 + 172 min
//     = 12:07 → ready 12:15.

const MON = "2027-03-01";
const TUE = "2027-03-02";
const FRI = "2027-03-05";
const SAT = "2027-03-06";
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
    const r = checkReception(s.index, { advisor: 0, start, minutes: j.receptionMinutes, job: j, now: at(s.dealer, NOW) });
    return { ...r, codes: codes(r.violations), ready: r.plan ? s.dealer.format(r.plan.readyAt) : null };
  };
  const perDay = (j: { labour: Array<{ skill: number; day: number; minutes: number }> }) =>
    j.labour.map((l) => [s.dealer.skills[l.skill], s.dealer.format(s.dealer.day(l.day).zone.start).slice(0, 10), l.minutes]);
  return { ...s, occupy, receive, perDay };
}

describe("ready time on an empty workshop", () => {
  it("a 2 h maintenance received at 09:00 (15 min) is ready the same day at 12:15", () => {
    const w = world();
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.codes).toEqual([]);
    expect(r.ready).toBe(`${MON}T12:15:00+01:00`);
    expect(w.perDay(r.plan!)).toEqual([["mechanical", MON, 120]]);
  });

  it("a new customer's 30-min reception moves the start, so the same job is ready at 12:30", () => {
    const w = world();
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"], false));
    expect(r.ready).toBe(`${MON}T12:30:00+01:00`);
  });

  it("a job with no labour is ready when the reception ends", () => {
    const w = world({ interventions: { check: { receptionMinutes: 15, returnMinutes: 10, labourHours: 0, skill: "mechanical" } } });
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["check"]));
    expect(r.ready).toBe(`${MON}T09:15:00+01:00`);
    expect(r.plan!.labour).toEqual([]);
  });

  it("skills are worked in parallel: maintenance + diagnosis is ready when the slower one ends", () => {
    const w = world();
    // diagnosis 90 min from 09:30: ceil(90·600/420) = 129 → 11:39 → 11:45; maintenance 120 min: 172 → 12:22 → 12:30.
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance", "diagnosis"]));
    expect(r.ready).toBe(`${MON}T12:30:00+01:00`);
    expect(w.perDay(r.plan!).sort()).toEqual([["diagnosis", MON, 90], ["mechanical", MON, 120]]);
  });

  it("a 12 h bodywork job rolls over to the next working day (Fri 09:00 → Mon, Mon–Fri dealer)", () => {
    const w = world({ openingHours: WEEKDAYS_ONLY });
    // Fri: from 09:30, floor(510·420/600) = 357 min; Mon: 363 min → 08:00 + ceil(363·600/420) = 08:00 + 519 → 16:39 → 16:45.
    const r = w.receive(`${FRI}T09:00`, job(w.dealer, ["bodywork"]));
    expect(r.codes).toEqual([]);
    expect(r.ready).toBe("2027-03-08T16:45:00+01:00");
    expect(w.perDay(r.plan!)).toEqual([["bodywork", FRI, 357], ["bodywork", "2027-03-08", 363]]);
  });

  it("a 12 h bodywork job received on Friday uses Saturday's opening (default hours)", () => {
    const w = world();
    // Sat window 09:00–12:30 (210 min): 363 min → 09:00 + ceil(363·210/420) = 09:00 + 182 → 12:02 → 12:15.
    const r = w.receive(`${FRI}T09:00`, job(w.dealer, ["bodywork"]));
    expect(r.ready).toBe(`${SAT}T12:15:00+01:00`);
  });

  it("a 12 h bodywork job received on Saturday skips Sunday (ready Monday 16:45)", () => {
    const w = world();
    // Sat from 09:30: floor(180·420/210) = 360; Mon: 360 → 08:00 + ceil(360·600/420) = 08:00 + 515 → 16:35 → 16:45.
    const r = w.receive(`${SAT}T09:00`, job(w.dealer, ["bodywork"]));
    expect(r.ready).toBe("2027-03-08T16:45:00+01:00");
    expect(w.perDay(r.plan!)).toEqual([["bodywork", SAT, 360], ["bodywork", "2027-03-08", 360]]);
  });

  it("a 12 h bodywork job received on Saturday skips Sunday and a closure on Monday (ready Tuesday 16:45)", () => {
    const w = world({ closures: ["2027-03-08"] });
    const r = w.receive(`${SAT}T09:00`, job(w.dealer, ["bodywork"]));
    expect(r.ready).toBe("2027-03-09T16:45:00+01:00");
    expect(w.perDay(r.plan!)).toEqual([["bodywork", SAT, 360], ["bodywork", "2027-03-09", 360]]);
  });

  it("one technician at a time: two idle bodywork technicians still need two days for 12 h", () => {
    const w = world({ openingHours: WEEKDAYS_ONLY });
    const r = w.receive(`${MON}T08:00`, job(w.dealer, ["bodywork"]));
    // Mon from 08:30: floor(570·420/600) = 399; Tue 321 → 08:00 + ceil(321·600/420) = 08:00 + 459 → 15:39 → 15:45.
    expect(r.ready).toBe(`${TUE}T15:45:00+01:00`);
  });

  it("a reception ending at closing time starts the labour the next open day", () => {
    const w = world();
    const r = w.receive(`${MON}T17:45`, job(w.dealer, ["maintenance"]));
    // Tue 08:00 + 172 → 10:52 → 11:00.
    expect(r.ready).toBe(`${TUE}T11:00:00+01:00`);
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
    expect(r.ready).toBe(`${TUE}T11:00:00+01:00`);
  });
});

describe("capacity taken by others", () => {
  it("delays readyAt: with 60 min of mechanical capacity left on Monday the job finishes Tuesday 09:30", () => {
    const w = world();
    w.occupy(MON, 2 * 420 - 60);
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    // Mon: 60 min; Tue: 60 min → 08:00 + ceil(60·600/420) = 08:00 + 86 → 09:26 → 09:30.
    expect(r.ready).toBe(`${TUE}T09:30:00+01:00`);
    expect(w.perDay(r.plan!)).toEqual([["mechanical", MON, 60], ["mechanical", TUE, 60]]);
  });

  it("a full Monday moves the whole job to Tuesday (ready 11:00)", () => {
    const w = world();
    w.occupy(MON, 840);
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.ready).toBe(`${TUE}T11:00:00+01:00`);
  });

  it(`refuses with workshop_full when capacity is exhausted beyond the slack (${SLACK_DAYS} open day)`, () => {
    const w = world();
    w.occupy(MON, 840);
    w.occupy(TUE, 840);
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.codes).toEqual(["workshop_full"]);
    expect(planLabour(w.index, job(w.dealer, ["maintenance"]), at(w.dealer, `${MON}T09:15`), at(w.dealer, NOW))).toBeNull();
  });

  it("a long job is refused when it cannot finish within its days + slack", () => {
    const w = world({ openingHours: WEEKDAYS_ONLY });
    // bodywork 720 min: ceil(720/420) + 1 = 3 open days; only 120 min/day free → 3 × 120 < 720.
    const body = w.dealer.skillIndex.get("bodywork")!;
    for (const d of ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05"]) {
      const n = w.dealer.dayOf(at(w.dealer, `${d}T12:00`));
      w.index.add({ id: `b-${d}`, reception: { advisor: 0, start: at(w.dealer, `${d}T07:00`), minutes: 15 }, ret: null, labour: [{ skill: body, day: n, minutes: 720 }], readyAt: 0, express: false, mobility: "none" });
    }
    expect(w.receive(`${MON}T09:00`, job(w.dealer, ["bodywork"])).codes).toEqual(["workshop_full"]);
    // The same job fits on an empty workshop.
    const empty = world({ openingHours: WEEKDAYS_ONLY });
    expect(empty.receive(`${MON}T09:00`, job(empty.dealer, ["bodywork"])).codes).toEqual([]);
  });
});

describe("labour plan properties", () => {
  it("readyAt is on the 15-min grid, within a workshop window, after reception end; planned labour sums to the job's labour and respects capacity; it agrees with the reference model (with and without an express reserve)", () => {
    const worlds = [world(), world({ express: { defaultReservedHours: 2, reservedWorkshopHours: { bodywork: 5 } } })];
    const dates = ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05", "2027-03-06", "2027-03-08", "2027-03-09"];
    const nows = [NOW, "2027-02-27T16:00", "2027-03-02T15:59", "2027-03-02T16:00", "2027-03-20T00:00"];
    let planned = 0;
    const codesArb = fc.subarray(["service", "maintenance", "diagnosis", "bodywork", "tyres", "recall"], { minLength: 1 });
    const loadArb = fc.array(
      fc.record({ date: fc.constantFrom(...dates), skill: fc.constantFrom("mechanical", "bodywork", "diagnosis"), minutes: fc.integer({ min: 0, max: 840 }), express: fc.boolean() }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.nat({ max: 1 }), fc.constantFrom(...nows), codesArb, fc.boolean(), fc.constantFrom(...dates.slice(0, 6)), fc.integer({ min: 0, max: 39 }), loadArb, (wi, nowLocal, interventions, known, date, q, loads) => {
        const { dealer, config } = worlds[wi];
        const base = at(dealer, "2027-02-01T09:00");
        const bookings: Booking[] = loads.map((l, i) => ({
          id: `l${i}`,
          reception: { advisor: 0, start: base + i * 15, minutes: 15 },
          ret: null,
          labour: [{ skill: dealer.skillIndex.get(l.skill)!, day: dealer.dayOf(at(dealer, `${l.date}T12:00`)), minutes: l.minutes }],
          readyAt: 0,
          express: l.express,
          mobility: "none",
        }));
        const index = CapacityIndex.build(dealer, bookings);
        const j = job(dealer, interventions, known);
        const open = date === SAT ? [9 * 60, 12 * 60 + 30] : [8 * 60, 18 * 60];
        const startWall = open[0] + ((q * 15) % (open[1] - open[0] - j.receptionMinutes + 15));
        const start = at(dealer, `${date}T${String(Math.floor(startWall / 60)).padStart(2, "0")}:${String(startWall % 60).padStart(2, "0")}`);
        const end = start + j.receptionMinutes;
        const now = at(dealer, nowLocal);
        const plan = planLabour(index, j, end, now);
        const ref = referencePlan(config, bookings, { receptionMinutes: j.receptionMinutes, returnMinutes: j.returnMinutes, labour: new Map(j.labour.map((l) => [dealer.skills[l.skill], l.minutes])) }, end, now);
        expect(plan === null).toBe(ref === null);
        if (!plan || !ref) return;
        planned++;
        expect(plan.readyAt).toBe(ref.readyAt);
        expect(dealer.format(plan.readyAt).slice(14, 16)).toMatch(/^(00|15|30|45)$/);
        expect(plan.readyAt).toBeGreaterThanOrEqual(end);
        const readyDay = dealer.day(dealer.dayOf(plan.readyAt));
        if (plan.labour.length) {
          expect(readyDay.open.length).toBeGreaterThan(0);
          expect(plan.readyAt - readyDay.zone.start).toBeLessThanOrEqual(readyDay.windowEnd);
          expect(plan.readyAt - readyDay.zone.start).toBeGreaterThan(readyDay.windowStart);
        }
        const sum = new Map<number, number>();
        for (const l of plan.labour) {
          sum.set(l.skill, (sum.get(l.skill) ?? 0) + l.minutes);
          const day = dealer.day(l.day);
          expect(l.minutes).toBeGreaterThan(0);
          expect(l.minutes).toBeLessThanOrEqual(day.techMinutes[l.skill]);
          const others = bookings.reduce((acc, b) => acc + b.labour.filter((x) => x.skill === l.skill && x.day === l.day).reduce((a, x) => a + x.minutes, 0), 0);
          expect(l.minutes).toBeLessThanOrEqual(Math.max(0, day.capacity[l.skill] - others));
        }
        expect(Object.fromEntries(sum)).toEqual(Object.fromEntries(j.labour.map((l) => [l.skill, l.minutes])));
        expect(plan.labour.map((l) => [dealer.skills[l.skill], dealer.format(dealer.day(l.day).zone.start).slice(0, 10), l.minutes]).sort()).toEqual(
          ref.labour.map((l) => [l.skill, l.date, l.minutes]).sort(),
        );
      }),
      { numRuns: 250 },
    );
    expect(planned).toBeGreaterThan(100); // the property is not vacuous
  });
});

describe("the express reserve in the workshop", () => {
  // 3 h of mechanical labour per day are held for priority vehicles until the release
  // time (16:00) of the previous working day; Monday's previous working day is Saturday.
  const reserve = () => world({ express: { defaultReservedHours: 3, reservedReceptions: { morning: 0, afternoon: 0 }, heldCourtesyCars: 0 } });

  it("ordinary jobs cannot use reserved hours before the release time: 60 min left on Monday → ready Tuesday 09:30", () => {
    const w = reserve();
    w.occupy(MON, 840 - 180 - 60);
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.ready).toBe(`${TUE}T09:30:00+01:00`);
    expect(w.perDay(r.plan!)).toEqual([["mechanical", MON, 60], ["mechanical", TUE, 60]]);
  });

  it("after the release time (Saturday 16:00) the reserve is ordinary capacity again: ready Monday 12:15", () => {
    const w = reserve();
    w.occupy(MON, 840 - 180 - 60);
    const j = job(w.dealer, ["maintenance"]);
    const before = planLabour(w.index, j, at(w.dealer, `${MON}T09:15`), at(w.dealer, "2027-02-27T15:59"));
    const after = planLabour(w.index, j, at(w.dealer, `${MON}T09:15`), at(w.dealer, "2027-02-27T16:00"));
    expect(w.dealer.format(before!.readyAt)).toBe(`${TUE}T09:30:00+01:00`);
    expect(w.dealer.format(after!.readyAt)).toBe(`${MON}T12:15:00+01:00`);
  });

  it("an express job may use the reserve before the release time", () => {
    const w = reserve();
    w.occupy(MON, 840 - 180 - 60);
    const plan = planLabour(w.index, job(w.dealer, ["maintenance"]), at(w.dealer, `${MON}T09:15`), at(w.dealer, NOW), true);
    expect(w.dealer.format(plan!.readyAt)).toBe(`${MON}T12:15:00+01:00`);
  });

  it("reserved minutes already used by express jobs are not held twice", () => {
    const w = reserve();
    const mech = w.dealer.skillIndex.get("mechanical")!;
    const n = w.dealer.dayOf(at(w.dealer, `${MON}T12:00`));
    // An express job took 120 of the 180 reserved minutes; ordinary jobs took 540 more.
    w.index.add({ id: "x", reception: { advisor: 0, start: at(w.dealer, `${MON}T07:00`), minutes: 15 }, ret: null, labour: [{ skill: mech, day: n, minutes: 120 }], readyAt: 0, express: true, mobility: "none" });
    w.occupy(MON, 540);
    // Free for ordinary jobs: 840 − 660 booked − (180 − 120) still held = 120 → the whole job fits Monday.
    const r = w.receive(`${MON}T09:00`, job(w.dealer, ["maintenance"]));
    expect(r.ready).toBe(`${MON}T12:15:00+01:00`);
  });
});

describe("closing time off the quarter hour", () => {
  it("readyAt never passes the workshop window: a finish at 17:46 with closing 17:50 is ready at 17:50, not 18:00", () => {
    const hours = [["08:00", "17:50"]] as Array<[string, string]>;
    const w = world({
      openingHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
      interventions: { long: { receptionMinutes: 15, returnMinutes: 10, labourHours: 406 / 60, skill: "mechanical" } },
    });
    // From 08:15: 08:15 + ceil(406·590/420) = 08:15 + 571 = 17:46 → grid 18:00 → capped at closing 17:50.
    const r = w.receive(`${MON}T08:00`, job(w.dealer, ["long"]));
    expect(r.ready).toBe(`${MON}T17:50:00+01:00`);
  });
});
