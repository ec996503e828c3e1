import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CapacityIndex,
  carsOut,
  carWindow,
  checkStay,
  compileDealer,
  DealerConfig,
  dayNumberFromIso,
  deriveJob,
  evaluateStay,
  expressHorizon,
  expressOption,
  GRID,
  heldCars,
  isJobError,
  isoFromDayNumber,
  mobilityOffered,
  mobilityViolation,
  searchIndex,
  type Booking,
  type DealerConfigInput,
  type Job,
  type Mobility,
  type Option,
  type RuleCode,
} from "../../src/core/index.js";
import { at, bookingOf, codes, job, NO_LABOUR, NO_RESERVE, reception, setup } from "../support/core.js";
import { FRI0, SAT0, SUN0, MON, TUE, WED, THU } from "../support/calendar.js";

// The express guarantee for priority vehicles (MC20 by default), the reserve that makes
// it possible (advisor receptions and workshop hours held until the release time, 16:00
// on the previous working day), and the mobility inventory reserved with each stay
// (courtesy cars across multi-day stays, the cars held for priority vehicles, pickup &
// delivery runs and shuttle seats per half-day, external rental and taxi).
//
// Calendar used by the tables (Europe/Rome, +01:00): Fri 2027-02-26, Sat 27, Sun 28,
// Mon 2027-03-01 … Fri 2027-03-05.

type Ranges = Array<[string, string]>;
const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** The same ranges Monday to Friday, closed at the weekend. */
const weekdays = (r: Ranges) => ({ mon: r, tue: r, wed: r, thu: r, fri: r });

// ================================================================ the guarantee (properties)

// Opening patterns: full day, lunch break, long day, morning only, afternoon only, closed.
const dayHoursArb = fc.constantFrom<Ranges>(
  [["08:00", "18:00"]],
  [["08:00", "18:00"]],
  [
    ["08:30", "12:30"],
    ["14:00", "18:30"],
  ],
  [["07:30", "19:00"]],
  [["09:00", "12:30"]],
  [["13:00", "17:00"]],
  [],
);

const CODES = ["service", "maintenance", "diagnosis", "bodywork", "tyres", "recall", "check", "handover"];
// Two interventions without labour, so that a "full" day is full at the desk, not only in the workshop.
const EXTRA_INTERVENTIONS = {
  check: { receptionMinutes: 15 as const, returnMinutes: 10, labourHours: 0, skill: "mechanical" },
  handover: { receptionMinutes: 30 as const, returnMinutes: 15, labourHours: 0, skill: "mechanical" },
};

const jobArb = fc.record({ interventions: fc.subarray(CODES, { minLength: 1, maxLength: 2 }), known: fc.boolean() });

/**
 * A random dealer, loaded by booking what the engine proposes to ordinary customers
 * (random picks, and whole days filled until the search has nothing left on them), plus
 * a few advisor overrides past the caps; then a priority customer searching at a random
 * minute of an open day (late afternoon weighted in). `fleet` decides the priority
 * mobility a dealer can give: courtesy cars with one or more held for priority vehicles,
 * a single (not held) car, or pickup & delivery only.
 */
const loadedDealerArb = (
  fleet: fc.Arbitrary<{ courtesyCars: number; heldCourtesyCars: number; pickupDelivery: number }>,
  maxOverrides = 4,
) =>
  fc.record({
    tz: fc.constantFrom("Europe/Rome", "America/New_York", "UTC", "Europe/London"),
    // Mondays in ordinary weeks and the Fridays before the EU / US clock changes.
    baseDate: fc.constantFrom("2026-11-23", "2027-02-15", "2027-03-26", "2026-10-23", "2027-03-12"),
    shift: fc.integer({ min: 0, max: 6 }),
    opening: fc.tuple(...WEEK.map(() => dayHoursArb)).filter((d) => d.some((r) => r.length > 0)),
    closures: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }),
    advisors: fc.integer({ min: 1, max: 3 }),
    rules: fc.record({
      maxPerHour: fc.integer({ min: 2, max: 4 }),
      maxMinutesPer2h: fc.constantFrom(60, 90, 90, 120),
      minNoticeMinutes: fc.constantFrom(0, 60, 60, 120),
    }),
    workshop: fc.record({ technicians: fc.integer({ min: 1, max: 3 }), hoursPerDay: fc.constantFrom(4, 7, 8) }),
    express: fc.record({
      reservedReceptions: fc.record({
        morning: fc.integer({ min: 1, max: 2 }),
        afternoon: fc.integer({ min: 1, max: 2 }),
      }),
      defaultReservedHours: fc.constantFrom(0, 1, 3, 3),
      releaseTime: fc.constantFrom("16:00", "16:00", "12:00", "18:30"),
    }),
    fleet,
    mobility: fc.record({
      taxi: fc.boolean(),
      rental: fc.boolean(),
      shuttle: fc.oneof(fc.boolean(), fc.record({ seatsPerDeparture: fc.integer({ min: 1, max: 3 }) })),
    }),
    bookings: fc.array(
      fc.record({
        job: jobArb,
        mobility: fc.constantFrom<Mobility>(
          "none",
          "none",
          "courtesy_car",
          "pickup_delivery",
          "taxi",
          "rental",
          "shuttle",
        ),
        day: fc.integer({ min: -1, max: 3 }),
        pick: fc.nat(),
      }),
      { maxLength: 12 },
    ),
    fill: fc.array(
      fc.record({
        day: fc.integer({ min: -1, max: 2 }),
        jobs: fc.array(
          fc.record({
            job: jobArb,
            mobility: fc.constantFrom<Mobility>("none", "none", "courtesy_car", "pickup_delivery"),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { maxLength: 3 },
    ),
    overrides: fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 2 }), advisor: fc.nat(), slot: fc.integer({ min: 0, max: 48 }) }),
      { maxLength: maxOverrides },
    ),
    /** Earlier bookings for a day were made this many days before its reserve was released. */
    bookedDaysBefore: fc.integer({ min: 0, max: 2 }),
    query: fc.record({
      job: jobArb,
      minute: fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 15 * 60, max: 19 * 60 })),
    }),
  });

type LoadedCase = typeof loadedDealerArb extends (...a: never[]) => fc.Arbitrary<infer T> ? T : never;

function buildLoadedDealer(lc: LoadedCase) {
  const base = dayNumberFromIso(lc.baseDate) + lc.shift;
  const input: DealerConfigInput = {
    name: "Random dealer",
    timeZone: lc.tz,
    openingHours: Object.fromEntries(WEEK.map((k, i) => [k, lc.opening[i]])),
    closures: [...new Set(lc.closures.map((k) => isoFromDayNumber(base + k)))],
    receptionRules: lc.rules,
    advisors: Array.from({ length: lc.advisors }, (_, i) => ({ id: `a${i}`, name: `Advisor ${i}` })),
    workshop: Object.fromEntries(
      ["mechanical", "diagnosis", "bodywork"].map((s) => [s, { ...lc.workshop, overrides: {} }]),
    ),
    interventions: { ...DealerConfig.parse({ name: "x", timeZone: "UTC" }).interventions, ...EXTRA_INTERVENTIONS },
    express: { ...lc.express, heldCourtesyCars: lc.fleet.heldCourtesyCars },
    mobility: { ...lc.mobility, courtesyCars: lc.fleet.courtesyCars, pickupDelivery: lc.fleet.pickupDelivery },
  };
  const config = DealerConfig.parse(input);
  const dealer = compileDealer("random", config);
  const index = new CapacityIndex(dealer);
  // "Today": the first open day from the base date (the guarantee is about days the dealer is open).
  let today = base;
  while (dealer.day(today).open.length === 0) today++;
  const now = dealer.day(today).zone.start + Math.min(lc.query.minute, dealer.day(today).zone.length - 1);
  const toJob = (j: { interventions: string[]; known: boolean }, mobility: Mobility): Job => {
    const r = deriveJob(dealer, { ...j, mobility: mobilityOffered(config, mobility) ? mobility : "none" });
    if (isJobError(r)) throw new Error(r.detail);
    return r;
  };
  // Earlier bookings for day n were made before n's reserve was released, and before now.
  const bookedAt = (n: number) => Math.min(now, dealer.day(n).releaseAt - 1 - lc.bookedDaysBefore * 1440);
  let id = 0;
  const bookOption = (o: Option) => index.add(bookingOf(`b${id++}`, o));
  for (const b of lc.bookings) {
    const n = today + b.day;
    if (dealer.day(n).open.length === 0) continue;
    const res = searchIndex(index, { job: toJob(b.job, b.mobility), fromDay: n, days: 2, count: 3, now: bookedAt(n) });
    if (res.options.length) bookOption(res.options[b.pick % res.options.length]);
  }
  let filled = 0;
  for (const f of lc.fill) {
    const n = today + f.day;
    if (dealer.day(n).open.length === 0) continue;
    // The last job is a 15-min reception without labour: the desk itself ends up full.
    const jobs = [
      ...f.jobs.map((j) => toJob(j.job, j.mobility)),
      toJob({ interventions: ["check"], known: true }, "none"),
    ];
    for (const j of jobs) {
      for (let guard = 0; guard < 200; guard++) {
        const res = searchIndex(index, { job: j, fromDay: n, days: 1, count: 1, now: bookedAt(n) });
        const o = res.options.find((x) => dealer.dayOf(x.reception.start) === n);
        if (!o) break;
        bookOption(o);
        filled++;
      }
    }
  }
  // Advisor overrides: past the caps and the reserve, never past the other rules.
  for (const ov of lc.overrides) {
    const day = dealer.day(today + ov.day);
    if (!day.open.length) continue;
    const start = day.zone.start + day.open[0] + ov.slot * GRID;
    const advisor = ov.advisor % lc.advisors;
    const j = toJob({ interventions: ["check"], known: true }, "none");
    const r = checkStay(
      index,
      { advisor, start, minutes: 15, job: j, now: bookedAt(today + ov.day), force: true },
      null,
    );
    if (!r.stay) continue;
    index.add({
      id: `f${id++}`,
      reception: { advisor, start, minutes: 15 },
      ret: r.stay.ret,
      labour: r.stay.plan.labour,
      readyAt: r.stay.plan.readyAt,
      express: false,
      mobility: "none",
    });
  }
  // The priority customer gets a courtesy car when the dealer has one, otherwise pickup & delivery.
  const priorityMobility: Mobility = config.mobility.courtesyCars > 0 ? "courtesy_car" : "pickup_delivery";
  return { config, dealer, index, today, now, toJob, filled, priorityMobility };
}

/** Independent of the checker: inside opening hours, and on top of no other appointment of that advisor. */
function expectFreeAndOpen(index: CapacityIndex, slot: { advisor: number; start: number; minutes: number }) {
  const { dealer } = index;
  const day = dealer.day(dealer.dayOf(slot.start));
  const s = slot.start - day.zone.start;
  let inside = false;
  for (let i = 0; i < day.open.length; i += 2)
    if (s >= day.open[i] && s + slot.minutes <= day.open[i + 1]) inside = true;
  expect(inside, `${dealer.format(slot.start)} inside opening hours`).toBe(true);
  for (const b of index.bookings.values()) {
    for (const other of [b.reception, b.ret]) {
      if (!other || other.advisor !== slot.advisor) continue;
      const overlap = slot.start < other.start + other.minutes && other.start < slot.start + slot.minutes;
      expect(overlap, `${dealer.format(slot.start)} on top of ${b.id} at ${dealer.format(other.start)}`).toBe(false);
    }
  }
}

/**
 * Reference for the express option, by exhaustion: every quarter hour of today and of
 * the next open day, every advisor, through the one checker; the earliest that passes
 * within every rule, else (past the buffer caps) the earliest that passes with force.
 */
function referenceExpress(
  index: CapacityIndex,
  j: Job,
  now: number,
): { start: number; advisor: number; forced: boolean } | null {
  const { dealer } = index;
  const today = dealer.dayOf(now);
  let next = today + 1;
  while (dealer.day(next).open.length === 0) next++;
  for (const force of [false, true]) {
    for (let n = today; n <= next; n++) {
      const day = dealer.day(n);
      for (let s = (GRID - (day.gridPhase % GRID)) % GRID; s < day.zone.length; s += GRID) {
        for (let a = 0; a < dealer.advisors.length; a++) {
          const st = evaluateStay(
            index,
            {
              advisor: a,
              start: day.zone.start + s,
              minutes: j.receptionMinutes,
              job: j,
              now,
              express: true,
              priority: true,
              force,
            },
            null,
            null,
          );
          if (typeof st !== "string") return { start: day.zone.start + s, advisor: a, forced: force };
        }
      }
    }
  }
  return null;
}

/** What every express option must be: first, within one working day, accepted by the checker, free, open. */
function expectGuaranteedOption(index: CapacityIndex, j: Job, now: number, o: Option | undefined) {
  const { dealer } = index;
  const today = dealer.dayOf(now);
  expect(o, "a priority search has an express option").toBeDefined();
  expect(o!.express).toBe(true);
  expect(o!.mobility).toBe(j.mobility);
  const n = dealer.dayOf(o!.reception.start);
  expect(n).toBeGreaterThanOrEqual(today);
  expect(n).toBeLessThanOrEqual(expressHorizon(index, now).last);
  // Within one working day: no open day lies between today and the reception day.
  for (let k = today + 1; k < n; k++) expect(dealer.day(k).open.length, isoFromDayNumber(k)).toBe(0);
  const req = {
    advisor: o!.reception.advisor,
    start: o!.reception.start,
    minutes: o!.reception.minutes,
    job: j,
    now,
    express: true,
    priority: true,
  };
  const st = evaluateStay(index, { ...req, force: o!.overridesCaps === true }, o!.ret, null);
  expect(typeof st === "string" ? st : "accepted").toBe("accepted");
  if (typeof st !== "string") {
    expect(st.plan.readyAt).toBe(o!.readyAt);
    expect(st.ret).toEqual(o!.ret);
  }
  if (o!.overridesCaps) {
    // Flagged only when the buffer caps are what stands in the way.
    const plain = checkStay(index, req, o!.ret).violations.map((v) => v.code);
    expect(plain.length).toBeGreaterThan(0);
    for (const c of plain) expect(["hourly_cap", "two_hour_cap"]).toContain(c);
  }
  expectFreeAndOpen(index, o!.reception);
  if (o!.ret) {
    expectFreeAndOpen(index, o!.ret);
    expect(o!.ret.start).toBeGreaterThanOrEqual(o!.readyAt);
  }
}

const heldFleetArb = fc.record({
  courtesyCars: fc.integer({ min: 2, max: 4 }),
  heldCourtesyCars: fc.integer({ min: 1, max: 2 }),
  pickupDelivery: fc.integer({ min: 0, max: 2 }),
});
const anyFleetArb = fc.oneof(
  heldFleetArb,
  fc.record({
    courtesyCars: fc.constant(1),
    heldCourtesyCars: fc.integer({ min: 0, max: 1 }),
    pickupDelivery: fc.integer({ min: 0, max: 1 }),
  }),
  fc.record({
    courtesyCars: fc.constant(0),
    heldCourtesyCars: fc.constant(1),
    pickupDelivery: fc.integer({ min: 1, max: 2 }),
  }),
);

describe("the express guarantee for priority vehicles", () => {
  it("whenever the one checker accepts a priority reception today or on the next working day, the search ranks first an express option: the earliest within every rule, else the earliest past the buffer caps (overridesCaps), never on a busy advisor, never outside opening hours (property, random loaded dealers)", () => {
    const seen = { runs: 0, express: 0, forced: 0, today: 0, nextDay: 0, noRoom: 0, filled: 0 };
    fc.assert(
      fc.property(loadedDealerArb(anyFleetArb), (lc) => {
        const w = buildLoadedDealer(lc);
        const { dealer, index, today, now } = w;
        const j = w.toJob(lc.query.job, w.priorityMobility);
        expect(expressHorizon(index, now).first).toBe(today);
        const res = searchIndex(index, { job: j, fromDay: today, days: 14, count: 3, now, priority: true });
        const ref = referenceExpress(index, j, now);
        seen.runs++;
        seen.filled += w.filled;
        // Only the first option may be express, and no option is offered twice.
        for (const x of res.options.slice(1)) expect(x.express).toBe(false);
        expect(new Set(res.options.map((x) => `${x.reception.start}/${x.reception.advisor}`)).size).toBe(
          res.options.length,
        );
        if (!ref) {
          // No advisor has room for it in the window (or its mobility is gone): no express option.
          seen.noRoom++;
          expect(res.options[0]?.express ?? false).toBe(false);
          return;
        }
        const o = res.options[0];
        expectGuaranteedOption(index, j, now, o);
        expect({
          start: dealer.format(o.reception.start),
          advisor: o.reception.advisor,
          forced: o.overridesCaps === true,
        }).toEqual({
          start: dealer.format(ref.start),
          advisor: ref.advisor,
          forced: ref.forced,
        });
        seen.express++;
        if (ref.forced) seen.forced++;
        if (dealer.dayOf(o.reception.start) === today) seen.today++;
        else seen.nextDay++;
      }),
      { numRuns: Number(process.env.EXPRESS_RUNS ?? 60) },
    );
    if (process.env.EXPRESS_STATS) console.log(seen);
    // The runs exercised crowded calendars, both days of the window and the override path.
    expect(seen.filled).toBeGreaterThan(0);
    expect(seen.today).toBeGreaterThan(0);
    expect(seen.nextDay).toBeGreaterThan(0);
  });

  // The desk reserve must hold what a priority vehicle needs: room for the longest
  // reception (a 30-minute courtesy-car handover), with an ordinary stay's own return
  // counted too. On days filled by ordinary customers before the release time, a
  // priority vehicle then always finds room today or on the next working day.
  it("the issue's property: on random loaded dealers that hold a courtesy car for priority vehicles (days filled before the release time included), every priority search on an open day yields an express option within one working day", () => {
    fc.assert(
      fc.property(loadedDealerArb(heldFleetArb, 0), (lc) => {
        const w = buildLoadedDealer(lc);
        const j = w.toJob(lc.query.job, "courtesy_car");
        const res = searchIndex(w.index, { job: j, fromDay: w.today, days: 14, count: 3, now: w.now, priority: true });
        expectGuaranteedOption(w.index, j, w.now, res.options[0]);
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });
});

// ================================================================ when the express option is

// A priority vehicle's two kinds (courtesy car, pickup & delivery), few of each, so that
// one is often gone: the search is given the other (SearchQuery.alt) for where the asked
// one is not free.
const scarceBothArb = fc.record({
  courtesyCars: fc.integer({ min: 1, max: 2 }),
  heldCourtesyCars: fc.integer({ min: 0, max: 1 }),
  pickupDelivery: fc.integer({ min: 1, max: 2 }),
});

describe("a priority vehicle's other kind, where the asked one is not free", () => {
  it("every option is accepted by the checker with the mobility it carries; it carries the other kind only at a start where the asked one is refused for every advisor; the express option is the asked kind's within the caps, else the other's, else past the caps in that order (property, random loaded dealers)", () => {
    const seen = { runs: 0, altOptions: 0, altExpress: 0 };
    fc.assert(
      fc.property(loadedDealerArb(scarceBothArb), fc.boolean(), (lc, askPickup) => {
        const w = buildLoadedDealer(lc);
        const { index, now, dealer } = w;
        const asked = w.toJob(lc.query.job, askPickup ? "pickup_delivery" : "courtesy_car");
        const other = w.toJob(lc.query.job, askPickup ? "courtesy_car" : "pickup_delivery");
        const jobOf = (m: Mobility) => (m === asked.mobility ? asked : other);
        const res = searchIndex(index, {
          job: asked,
          fromDay: w.today,
          days: 14,
          count: 3,
          now,
          priority: true,
          alt: other,
        });
        seen.runs++;
        for (const o of res.options) {
          expect([asked.mobility, other.mobility]).toContain(o.mobility);
          expect(o.mobilityPinned).toBe(true);
          const req = {
            advisor: o.reception.advisor,
            start: o.reception.start,
            minutes: jobOf(o.mobility).receptionMinutes,
            job: jobOf(o.mobility),
            now,
            express: o.express,
            priority: true,
          };
          expect(o.reception.minutes).toBe(req.minutes);
          const st = evaluateStay(index, { ...req, force: o.overridesCaps === true }, o.ret, null);
          expect(typeof st === "string" ? st : "accepted", dealer.format(o.reception.start)).toBe("accepted");
          if (o.mobility === other.mobility && !o.overridesCaps) {
            seen.altOptions++;
            for (let a = 0; a < dealer.advisors.length; a++) {
              const mine = evaluateStay(
                index,
                { ...req, advisor: a, minutes: asked.receptionMinutes, job: asked },
                null,
                null,
              );
              expect(typeof mine, `${asked.mobility} at ${dealer.format(o.reception.start)} (advisor ${a})`).toBe(
                "string",
              );
            }
          }
        }
        // The express option, against the reference of each kind.
        const refA = referenceExpress(index, asked, now);
        const refB = referenceExpress(index, other, now);
        const want =
          (refA && !refA.forced && { ...refA, mobility: asked.mobility }) ||
          (refB && !refB.forced && { ...refB, mobility: other.mobility }) ||
          (refA && { ...refA, mobility: asked.mobility }) ||
          (refB && { ...refB, mobility: other.mobility }) ||
          null;
        const x = res.options[0]?.express ? res.options[0] : null;
        expect(
          x && {
            start: x.reception.start,
            advisor: x.reception.advisor,
            forced: x.overridesCaps === true,
            mobility: x.mobility,
          },
        ).toEqual(want);
        if (x && x.mobility === other.mobility) seen.altExpress++;
      }),
      { numRuns: Number(process.env.EXPRESS_RUNS ?? 80) },
    );
    if (process.env.EXPRESS_STATS) console.log(seen);
    expect(seen.altOptions).toBeGreaterThan(0);
  });

  it("with no choice of kinds (no alt), options carry no pinned mobility: ordinary searches and their optionIds are as before", () => {
    const { index, dealer } = setup({ mobility: { courtesyCars: 1, pickupDelivery: 1 } });
    const now = at(dealer, "2027-03-01T08:00");
    const j = job(dealer, ["tyres"], true, "courtesy_car");
    const res = searchIndex(index, { job: j, fromDay: dealer.dayOf(now), days: 3, count: 3, now, priority: true });
    expect(res.options.length).toBeGreaterThan(0);
    for (const o of res.options) expect("mobilityPinned" in o).toBe(false);
  });
});

describe("the express option's day: today while time remains, else the next working day", () => {
  const rows = [
    { name: "today, when time remains (now + notice, on the grid)", now: `${MON}T09:00`, expected: `${MON}T10:00` },
    {
      name: "today, late afternoon, when the 30-min handover still fits before closing",
      now: `${MON}T16:20`,
      expected: `${MON}T17:30`,
    },
    {
      name: "the next working day when today's remaining time is too short for the handover",
      now: `${MON}T16:40`,
      expected: `${TUE}T08:00`,
    },
    { name: "Friday evening → Monday (Saturday and Sunday closed)", now: `${FRI0}T17:30`, expected: `${MON}T08:00` },
    {
      name: "Friday evening → Saturday morning when the dealer opens on Saturday",
      now: `${FRI0}T17:30`,
      saturday: true,
      expected: `${SAT0}T09:00`,
    },
    {
      name: "a closure is not a working day: Monday evening → Wednesday when Tuesday is closed",
      now: `${MON}T17:30`,
      closures: [TUE],
      expected: `${WED}T08:00`,
    },
    { name: "on a closed day (Sunday) → the next working day", now: `${SUN0}T11:00`, expected: `${MON}T08:00` },
  ] as Array<{ name: string; now: string; expected: string; saturday?: boolean; closures?: string[] }>;

  it.each(rows)("$name", ({ now, expected, saturday, closures }) => {
    const { dealer, index } = setup({
      openingHours: { ...weekdays([["08:00", "18:00"]]), ...(saturday ? { sat: [["09:00", "12:30"]] } : {}) },
      closures: closures ?? [],
      advisors: [
        { id: "ann", name: "Ann", absences: [] },
        { id: "bob", name: "Bob", absences: [] },
      ],
    });
    const j = job(dealer, ["maintenance"], true, "courtesy_car");
    const t = at(dealer, now);
    const res = searchIndex(index, { job: j, fromDay: dealer.dayOf(t), days: 14, count: 3, now: t, priority: true });
    expect(res.options[0]).toMatchObject({ express: true, mobility: "courtesy_car" });
    expect(res.options[0].overridesCaps).toBeUndefined();
    expect(dealer.format(res.options[0].reception.start)).toBe(`${expected}:00+01:00`);
    expect(res.options[0].reception.minutes).toBe(30); // a courtesy car is handed over
    expect(res.options.length).toBe(3);
    for (const o of res.options.slice(1)) expect(o.express).toBe(false);
    // The same search for an ordinary customer has no express option.
    const ordinary = searchIndex(index, { job: j, fromDay: dealer.dayOf(t), days: 14, count: 3, now: t });
    expect(ordinary.options.map((o) => o.express)).toEqual([false, false, false]);
  });
});

describe("when even the reserve is used up: past the buffer caps, never on top of another appointment", () => {
  // One advisor, open 08:00–09:00 on weekdays, no reserve at all; Monday and Tuesday hold
  // 08:00, 08:15 and 08:30: 08:45 is free but a fourth reception in the hour breaks the cap.
  function full() {
    const s = setup({
      openingHours: weekdays([["08:00", "09:00"]]),
      rushHours: [],
      advisors: [{ id: "ann", name: "Ann", absences: [] }],
      receptionRules: { maxPerHour: 3, maxMinutesPer2h: 90, minNoticeMinutes: 0 },
      interventions: NO_LABOUR,
      express: { ...NO_RESERVE },
    });
    for (const d of [MON, TUE])
      for (const t of ["08:00", "08:15", "08:30"]) s.index.add(reception(0, at(s.dealer, `${d}T${t}`), 15));
    return { ...s, j: job(s.dealer, ["q15"], true, "pickup_delivery"), now: at(s.dealer, `${MON}T07:00`) };
  }

  it("offers Monday 08:45 flagged overridesCaps: the hourly cap is the only rule in the way", () => {
    const { dealer, index, j, now } = full();
    const res = searchIndex(index, { job: j, fromDay: dealer.dayOf(now), days: 14, count: 2, now, priority: true });
    const o = res.options[0];
    expect(o).toMatchObject({ express: true, overridesCaps: true });
    expect(dealer.format(o.reception.start)).toBe(`${MON}T08:45:00+01:00`);
    const req = { advisor: 0, start: o.reception.start, minutes: 15, job: j, now, express: true, priority: true };
    expect(codes(checkStay(index, req, null).violations)).toEqual(["hourly_cap"]);
    expect(codes(checkStay(index, { ...req, force: true }, null).violations)).toEqual([]);
    // Ordinary customers cannot have it at all.
    const ordinary = searchIndex(index, { job: j, fromDay: dealer.dayOf(now), days: 2, count: 2, now });
    expect(
      ordinary.options.filter((x) => dealer.dayOf(x.reception.start) <= dealer.dayOf(at(dealer, `${TUE}T12:00`))),
    ).toEqual([]);
  });

  it("offers no express option at all when the advisor has no free minute today or on the next working day", () => {
    const { dealer, index, j, now } = full();
    for (const d of [MON, TUE]) index.add(reception(0, at(dealer, `${d}T08:45`), 15));
    expect(expressOption(index, { job: j, now })).toBeNull();
    const res = searchIndex(index, { job: j, fromDay: dealer.dayOf(now), days: 14, count: 2, now, priority: true });
    for (const o of res.options) expect(o.express).toBe(false);
    expect(res.options.every((o) => dealer.dayOf(o.reception.start) > dealer.dayOf(at(dealer, `${TUE}T12:00`)))).toBe(
      true,
    );
  });
});

// ================================================================ the desk reserve

describe("the desk reserve: receptions held for priority vehicles until the release time", () => {
  it.each([
    {
      name: "Monday's reserve is released at 16:00 on Friday (the weekend is closed)",
      input: {},
      day: MON,
      expected: `${FRI0}T16:00`,
    },
    { name: "Tuesday's reserve is released at 16:00 on Monday", input: {}, day: TUE, expected: `${MON}T16:00` },
    {
      name: "Monday's reserve is released on Saturday when the dealer opens on Saturday",
      input: { openingHours: { ...weekdays([["08:00", "18:00"]]), sat: [["09:00", "12:30"]] } },
      day: MON,
      expected: `${SAT0}T16:00`,
    },
    {
      name: "a closure is skipped: with Friday closed, Monday's reserve is released on Thursday",
      input: { closures: [FRI0] },
      day: MON,
      expected: "2027-02-25T16:00",
    },
    {
      name: "the release time is configurable (12:00)",
      input: { express: { releaseTime: "12:00" } },
      day: WED,
      expected: `${TUE}T12:00`,
    },
  ] as Array<{ name: string; input: Partial<DealerConfigInput>; day: string; expected: string }>)(
    "$name",
    ({ input, day, expected }) => {
      const { dealer } = setup({ openingHours: weekdays([["08:00", "18:00"]]), ...input });
      expect(dealer.format(dealer.day(dealer.dayOf(at(dealer, `${day}T12:00`))).releaseAt)).toBe(
        `${expected}:00+01:00`,
      );
    },
  );

  // One advisor, open 08:00–09:00 and 14:00–15:00, caps loose enough not to bite; one
  // reception held per half-day. Monday morning already holds 08:00, 08:15 and 08:30, so
  // 08:45 is the last reception of the half-day: the one held for priority vehicles.
  function desk() {
    const s = setup({
      openingHours: weekdays([
        ["08:00", "09:00"],
        ["14:00", "15:00"],
      ]),
      rushHours: [],
      advisors: [{ id: "ann", name: "Ann", absences: [] }],
      receptionRules: { maxPerHour: 4, maxMinutesPer2h: 120, minNoticeMinutes: 0 },
      interventions: { q15: NO_LABOUR.q15 },
      // Every reception here is 15 minutes, so one held express reception is a quarter hour.
      durations: { courtesyCarReceptionMinutes: 15, newCustomerReceptionMinutes: 15 },
      express: { reservedReceptions: { morning: 1, afternoon: 1 }, defaultReservedHours: 0, heldCourtesyCars: 0 },
    });
    for (const t of ["08:00", "08:15", "08:30"]) s.index.add(reception(0, at(s.dealer, `${MON}T${t}`), 15));
    return s;
  }

  const checkRows = [
    {
      name: "an ordinary customer before the release (Friday 09:00) cannot take it: express_reserve",
      now: `${FRI0}T09:00`,
      expected: ["express_reserve"],
    },
    {
      name: "an ordinary customer one minute before the release (Friday 15:59) cannot take it",
      now: `${FRI0}T15:59`,
      expected: ["express_reserve"],
    },
    {
      name: "an ordinary customer at the release (now = releaseAt, Friday 16:00) can take it",
      now: `${FRI0}T16:00`,
      expected: [],
    },
    { name: "an ordinary customer after the release (Sunday) can take it", now: `${SUN0}T11:00`, expected: [] },
    { name: "a priority vehicle can take it before the release", now: `${FRI0}T09:00`, priority: true, expected: [] },
    {
      name: "an ordinary customer may take an earlier free slot of the half-day (08:30 with only 08:00 and 08:15 booked)",
      now: `${FRI0}T09:00`,
      slot: "08:30",
      without: "08:30",
      expected: [],
    },
  ] as Array<{ name: string; now: string; priority?: boolean; slot?: string; without?: string; expected: RuleCode[] }>;

  it.each(checkRows)("check: $name", ({ now, priority, slot, without, expected }) => {
    const { dealer, index } = desk();
    if (without)
      for (const b of [...index.bookings.values()])
        if (b.reception.start === at(dealer, `${MON}T${without}`)) index.remove(b.id);
    const r = checkStay(
      index,
      {
        advisor: 0,
        start: at(dealer, `${MON}T${slot ?? "08:45"}`),
        minutes: 15,
        job: job(dealer, ["q15"]),
        now: at(dealer, now),
        express: priority,
        priority,
      },
      null,
    );
    expect(codes(r.violations)).toEqual(expected);
  });

  it.each([
    {
      name: "before the release an ordinary search offers nothing on Monday morning",
      now: `${FRI0}T09:00`,
      priority: false,
      mondayMorning: [],
    },
    {
      name: "after the release an ordinary search offers Monday 08:45",
      now: `${FRI0}T16:00`,
      priority: false,
      mondayMorning: ["08:45"],
    },
    {
      name: "before the release a priority search offers Monday 08:45 first, as express",
      now: `${FRI0}T15:00`,
      priority: true,
      mondayMorning: ["08:45"],
    },
  ])("search: $name", ({ now, priority, mondayMorning }) => {
    const { dealer, index } = desk();
    const t = at(dealer, now);
    const mon = dealer.dayOf(at(dealer, `${MON}T12:00`));
    const res = searchIndex(index, {
      job: job(dealer, ["q15"], true, priority ? "pickup_delivery" : "none"),
      fromDay: mon,
      days: 1,
      count: 4,
      now: t,
      priority,
    });
    const morning = res.options.filter(
      (o) => o.reception.start < at(dealer, `${MON}T13:00`) && o.reception.start >= at(dealer, `${MON}T00:00`),
    );
    expect(morning.map((o) => dealer.format(o.reception.start).slice(11, 16))).toEqual(mondayMorning);
    if (priority) expect(res.options[0]).toMatchObject({ express: true });
    // The afternoon's four free receptions are offered either way (one per half-day).
    expect(res.options.some((o) => dealer.format(o.reception.start).startsWith(`${MON}T14:`))).toBe(true);
  });

  /** True when a priority vehicle can still be received (express, past the caps if need be) on that half-day. */
  function priorityFits(index: CapacityIndex, j: Job, from: number, to: number, now: number): boolean {
    for (let t = from; t + j.receptionMinutes <= to; t += GRID) {
      for (let a = 0; a < index.dealer.advisors.length; a++) {
        if (
          typeof evaluateStay(
            index,
            {
              advisor: a,
              start: t,
              minutes: j.receptionMinutes,
              job: j,
              now,
              express: true,
              priority: true,
              force: true,
            },
            null,
            null,
          ) !== "string"
        )
          return true;
      }
    }
    return false;
  }

  /** One advisor, open `hours` on weekdays, one reception held on the morning only; notice 0, loose caps. */
  function tinyMorning(hours: Ranges) {
    return setup({
      openingHours: weekdays(hours),
      rushHours: [],
      advisors: [{ id: "ann", name: "Ann", absences: [] }],
      receptionRules: { minNoticeMinutes: 0, maxPerHour: 4, maxMinutesPer2h: 120 },
      interventions: NO_LABOUR,
      express: { reservedReceptions: { morning: 1, afternoon: 0 }, defaultReservedHours: 0, heldCourtesyCars: 0 },
    });
  }

  // Open 08:00–08:30: an ordinary 15-min reception at 08:00 leaves 08:15 free for the
  // reserve, but its own return appointment (10 min after a job without labour) must
  // then go elsewhere, not on the held quarter hour.
  // The return is checked against the reserve with the stay's own reception counted as
  // taken, so it cannot take the held quarter hour.
  it("an ordinary stay accepted before the release leaves room for a priority reception, its return appointment included", () => {
    const { dealer, index } = tinyMorning([["08:00", "08:30"]]);
    const now = at(dealer, `${FRI0}T09:00`);
    const r = checkStay(
      index,
      { advisor: 0, start: at(dealer, `${MON}T08:00`), minutes: 15, job: job(dealer, ["q15"]), now },
      null,
    );
    if (r.stay)
      index.add({
        id: "ordinary",
        reception: { advisor: 0, start: at(dealer, `${MON}T08:00`), minutes: 15 },
        ret: r.stay.ret,
        labour: [],
        readyAt: r.stay.plan.readyAt,
        express: false,
        mobility: "none",
      });
    expect(
      priorityFits(
        index,
        job(dealer, ["q15"], true, "pickup_delivery"),
        at(dealer, `${MON}T08:00`),
        at(dealer, `${MON}T08:30`),
        now,
      ),
    ).toBe(true);
  });

  // The reserve is counted in placements of the longest reception a priority vehicle may
  // need (a 30-minute courtesy-car handover by default). Open 08:00–08:45, one reception
  // held: an ordinary reception at 08:15 would leave two 15-minute holes and no room for
  // the handover, so it is refused.
  it("an ordinary reception accepted before the release leaves room for a priority vehicle's 30-minute courtesy-car handover", () => {
    const { dealer, index } = tinyMorning([["08:00", "08:45"]]);
    const now = at(dealer, `${FRI0}T09:00`);
    const handover = job(dealer, ["q15"], true, "courtesy_car");
    expect(handover.receptionMinutes).toBe(30);
    const morning = [at(dealer, `${MON}T08:00`), at(dealer, `${MON}T08:45`)] as const;
    expect(priorityFits(index, handover, ...morning, now)).toBe(true); // control: the empty morning has room
    const ret = { advisor: 0, start: at(dealer, `${TUE}T08:30`), minutes: 10 };
    const r = checkStay(
      index,
      { advisor: 0, start: at(dealer, `${MON}T08:15`), minutes: 15, job: job(dealer, ["q15"]), now },
      ret,
    );
    if (r.stay)
      index.add({
        id: "ordinary",
        reception: { advisor: 0, start: at(dealer, `${MON}T08:15`), minutes: 15 },
        ret: r.stay.ret,
        labour: [],
        readyAt: r.stay.plan.readyAt,
        express: false,
        mobility: "none",
      });
    expect(priorityFits(index, handover, ...morning, now)).toBe(true);
  });
});

// ================================================================ the workshop reserve

describe("the workshop reserve: hours per skill held for priority vehicles until the release time", () => {
  // Weekdays 08:00–18:00, one mechanic (7 h = 420 min a day), 3 h of it held for priority
  // vehicles until 18:30 on the previous working day. Monday and Tuesday already hold 300
  // min of ordinary work: 120 min are left, all of them inside the reserve. A 2-hour
  // maintenance received at Monday 09:00–09:15 then fits only in the reserve.
  function workshop(input: Partial<DealerConfigInput> = {}) {
    const s = setup({
      openingHours: weekdays([["08:00", "18:00"]]),
      advisors: [{ id: "ann", name: "Ann", absences: [] }],
      workshop: { mechanical: { technicians: 1, hoursPerDay: 7, overrides: {} } },
      interventions: { maintenance: { receptionMinutes: 15, returnMinutes: 10, labourHours: 2, skill: "mechanical" } },
      express: {
        reservedReceptions: { morning: 0, afternoon: 0 },
        defaultReservedHours: 3,
        releaseTime: "18:30",
        heldCourtesyCars: 0,
      },
      ...input,
    });
    for (const d of [MON, TUE]) {
      s.index.add({
        id: `load-${d}`,
        reception: { advisor: 0, start: at(s.dealer, `${d}T07:00`), minutes: 15 },
        ret: null,
        labour: [{ skill: 0, day: s.dealer.dayOf(at(s.dealer, `${d}T12:00`)), minutes: 300 }],
        readyAt: 0,
        express: false,
        mobility: "none",
      });
    }
    return s;
  }

  it.each([
    {
      name: "an ordinary job before the release (Friday 18:29) cannot use it: workshop_full",
      now: `${FRI0}T18:29`,
      priority: false,
      expected: [],
      ready: null,
    },
    {
      name: "a priority (express) job before the release fits in it, ready the same day at 12:45",
      now: `${FRI0}T18:29`,
      priority: true,
      expected: [],
      ready: `${MON}T12:45`,
    },
    {
      name: "an ordinary job at the release (Friday 18:30) fits: the reserve is back in the pool",
      now: `${FRI0}T18:30`,
      priority: false,
      expected: [],
      ready: `${MON}T12:45`,
    },
  ])("$name", ({ now, priority, ready }) => {
    const { dealer, index } = workshop();
    const r = checkStay(
      index,
      {
        advisor: 0,
        start: at(dealer, `${MON}T09:00`),
        minutes: 15,
        job: job(dealer, ["maintenance"]),
        now: at(dealer, now),
        express: priority,
        priority,
      },
      null,
    );
    expect(codes(r.violations)).toEqual(ready ? [] : ["workshop_full"]);
    expect(r.stay && dealer.format(r.stay.plan.readyAt)).toBe(ready && `${ready}:00+01:00`);
  });

  it("control: with no hours held for mechanics an ordinary job fits before the release", () => {
    const { dealer, index } = workshop({
      express: {
        reservedReceptions: { morning: 0, afternoon: 0 },
        reservedWorkshopHours: { mechanical: 0 },
        releaseTime: "18:30",
        heldCourtesyCars: 0,
      },
    });
    const r = checkStay(
      index,
      {
        advisor: 0,
        start: at(dealer, `${MON}T09:00`),
        minutes: 15,
        job: job(dealer, ["maintenance"]),
        now: at(dealer, `${FRI0}T09:00`),
      },
      null,
    );
    expect(codes(r.violations)).toEqual([]);
  });

  it("a priority search on Friday evening gets Monday 08:00 with the car ready the same day; the ordinary search gets nothing on Monday", () => {
    const { dealer, index } = workshop();
    const now = at(dealer, `${FRI0}T18:00`);
    const mon = dealer.dayOf(at(dealer, `${MON}T12:00`));
    const j = job(dealer, ["maintenance"], true, "none");
    const res = searchIndex(index, { job: j, fromDay: dealer.dayOf(now), days: 7, count: 3, now, priority: true });
    const o = res.options[0];
    expect(o).toMatchObject({ express: true });
    expect(dealer.format(o.reception.start)).toBe(`${MON}T08:00:00+01:00`);
    expect(dealer.dayOf(o.readyAt)).toBe(mon);
    expect(o.labour).toMatchObject([{ skill: 0, day: mon, minutes: 120 }]);
    const ordinary = searchIndex(index, { job: j, fromDay: dealer.dayOf(now), days: 7, count: 3, now });
    expect(ordinary.options.filter((x) => dealer.dayOf(x.reception.start) === mon)).toEqual([]);
  });
});

// ================================================================ mobility

describe("the duration model: a courtesy car lengthens reception and return", () => {
  it.each([
    { mobility: "none", durations: {}, expected: [15, 10] },
    { mobility: "pickup_delivery", durations: {}, expected: [15, 10] },
    { mobility: "taxi", durations: {}, expected: [15, 10] },
    { mobility: "courtesy_car", durations: {}, expected: [30, 15] },
    {
      mobility: "courtesy_car",
      durations: { courtesyCarReceptionMinutes: 15, courtesyCarReturnMinutes: 12 },
      expected: [15, 12],
    },
  ] as Array<{ mobility: Mobility; durations: Record<string, number>; expected: [number, number] }>)(
    "maintenance (15/10) with $mobility and $durations → $expected",
    ({ mobility, durations, expected }) => {
      const { dealer } = setup({ durations });
      const j = job(dealer, ["maintenance"], true, mobility);
      expect([j.receptionMinutes, j.returnMinutes]).toEqual(expected);
    },
  );
});

/** A stay from one local time to another (the return starts at `until` − 15 and lasts 15 min). */
function stayBetween(dealer: ReturnType<typeof setup>["dealer"], from: string, until: string | null, readyAt?: string) {
  const start = at(dealer, from);
  return {
    reception: { advisor: 0, start, minutes: 30 },
    ret: until ? { advisor: 0, start: at(dealer, until) - 15, minutes: 15 } : null,
    readyAt: readyAt ? at(dealer, readyAt) : start + 30,
  };
}

function booked(
  dealer: ReturnType<typeof setup>["dealer"],
  id: string,
  mobility: Mobility,
  from: string,
  until: string | null,
  readyAt?: string,
  express = false,
): Booking {
  return { id, ...stayBetween(dealer, from, until, readyAt), labour: [], express, mobility };
}

describe("courtesy cars: a car is out from reception to return, across every day of a multi-day stay", () => {
  // Two cars, none held. Car 1: Monday 09:00 → Wednesday 16:15. Car 2: Tuesday 10:00 → Thursday 11:15.
  // Both are out from Tuesday 10:00 to Wednesday 16:15.
  function fleet() {
    const s = setup({
      openingHours: weekdays([["08:00", "18:00"]]),
      mobility: { courtesyCars: 2, pickupDelivery: 0 },
      express: { heldCourtesyCars: 0 },
    });
    s.index.add(booked(s.dealer, "car-1", "courtesy_car", `${MON}T09:00`, `${WED}T16:15`));
    s.index.add(booked(s.dealer, "car-2", "courtesy_car", `${TUE}T10:00`, `${THU}T11:15`));
    return s;
  }

  it.each([
    {
      name: "a same-day stay on Tuesday afternoon, when both cars are out: refused",
      from: `${TUE}T14:00`,
      until: `${TUE}T15:00`,
      expected: "mobility_unavailable",
    },
    {
      name: "a stay on Monday morning, before car 2 leaves: accepted (one car out)",
      from: `${MON}T10:00`,
      until: `${MON}T12:00`,
      expected: null,
    },
    {
      name: "a stay on Thursday afternoon, after both came back: accepted",
      from: `${THU}T12:00`,
      until: `${THU}T17:00`,
      expected: null,
    },
    {
      name: "Friday → Tuesday 11:00 across the weekend, overlapping both on Tuesday: refused",
      from: `${FRI0}T09:00`,
      until: `${TUE}T11:00`,
      expected: "mobility_unavailable",
    },
    {
      name: "Friday → Tuesday 10:00, back the minute car 2 leaves: accepted",
      from: `${FRI0}T09:00`,
      until: `${TUE}T10:00`,
      expected: null,
    },
    {
      name: "Wednesday 16:15 → Thursday, leaving the minute car 1 is back: accepted",
      from: `${WED}T16:15`,
      until: `${THU}T17:00`,
      expected: null,
    },
    {
      name: "Wednesday 16:00 → 17:00, overlapping car 1's last quarter hour: refused",
      from: `${WED}T16:00`,
      until: `${WED}T17:00`,
      expected: "mobility_unavailable",
    },
    {
      name: "no return planned: out until the ready time (Tuesday 12:00 → 15:00): refused",
      from: `${TUE}T12:00`,
      until: null,
      readyAt: `${TUE}T15:00`,
      expected: "mobility_unavailable",
    },
    {
      name: "Monday → Wednesday, spanning a whole day (Tuesday) both cars are out: refused",
      from: `${MON}T08:00`,
      until: `${WED}T09:00`,
      expected: "mobility_unavailable",
    },
  ] as Array<{ name: string; from: string; until: string | null; readyAt?: string; expected: RuleCode | null }>)(
    "$name",
    ({ from, until, readyAt, expected }) => {
      const { dealer, index } = fleet();
      expect(mobilityViolation(index, "courtesy_car", stayBetween(dealer, from, until, readyAt), false)).toBe(expected);
    },
  );

  it("counts the cars out at the busiest minute of a window", () => {
    const { dealer, index } = fleet();
    const out = (from: string, until: string) => carsOut(index, at(dealer, from), at(dealer, until));
    expect(out(`${MON}T00:00`, `${MON}T23:59`)).toBe(1);
    expect(out(`${TUE}T00:00`, `${TUE}T23:59`)).toBe(2);
    expect(out(`${WED}T16:15`, `${THU}T23:59`)).toBe(1);
    expect(out(`${THU}T11:15`, `${THU}T23:59`)).toBe(0);
    expect(carWindow(index.bookings.get("car-1")!).map((m) => dealer.format(m))).toEqual([
      `${MON}T09:00:00+01:00`,
      `${WED}T16:15:00+01:00`,
    ]);
  });

  it("checkStay refuses a multi-day bodywork stay whose later days overlap the cars out, and accepts it after they are back", () => {
    const { dealer, index } = fleet();
    const body = job(dealer, ["bodywork"], true, "courtesy_car");
    const now = at(dealer, `${FRI0}T09:00`);
    const ok = checkStay(index, { advisor: 0, start: at(dealer, `${FRI0}T11:00`), minutes: 30, job: body, now }, null);
    // Control: received Friday, the 12-hour job runs to Tuesday 09:00: only car 1 is out meanwhile.
    expect(codes(ok.violations)).toEqual([]);
    const [s, e] = carWindow({
      reception: { advisor: 0, start: at(dealer, `${FRI0}T11:00`), minutes: 30 },
      ret: ok.stay!.ret,
      readyAt: ok.stay!.plan.readyAt,
    });
    expect(dealer.dayOf(e)).toBeGreaterThan(dealer.dayOf(s));
    const tue = checkStay(index, { advisor: 0, start: at(dealer, `${MON}T14:00`), minutes: 30, job: body, now }, null);
    expect(codes(tue.violations)).toEqual(["mobility_unavailable"]);
    const thu = checkStay(index, { advisor: 0, start: at(dealer, `${THU}T12:00`), minutes: 30, job: body, now }, null);
    expect(codes(thu.violations)).toEqual([]);
  });

  it("the search only offers stays whose car is free for the whole stay", () => {
    const { dealer, index } = fleet();
    const now = at(dealer, `${FRI0}T09:00`);
    for (const interventions of [["tyres"], ["bodywork"]]) {
      const j = job(dealer, interventions, true, "courtesy_car");
      const res = searchIndex(index, {
        job: j,
        fromDay: dealer.dayOf(at(dealer, `${MON}T12:00`)),
        days: 4,
        count: 6,
        now,
      });
      expect(res.options.length).toBeGreaterThan(0);
      for (const o of res.options) {
        const [s, e] = carWindow({ reception: o.reception, ret: o.ret, readyAt: o.readyAt });
        expect(carsOut(index, s, e), `${interventions} ${dealer.format(s)} → ${dealer.format(e)}`).toBeLessThan(2);
      }
    }
  });
});

describe("courtesy cars held for priority vehicles (heldCars)", () => {
  it.each([
    { cars: 0, held: 1, expected: 0 },
    { cars: 1, held: 1, expected: 0 }, // a single car is not held: ordinary customers would never get one
    { cars: 2, held: 1, expected: 1 },
    { cars: 3, held: 1, expected: 1 },
    { cars: 3, held: 2, expected: 2 },
    { cars: 3, held: 5, expected: 2 },
    { cars: 2, held: 0, expected: 0 },
  ])("$cars cars, heldCourtesyCars $held → $expected held", ({ cars, held, expected }) => {
    const { config } = setup({
      mobility: { courtesyCars: cars, pickupDelivery: 1 },
      express: { heldCourtesyCars: held },
    });
    expect(heldCars(config)).toBe(expected);
  });

  // Tuesday 10:00–11:00 stay; `out` lists who already has a car over that time.
  it.each([
    {
      name: "2 cars, 1 held, none out: an ordinary customer gets one",
      cars: 2,
      out: [],
      priority: false,
      expected: [],
    },
    {
      name: "2 cars, 1 held, one out: an ordinary customer cannot take the held car",
      cars: 2,
      out: [false],
      priority: false,
      expected: ["mobility_unavailable"],
    },
    {
      name: "2 cars, 1 held, one out: a priority vehicle takes the held car",
      cars: 2,
      out: [false],
      priority: true,
      expected: [],
    },
    {
      name: "2 cars, 1 held, both out (one by a priority vehicle): nothing left even for priority",
      cars: 2,
      out: [false, true],
      priority: true,
      expected: ["mobility_unavailable"],
    },
    {
      name: "2 cars, 1 held, the priority vehicle has the held car: the ordinary car is still free",
      cars: 2,
      out: [true],
      priority: false,
      expected: [],
    },
    {
      name: "1 car (not held), none out: an ordinary customer gets it",
      cars: 1,
      out: [],
      priority: false,
      expected: [],
    },
    {
      name: "1 car (not held), out: refused for priority too",
      cars: 1,
      out: [false],
      priority: true,
      expected: ["mobility_unavailable"],
    },
  ] as Array<{ name: string; cars: number; out: boolean[]; priority: boolean; expected: RuleCode[] }>)(
    "$name",
    ({ cars, out, priority, expected }) => {
      const { dealer, index } = setup({
        openingHours: weekdays([["08:00", "18:00"]]),
        interventions: NO_LABOUR,
        mobility: { courtesyCars: cars, pickupDelivery: 0 },
        express: { ...NO_RESERVE, heldCourtesyCars: 1 },
      });
      out.forEach((express, i) =>
        index.add(booked(dealer, `out-${i}`, "courtesy_car", `${MON}T09:00`, `${WED}T16:15`, undefined, express)),
      );
      const j = job(dealer, ["q15"], true, "courtesy_car");
      const r = checkStay(
        index,
        {
          advisor: 0,
          start: at(dealer, `${TUE}T10:00`),
          minutes: 30,
          job: j,
          now: at(dealer, `${FRI0}T09:00`),
          priority,
          express: priority,
        },
        null,
      );
      expect(codes(r.violations)).toEqual(expected);
    },
  );
});

describe("pickup & delivery: driver runs per half-day (a pickup in the reception's, a delivery in the return's)", () => {
  // Two runs per half-day. `existing` jobs are picked up Monday morning and delivered Monday afternoon.
  it.each([
    {
      name: "Monday morning → afternoon with one job already: accepted (2 runs each)",
      existing: 1,
      from: `${MON}T09:00`,
      until: `${MON}T16:00`,
      expected: null,
    },
    {
      name: "Monday morning → afternoon with two jobs already: refused (the morning's runs are gone)",
      existing: 2,
      from: `${MON}T09:00`,
      until: `${MON}T16:00`,
      expected: "mobility_unavailable",
    },
    {
      name: "pickup and delivery both on Monday morning need two runs: refused with one job already",
      existing: 1,
      from: `${MON}T09:00`,
      until: `${MON}T11:00`,
      expected: "mobility_unavailable",
    },
    {
      name: "pickup and delivery both on Monday morning: accepted with the runs free",
      existing: 0,
      from: `${MON}T09:00`,
      until: `${MON}T11:00`,
      expected: null,
    },
    {
      name: "Monday afternoon → Tuesday morning with two jobs already: refused (the afternoon's runs are gone)",
      existing: 2,
      from: `${MON}T14:00`,
      until: `${TUE}T10:00`,
      expected: "mobility_unavailable",
    },
    {
      name: "Tuesday morning → afternoon with Monday's runs gone: accepted",
      existing: 2,
      from: `${TUE}T09:00`,
      until: `${TUE}T16:00`,
      expected: null,
    },
    {
      name: "Friday → Monday afternoon with two jobs already: refused (the delivery's half-day has no run left)",
      existing: 2,
      from: `${FRI0}T09:00`,
      until: `${MON}T16:00`,
      expected: "mobility_unavailable",
    },
    {
      name: "no return planned: the delivery counts in the ready time's half-day (Monday afternoon, full)",
      existing: 2,
      from: `${TUE}T09:00`,
      until: null,
      readyAt: `${MON}T15:00`,
      expected: "mobility_unavailable",
    },
  ] as Array<{
    name: string;
    existing: number;
    from: string;
    until: string | null;
    readyAt?: string;
    expected: RuleCode | null;
  }>)("$name", ({ existing, from, until, readyAt, expected }) => {
    const { dealer, index } = setup({
      openingHours: weekdays([["08:00", "18:00"]]),
      mobility: { courtesyCars: 0, pickupDelivery: 2 },
      express: { models: [] },
    });
    for (let i = 0; i < existing; i++)
      index.add(booked(dealer, `pd-${i}`, "pickup_delivery", `${MON}T08:00`, `${MON}T17:00`));
    const mon = dealer.dayOf(at(dealer, `${MON}T12:00`));
    expect(Array.from(index.peek(mon)?.runs ?? [0, 0])).toEqual([existing, existing]);
    expect(mobilityViolation(index, "pickup_delivery", stayBetween(dealer, from, until, readyAt), false)).toBe(
      expected,
    );
  });
});

describe("shuttle, rental and taxi", () => {
  it.each([
    { name: "shuttle: not offered", shuttle: false, existing: 0, expected: "mobility_not_offered" },
    {
      name: "shuttle: unlimited seats, fifty passengers already this morning",
      shuttle: true,
      existing: 50,
      expected: null,
    },
    {
      name: "shuttle: 2 seats per departure, one taken",
      shuttle: { seatsPerDeparture: 2 },
      existing: 1,
      expected: null,
    },
    {
      name: "shuttle: 2 seats per departure, both taken",
      shuttle: { seatsPerDeparture: 2 },
      existing: 2,
      expected: "mobility_unavailable",
    },
  ] as Array<{
    name: string;
    shuttle: boolean | { seatsPerDeparture: number };
    existing: number;
    expected: RuleCode | null;
  }>)("$name", ({ shuttle, existing, expected }) => {
    const { dealer, index } = setup({ openingHours: weekdays([["08:00", "18:00"]]), mobility: { shuttle } });
    for (let i = 0; i < existing; i++) index.add(booked(dealer, `sh-${i}`, "shuttle", `${MON}T08:00`, `${MON}T17:00`));
    expect(mobilityViolation(index, "shuttle", stayBetween(dealer, `${MON}T09:00`, `${MON}T16:00`), false)).toBe(
      expected,
    );
  });

  it.each([
    { mobility: "rental", config: { rental: false }, expected: "mobility_not_offered" },
    { mobility: "rental", config: { rental: true }, expected: null },
    { mobility: "taxi", config: { taxi: false }, expected: "mobility_not_offered" },
    { mobility: "taxi", config: { taxi: true }, expected: null },
    { mobility: "courtesy_car", config: { courtesyCars: 0 }, expected: "mobility_not_offered" },
    { mobility: "pickup_delivery", config: { pickupDelivery: 0 }, expected: "mobility_not_offered" },
    { mobility: "none", config: { taxi: false, rental: false, courtesyCars: 0, pickupDelivery: 0 }, expected: null },
  ] as Array<{ mobility: Mobility; config: Record<string, unknown>; expected: RuleCode | null }>)(
    "$mobility with $config → $expected (external kinds are recorded, never counted)",
    ({ mobility, config, expected }) => {
      const { dealer, index } = setup({
        openingHours: weekdays([["08:00", "18:00"]]),
        mobility: { courtesyCars: 1, pickupDelivery: 1, ...config },
        express: { models: [] },
      });
      // External kinds are not limited: a hundred earlier customers with the same kind use nothing up.
      if (mobility === "rental" || mobility === "taxi")
        for (let i = 0; i < 100; i++) index.add(booked(dealer, `ext-${i}`, mobility, `${MON}T08:00`, `${MON}T17:00`));
      expect(mobilityViolation(index, mobility, stayBetween(dealer, `${MON}T09:00`, `${MON}T16:00`), false)).toBe(
        expected,
      );
    },
  );

  it("checkStay and the search refuse a mobility the dealer does not offer (mobility_not_offered)", () => {
    const { dealer, index } = setup({
      openingHours: weekdays([["08:00", "18:00"]]),
      mobility: { rental: false, taxi: false },
    });
    const now = at(dealer, `${FRI0}T09:00`);
    for (const m of ["rental", "taxi"] as const) {
      const j = job(dealer, ["maintenance"], true, m);
      expect(
        codes(
          checkStay(index, { advisor: 0, start: at(dealer, `${MON}T10:00`), minutes: 15, job: j, now }, null)
            .violations,
        ),
      ).toEqual(["mobility_not_offered"]);
      expect(searchIndex(index, { job: j, fromDay: dealer.dayOf(now), days: 7, count: 2, now }).options).toEqual([]);
    }
  });
});
