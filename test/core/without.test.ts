import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Booking,
  CapacityIndex,
  calendarDays,
  DEFAULT_INTERVENTIONS,
  dayOptions,
  deriveJob,
  isJobError,
} from "../../src/core/index.js";
import { workCounters } from "../../src/core/workshop.js";
import { buildWorld, type Scenario, scenarioArb } from "./random-dealer.js";

// CapacityIndex.without(id, f): the customer's own availability asks the index without
// their appointment, then puts it back. The index must come back exactly as it was —
// occupancy and versions — so the dealer's search caches (stamped with those versions)
// stay good, and nothing cached while the appointment was off may ever be taken for the
// index with it on, now or after a later change.

const CODES = Object.keys(DEFAULT_INTERVENTIONS);
const DAYS = 8;

/** Everything the rules read of the index, per day of the horizon, plus each day's version. */
function occupancy(index: CapacityIndex, fromDay: number, withVersions: boolean) {
  const days = [];
  for (let n = fromDay - 1; n < fromDay + DAYS + 2; n++) {
    const st = index.peek(n);
    // A day whose last booking left keeps its (empty) state; a fresh build has none.
    const empty = (a: ArrayLike<number>) => Array.prototype.every.call(a, (x: number) => x === 0);
    if (!st || (!withVersions && [st.busy, st.desk, st.booked, st.runs, st.shuttle].every(empty))) continue;
    days.push({
      n,
      busy: [...st.busy],
      receptions: st.receptions,
      returns: st.returns,
      desk: [...st.desk],
      booked: [...st.booked],
      expressBooked: [...st.expressBooked],
      expressReceptions: [...st.expressReceptions],
      runs: [...st.runs],
      shuttle: [...st.shuttle],
      ...(withVersions ? { version: st.version } : {}),
    });
  }
  const techs = index.dealer.roster.technicians.map((_, t) => [...index.techJobs(t)]);
  return {
    ids: [...index.bookings.keys()].sort(),
    days,
    techs,
    ...(withVersions ? { version: index.version } : {}),
  };
}

const world = fc.record({
  sc: scenarioArb,
  pick: fc.nat(),
  interventions: fc.subarray(CODES, { minLength: 1, maxLength: 2 }),
  day: fc.integer({ min: 0, max: DAYS - 1 }),
});

function setUp(sc: Scenario, interventions: string[]) {
  const w = buildWorld(sc);
  const job = deriveJob(w.dealer, { interventions, known: true, mobility: "none" });
  if (isJobError(job)) throw new Error(job.detail);
  const q = { job, now: w.now };
  /** The day's options and the calendar, as a fresh index with `bookings` answers them. */
  const answer = (index: CapacityIndex, day: number) => ({
    options: dayOptions(index, q, w.fromDay + day).map((o) => [o.reception.advisor, o.reception.start, o.quiet]),
    calendar: calendarDays(index, q, w.fromDay, DAYS),
  });
  const fresh = (bookings: Iterable<Booking>, day: number) => answer(CapacityIndex.build(w.dealer, bookings), day);
  return { ...w, answer, fresh };
}

describe("CapacityIndex.without", () => {
  it("answers as an index without the booking, then is exactly the index it was, versions included (property)", () => {
    fc.assert(
      fc.property(world, ({ sc, pick, interventions, day }) => {
        const { index, fromDay, answer, fresh } = setUp(sc, interventions);
        const ids = [...index.bookings.keys()];
        if (!ids.length) return;
        const id = ids[pick % ids.length];
        answer(index, day); // fills the caches at the current versions
        const before = occupancy(index, fromDay, true);
        const others = [...index.bookings.values()].filter((b) => b.id !== id);
        const inside = index.without(id, () => {
          expect(index.bookings.has(id)).toBe(false);
          expect(occupancy(index, fromDay, false)).toEqual(
            occupancy(CapacityIndex.build(index.dealer, others), fromDay, false),
          );
          return { answer: answer(index, day), version: index.version };
        });
        expect(inside.answer).toEqual(fresh(others, day));
        expect(occupancy(index, fromDay, true)).toEqual(before);
        expect(answer(index, day)).toEqual(fresh(index.bookings.values(), day));
        // A later change never hands out a version the window used: nothing cached
        // without the booking is taken for the index after it.
        const gone = index.remove(ids[(pick + 1) % ids.length])!;
        expect(index.version).not.toBe(inside.version);
        expect(index.version).not.toBe(before.version);
        expect(answer(index, day)).toEqual(fresh(index.bookings.values(), day));
        index.add(gone);
        expect(answer(index, day)).toEqual(fresh(index.bookings.values(), day));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("hands out no version of the window again: a booking just like the lifted one, added right after, is seen (property)", () => {
    fc.assert(
      fc.property(world, ({ sc, pick, interventions }) => {
        const { index, answer, fresh, dealer, fromDay } = setUp(sc, interventions);
        const ids = [...index.bookings.keys()];
        if (!ids.length) return;
        const b = index.bookings.get(ids[pick % ids.length])!;
        const day = dealer.dayOf(b.reception.start) - fromDay;
        // Tables of its day cached without it, then no read before the same change comes
        // back for real (a twin): with versions counted per day, the twin's day would get
        // the window's version again, and its cached tables with the slot free.
        index.without(b.id, () => answer(index, day));
        index.add({ ...b, id: `${b.id}-twin` });
        expect(answer(index, day)).toEqual(fresh(index.bookings.values(), day));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("leaves the planner's caches and the day tables as they were: asked again after it, nothing is planned anew (property)", () => {
    fc.assert(
      fc.property(world, ({ sc, pick, interventions, day }) => {
        const { index, answer } = setUp(sc, interventions);
        const ids = [...index.bookings.keys()];
        if (!ids.length) return;
        answer(index, day);
        const plans = () => workCounters.plans + workCounters.placements;
        let at = plans();
        answer(index, day);
        const warm = plans() - at; // what a repeat costs with every cache warm
        index.without(ids[pick % ids.length], () => answer(index, day));
        at = plans();
        answer(index, day);
        expect(plans() - at).toBe(warm);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("does not put the versions back when something else changed the index meanwhile", () => {
    fc.assert(
      fc.property(world, ({ sc, pick, interventions, day }) => {
        const { index, answer, fresh } = setUp(sc, interventions);
        const ids = [...index.bookings.keys()];
        if (ids.length < 2) return;
        const id = ids[pick % ids.length];
        const other = index.bookings.get(ids[(pick + 1) % ids.length])!;
        answer(index, day);
        const version = index.version;
        index.without(id, () => {
          index.remove(other.id);
          answer(index, day);
        });
        expect(index.version).not.toBe(version);
        expect(index.bookings.has(id)).toBe(true);
        expect(answer(index, day)).toEqual(fresh(index.bookings.values(), day));
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it("puts the booking back when f throws, and runs f on the whole index for an unknown id", () => {
    const { index, answer } = setUp(fc.sample(scenarioArb, { numRuns: 1, seed: 7 })[0], ["tyres"]);
    const ids = [...index.bookings.keys()];
    if (!ids.length) return;
    const version = index.version;
    expect(() =>
      index.without(ids[0], () => {
        throw new Error("refused");
      }),
    ).toThrow("refused");
    expect(index.bookings.has(ids[0])).toBe(true);
    expect(index.version).toBe(version);
    expect(index.without("nobody", () => index.bookings.size)).toBe(ids.length);
    expect(answer(index, 0)).toBeDefined();
  });
});
