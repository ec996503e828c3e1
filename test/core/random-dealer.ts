import { Temporal } from "@js-temporal/polyfill";
import fc from "fast-check";
import {
  CapacityIndex,
  checkReception,
  compileDealer,
  DealerConfig,
  dayNumberFromIso,
  DEFAULT_INTERVENTIONS,
  deriveJob,
  findReturn,
  isJobError,
  isoFromDayNumber,
  MOBILITY,
  searchIndex,
  type Booking,
  type DealerConfigInput,
  type Mobility,
} from "../../src/core/index.js";
import { bookingOf } from "../support/core.js";

// Random dealers for the differential properties: a random zone (DST ones included),
// random opening hours (lunch breaks, touching and out-of-order ranges), 1–4 advisors
// with random working hours and absences, a small random workshop, and a calendar filled
// by booking what the engine itself proposes plus advisor overrides past the caps.

export const ZONES = [
  "Europe/Rome",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "UTC",
  "Pacific/Chatham",
  "America/St_Johns",
  "Europe/London",
];
// Around clock changes (in one zone or another) and a few ordinary dates.
const BASE_DATES = [
  "2027-03-28",
  "2026-10-25",
  "2027-03-14",
  "2026-11-01",
  "2027-04-04",
  "2026-10-04",
  "2026-09-27",
  "2027-06-15",
  "2026-12-30",
];
const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const CODES = Object.keys(DEFAULT_INTERVENTIONS);

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

// A wall minute between `lo` and `hi`, on a 5-minute mark (half the time on the quarter hour).
const wallArb = (lo: number, hi: number) =>
  fc.oneof(
    fc.integer({ min: lo / 15, max: hi / 15 }).map((q) => q * 15),
    fc.integer({ min: lo / 5, max: hi / 5 }).map((q) => q * 5),
  );

type Ranges = Array<[string, string]>;

// One day's opening: closed, one range, or two ranges (a lunch break, possibly zero
// minutes long = touching ranges, possibly listed afternoon first).
const dayHoursArb: fc.Arbitrary<Ranges> = fc.oneof(
  { weight: 1, arbitrary: fc.constant([] as Ranges) },
  {
    weight: 4,
    arbitrary: fc.tuple(wallArb(360, 660), wallArb(720, 1260)).map(([a, b]) => [[hhmm(a), hhmm(b)]] as Ranges),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(wallArb(360, 600), wallArb(660, 780), fc.constantFrom(0, 0, 30, 60, 90), wallArb(900, 1260), fc.boolean())
      .map(([a, b, gap, d, swap]) => {
        const r: Ranges = [
          [hhmm(a), hhmm(b)],
          [hhmm(b + gap), hhmm(Math.max(d, b + gap + 30))],
        ];
        return swap ? [r[1], r[0]] : r;
      }),
  },
);

const weekArb = fc
  .tuple(...WEEKDAY_KEYS.map(() => dayHoursArb))
  .map((days) => Object.fromEntries(WEEKDAY_KEYS.map((k, i) => [k, days[i]])));

export const scenarioArb = fc.record({
  tz: fc.constantFrom(...ZONES),
  baseDate: fc.constantFrom(...BASE_DATES),
  shift: fc.integer({ min: -3, max: 1 }),
  opening: weekArb,
  closures: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }),
  rush: fc.boolean(),
  rules: fc.record({
    maxPerHour: fc.integer({ min: 2, max: 4 }),
    maxMinutesPer2h: fc.constantFrom(60, 75, 90, 90, 120),
    minNoticeMinutes: fc.constantFrom(0, 60, 60, 120, 240),
    maxHorizonDays: fc.constantFrom(2, 3, 5, 30, 365, 365),
    quietMaxDeskShare: fc.constantFrom(0, 0.5, 0.5, 1),
  }),
  advisors: fc.array(
    fc.record({
      hours: fc.option(weekArb, { nil: undefined, freq: 2 }),
      absences: fc.array(
        fc.record({
          day: fc.integer({ min: -1, max: 6 }),
          at: wallArb(360, 1200),
          minutes: fc.constantFrom(15, 30, 60, 120, 240, 600, 1440, 2880),
        }),
        { maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  // Mostly a workshop of a real size; sometimes a tiny one, or a skill nobody has.
  workshop: fc.record({
    mechanical: fc.record({
      technicians: fc.constantFrom(0, 1, 2, 3, 3, 4),
      hoursPerDay: fc.constantFrom(1, 4, 7, 7, 7.5, 8),
    }),
    bodywork: fc.record({ technicians: fc.constantFrom(0, 1, 2, 2, 3), hoursPerDay: fc.constantFrom(2, 7, 8) }),
    diagnosis: fc.record({ technicians: fc.constantFrom(0, 1, 1, 2), hoursPerDay: fc.constantFrom(1, 4, 7, 8) }),
  }),
  // Often the mechanics are a roster instead (issue 13): named technicians with their own
  // hours or the opening hours, absences, some also diagnosing (listed once).
  roster: fc.option(
    fc.array(
      fc.record({
        alsoDiagnosis: fc.boolean(),
        hours: fc.option(weekArb, { nil: undefined, freq: 2 }),
        absences: fc.array(
          fc.record({
            day: fc.integer({ min: -1, max: 6 }),
            at: wallArb(360, 1200),
            minutes: fc.constantFrom(60, 240, 600, 1440),
          }),
          { maxLength: 2 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { nil: undefined, freq: 2 },
  ),
  express: fc.record({
    reservedReceptions: fc.record({
      morning: fc.integer({ min: 0, max: 2 }),
      afternoon: fc.integer({ min: 0, max: 2 }),
    }),
    defaultReservedHours: fc.constantFrom(0, 0, 1, 3),
    releaseTime: fc.constantFrom("16:00", "16:00", "12:00", "18:30", "00:00"),
    heldCourtesyCars: fc.integer({ min: 0, max: 1 }),
  }),
  mobility: fc.record({
    courtesyCars: fc.integer({ min: 0, max: 3 }),
    pickupDelivery: fc.integer({ min: 0, max: 2 }),
    taxi: fc.boolean(),
    rental: fc.boolean(),
    shuttle: fc.oneof(fc.boolean(), fc.record({ seatsPerDeparture: fc.integer({ min: 1, max: 3 }) })),
  }),
  // Earlier activity: searches whose proposals get booked (ordinary and priority
  // customers), and advisor overrides.
  actions: fc.array(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant("book" as const),
          interventions: fc.subarray(CODES, { minLength: 1, maxLength: 2 }),
          known: fc.boolean(),
          mobility: fc.constantFrom<Mobility>(...MOBILITY),
          day: fc.integer({ min: -1, max: 5 }),
          days: fc.integer({ min: 1, max: 3 }),
          count: fc.integer({ min: 1, max: 6 }),
          pick: fc.nat(),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("express" as const),
          interventions: fc.subarray(CODES, { minLength: 1, maxLength: 2 }),
          known: fc.boolean(),
          mobility: fc.constantFrom<Mobility>("none", "none", "courtesy_car", "pickup_delivery"),
          day: fc.integer({ min: -1, max: 4 }),
          at: fc.integer({ min: 0, max: 1439 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("force" as const),
          interventions: fc.subarray(CODES, { minLength: 1, maxLength: 1 }),
          known: fc.boolean(),
          advisor: fc.nat(),
          day: fc.integer({ min: 0, max: 5 }),
          slot: fc.integer({ min: 0, max: 60 }),
        }),
      },
    ),
    { maxLength: 25, size: "medium" },
  ),
  query: fc.record({
    interventions: fc.subarray(CODES, { minLength: 1, maxLength: 2 }),
    known: fc.boolean(),
    // Mostly mobility every dealer has, so that most queries have options to compare.
    mobility: fc.constantFrom<Mobility>("none", "none", "none", ...MOBILITY),
    days: fc.integer({ min: 1, max: 5 }),
    count: fc.integer({ min: 2, max: 4 }),
    // now, in minutes relative to local midnight of the first day
    now: fc.integer({ min: -2 * 1440, max: 1440 + 720 }),
  }),
  probes: fc.array(
    fc.record({
      advisor: fc.nat(),
      day: fc.integer({ min: 0, max: 5 }),
      minute: fc.integer({ min: 300, max: 1320 }),
      len: fc.constantFrom(15, 30, 15, 30, 20),
      grid: fc.boolean(),
    }),
    { maxLength: 12 },
  ),
  // Probes next to an existing reception, with its advisor: where busy and the caps bite.
  nearProbes: fc.array(
    fc.record({
      pick: fc.nat(),
      delta: fc.integer({ min: -10, max: 10 }),
      step: fc.constantFrom(15, 15, 5),
      len: fc.constantFrom(15, 30),
    }),
    { maxLength: 10 },
  ),
});

export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function localString(date: string, wall: number): string {
  return `${date}T${hhmm(wall)}`;
}

export function buildWorld(sc: Scenario) {
  const fromDate = isoFromDayNumber(dayNumberFromIso(sc.baseDate) + sc.shift);
  const fromDay = dayNumberFromIso(fromDate);
  /** Local start and end ("YYYY-MM-DDTHH:MM") of each generated absence, days counted from fromDay. */
  const absences = (list: Array<{ day: number; at: number; minutes: number }>) =>
    list.map((ab) => {
      const start = Temporal.PlainDateTime.from(localString(isoFromDayNumber(fromDay + ab.day), ab.at));
      return {
        start: start.toString().slice(0, 16),
        end: start.add({ minutes: ab.minutes }).toString().slice(0, 16),
      };
    });
  const input: DealerConfigInput = {
    name: "Random dealer",
    timeZone: sc.tz,
    openingHours: sc.opening,
    closures: [...new Set(sc.closures.map((k) => isoFromDayNumber(fromDay + k)))],
    rushHours: sc.rush
      ? [
          ["08:00", "09:00"],
          ["17:00", "18:00"],
        ]
      : [],
    receptionRules: sc.rules,
    // A dealer offering neither courtesy cars nor pickup & delivery cannot promise priority models anything.
    express: {
      ...sc.express,
      ...(sc.mobility.courtesyCars === 0 && sc.mobility.pickupDelivery === 0 ? { models: [] } : {}),
    },
    mobility: sc.mobility,
    advisors: sc.advisors.map((a, i) => ({
      id: `a${i}`,
      name: `Advisor ${i}`,
      workingHours: a.hours,
      absences: absences(a.absences),
    })),
    workshop: {
      mechanical: sc.roster
        ? sc.roster.map((t, i) => ({
            id: `t${i}`,
            name: `Technician ${i}`,
            skills: t.alsoDiagnosis ? ["diagnosis"] : [],
            hours: t.hours,
            absences: absences(t.absences),
          }))
        : { ...sc.workshop.mechanical, overrides: {} },
      bodywork: { ...sc.workshop.bodywork, overrides: {} },
      diagnosis: { ...sc.workshop.diagnosis, overrides: {} },
    },
  };
  const config = DealerConfig.parse(input);
  const dealer = compileDealer("random", config);
  const index = new CapacityIndex(dealer);
  const firstStart = Temporal.PlainDate.from(fromDate).toZonedDateTime({ timeZone: sc.tz }).epochMilliseconds / 60_000;
  const now = firstStart + sc.query.now;
  const bookings: Booking[] = [];
  let id = 0;
  for (const act of sc.actions) {
    if (act.kind === "cancel") {
      // A customer cancels: the index forgets the booking (the engine's caches must follow).
      if (!bookings.length) continue;
      const [gone] = bookings.splice(act.pick % bookings.length, 1);
      index.remove(gone.id);
      continue;
    }
    // Each earlier booking was made the day before its target day (and never after now).
    const historyNow = Math.min(now, firstStart + (act.day - 1) * 1440);
    const j = deriveJob(dealer, {
      interventions: act.interventions,
      known: act.known,
      mobility: act.kind === "force" ? "none" : act.mobility,
    });
    if (isJobError(j)) throw new Error(j.detail);
    if (act.kind === "express") {
      // A priority vehicle calls at some minute of that day: it gets the guaranteed express option.
      const callAt = Math.min(now, firstStart + act.day * 1440 + act.at);
      const res = searchIndex(index, {
        job: j,
        fromDay: dealer.dayOf(callAt),
        days: 2,
        count: 1,
        now: callAt,
        priority: true,
      });
      const o = res.options[0];
      if (!o || !o.express) continue;
      const b = bookingOf(`x${id++}`, o, true);
      index.add(b);
      bookings.push(b);
    } else if (act.kind === "book") {
      const res = searchIndex(index, {
        job: j,
        fromDay: fromDay + act.day,
        days: act.days,
        count: act.count,
        now: historyNow,
      });
      if (res.options.length === 0) continue;
      const o = res.options[act.pick % res.options.length];
      const b = bookingOf(`b${id++}`, o);
      index.add(b);
      bookings.push(b);
    } else {
      const day = dealer.day(fromDay + act.day);
      if (!day.open.length) continue;
      const first = Math.ceil((day.open[0] + day.gridPhase) / 15) * 15 - day.gridPhase;
      const start = day.zone.start + first + act.slot * 15;
      const advisor = act.advisor % dealer.advisors.length;
      const r = checkReception(index, {
        advisor,
        start,
        minutes: j.receptionMinutes,
        job: j,
        now: historyNow,
        force: true,
      });
      if (!r.plan) continue;
      const ret = findReturn(index, advisor, r.plan.readyAt, j.returnMinutes);
      const b: Booking = {
        id: `f${id++}`,
        reception: { advisor, start, minutes: j.receptionMinutes },
        ret,
        labour: r.plan.labour,
        readyAt: r.plan.readyAt,
        express: false,
        mobility: "none",
      };
      index.add(b);
      bookings.push(b);
    }
  }
  return { config, dealer, index, bookings, fromDate, fromDay, firstStart, now };
}
