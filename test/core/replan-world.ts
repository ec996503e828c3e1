import fc from "fast-check";
import {
  CapacityIndex,
  checkStay,
  compileDealer,
  DealerConfig,
  readInstant,
  type Booking,
  type Dealer,
  type Job,
  type Mobility,
  type Movable,
  type ReplanContext,
  type Violation,
} from "../../src/core/index.js";
import { job as jobOf } from "../support/core.js";

// Random days for the reshuffle properties: a Rome dealer open 08:00–18:00 with 2–5
// advisors (plus, on request, a spare advisor nobody booked), filled by booking random
// (advisor, time, job) requests that THE checker accepts, in order (returns included:
// the spare advisor is added only when the absence is, so they are entirely free). `now` is the evening
// before, so every appointment of the day is still ahead.

export const DAY = "2027-03-02"; // a Tuesday
const CODES = ["maintenance", "service", "diagnosis", "tyres", "recall", "bodywork"];

export const dayArb = fc.record({
  advisors: fc.integer({ min: 2, max: 5 }),
  spare: fc.boolean(),
  ample: fc.boolean(),
  courtesyCars: fc.integer({ min: 1, max: 4 }),
  requests: fc.array(
    fc.record({
      advisor: fc.nat(),
      slot: fc.integer({ min: 0, max: 39 }),
      code: fc.constantFrom(...CODES),
      known: fc.boolean(),
      mobility: fc.constantFrom<Mobility>("none", "none", "taxi", "courtesy_car"),
    }),
    { minLength: 5, maxLength: 60 },
  ),
  absent: fc.nat(),
  // Absence window in quarter hours from 08:00 (whole day when from >= to).
  from: fc.integer({ min: 0, max: 40 }),
  to: fc.integer({ min: 0, max: 40 }),
});
export type DaySpec = typeof dayArb extends fc.Arbitrary<infer T> ? T : never;

export interface World {
  config: DealerConfig;
  dealer: Dealer;
  index: CapacityIndex;
  jobs: Map<string, Job>;
  now: number;
  /** Advisors that got bookings (the spare, when there is one, is the last advisor). */
  booked: number;
}

export function configOf(
  spec: Pick<DaySpec, "advisors" | "spare" | "ample" | "courtesyCars">,
  absences: Array<{ advisor: number; start: string; end: string }> = [],
) {
  const count = spec.advisors + (spec.spare ? 1 : 0);
  return DealerConfig.parse({
    name: "Reshuffle dealer",
    timeZone: "Europe/Rome",
    advisors: Array.from({ length: count }, (_, i) => ({
      id: `a${i}`,
      name: `Advisor ${i}`,
      absences: absences.filter((a) => a.advisor === i).map(({ start, end }) => ({ start, end })),
    })),
    workshop: spec.ample
      ? {
          mechanical: { technicians: 40, hoursPerDay: 8 },
          diagnosis: { technicians: 10, hoursPerDay: 8 },
          bodywork: { technicians: 20, hoursPerDay: 8 },
        }
      : {
          mechanical: { technicians: 3, hoursPerDay: 7 },
          diagnosis: { technicians: 1, hoursPerDay: 7 },
          bodywork: { technicians: 1, hoursPerDay: 7 },
        },
    mobility: { courtesyCars: spec.courtesyCars, pickupDelivery: 1, taxi: true },
    express: {
      models: ["MC20"],
      reservedReceptions: { morning: 0, afternoon: 0 },
      defaultReservedHours: 0,
      heldCourtesyCars: 0,
    },
  });
}

/**
 * A fixed (not random) day: `advisors` advisors, an ample workshop, two courtesy cars,
 * nobody absent, and a known customer's maintenance at each (advisor, quarter hour from
 * 08:00) given.
 */
export function fixedDay(advisors: number, receptions: Array<[advisor: number, slot: number]> = []): World {
  return buildDay({
    advisors,
    spare: false,
    ample: true,
    courtesyCars: 2,
    requests: receptions.map(([advisor, slot]) => ({
      advisor,
      slot,
      code: "maintenance",
      known: true,
      mobility: "none",
    })),
    absent: 0,
    from: 0,
    to: 0,
  });
}

export function buildDay(spec: DaySpec): World {
  // The spare advisor joins only for the re-plan (withAbsence): nothing, not even a return, is booked with them.
  const config = configOf({ ...spec, spare: false });
  const dealer = compileDealer("reshuffle", config);
  const index = new CapacityIndex(dealer);
  const now = readInstant(dealer.tz, "2027-03-01T20:00");
  const dayStart = readInstant(dealer.tz, `${DAY}T08:00`);
  const jobs = new Map<string, Job>();
  let n = 0;
  for (const r of spec.requests) {
    const job = jobOf(dealer, [r.code], r.known, r.mobility);
    const advisor = r.advisor % spec.advisors;
    const start = dayStart + r.slot * 15;
    const chk = checkStay(index, { advisor, start, minutes: job.receptionMinutes, job, now }, null);
    if (!chk.stay) continue;
    const id = `b${n++}`;
    index.add({
      id,
      reception: { advisor, start, minutes: job.receptionMinutes },
      ret: chk.stay.ret,
      labour: chk.stay.plan.labour,
      readyAt: chk.stay.plan.readyAt,
      express: false,
      mobility: r.mobility,
    });
    jobs.set(id, job);
  }
  return { config, dealer, index, jobs, now, booked: spec.advisors };
}

/** The absence of the spec, as local date-times and epoch minutes. */
export function absenceOf(w: World, spec: DaySpec) {
  const advisor = spec.absent % w.booked;
  const whole = spec.from >= spec.to;
  const wall = (q: number) =>
    `${DAY}T${String(8 + Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`;
  const start = whole ? `${DAY}T00:00` : wall(spec.from);
  const end = whole ? "2027-03-03T00:00" : wall(spec.to);
  return { advisor, start, end, startMin: readInstant(w.dealer.tz, start), endMin: readInstant(w.dealer.tz, end) };
}

/** The same bookings over the dealer compiled with the absence (what the shell plans against). */
export function withAbsence(w: World, spec: DaySpec): { index: CapacityIndex; dealer: Dealer } {
  const ab = absenceOf(w, spec);
  const dealer = compileDealer("reshuffle", configOf(spec, [ab]));
  return { dealer, index: CapacityIndex.build(dealer, w.index.bookings.values()) };
}

export function contextOf(w: World): ReplanContext {
  const movables = new Map<string, Movable>();
  for (const [id, job] of w.jobs) movables.set(id, { job, priority: false });
  return { now: w.now, movables };
}

/** Everything the index holds, in a comparable form (bookings and the derived day state). */
export function fingerprint(index: CapacityIndex): string {
  const bookings = [...index.bookings.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const n = index.dealer.dayOf(readInstant(index.dealer.tz, `${DAY}T12:00`));
  const st = index.peek(n);
  return JSON.stringify({
    bookings,
    busy: st ? Array.from(st.busy) : null,
    receptions: st?.receptions,
    desk: st ? Array.from(st.desk) : null,
    booked: st ? Array.from(st.booked) : null,
  });
}

/**
 * Re-checks every booking in place (collect-all, no notice, past the caps only where
 * `forced` says so): the broken rules of each booking that would not be accepted there.
 */
export function brokenRules(
  index: CapacityIndex,
  ctx: ReplanContext,
  forced: Set<string>,
): Array<{ id: string; violations: Violation[] }> {
  const out: Array<{ id: string; violations: Violation[] }> = [];
  for (const b of [...index.bookings.values()]) {
    const m = ctx.movables.get(b.id)!;
    index.remove(b.id);
    const chk = checkStay(
      index,
      {
        advisor: b.reception.advisor,
        start: b.reception.start,
        minutes: b.reception.minutes,
        job: m.job,
        now: ctx.now,
        notice: 0,
        force: forced.has(b.id),
      },
      b.ret,
    );
    index.add(b);
    const violations = [...chk.violations];
    if (chk.stay && b.ret && chk.stay.ret !== b.ret)
      violations.push({ code: "advisor_busy", message: `return of ${b.id} no longer valid` });
    if (violations.length) out.push({ id: b.id, violations });
  }
  return out;
}

export function bookingsOf(index: CapacityIndex): Booking[] {
  return [...index.bookings.values()];
}
