import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CapacityIndex,
  DEFAULT_INTERVENTIONS,
  deriveJob,
  isJobError,
  planLabour,
  type Booking,
  type LabourPlan,
} from "../../src/core/index.js";
import { labourStartBound } from "../../src/core/workshop.js";
import { at, job, setup } from "../support/core.js";
import { buildWorld, scenarioArb } from "./random-dealer.js";

// The planner keeps what it worked out across calls (src/core/plan-cache.ts, the last
// plan, each technician's first-fit memo) for as long as the index does not change. The
// property: on random dealers whose calendar was built by the search itself, a run of
// repeated questions (same jobs, same reception ends, "now" moving across release times,
// express or not) with cancellations and re-bookings in between gets, every time, the
// very answer a freshly built index — with nothing cached — gives for the same bookings.

const CODES = Object.keys(DEFAULT_INTERVENTIONS);

const askArb = fc.record({
  interventions: fc.subarray(CODES, { minLength: 1, maxLength: 2 }),
  day: fc.integer({ min: -1, max: 5 }),
  minute: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  now: fc.integer({ min: -2 * 1440, max: 3 * 1440 }),
  express: fc.boolean(),
});

const stepArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("ask" as const),
      pick: fc.nat(),
      nowShift: fc.integer({ min: -720, max: 720 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restore" as const) }) },
);

describe("the planner's caches", () => {
  it("answer exactly as a fresh index does, across bookings and cancellations (property)", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(askArb, { minLength: 1, maxLength: 6 }),
        fc.array(stepArb, { minLength: 1, maxLength: 40 }),
        (sc, pool, steps) => {
          const { dealer, index, firstStart } = buildWorld(sc);
          const removed: Booking[] = [];
          const asked: Array<{
            bookings: Booking[];
            args: [number, number, boolean];
            interventions: string[];
            plan: LabourPlan | null;
            bound: number;
          }> = [];
          for (const step of steps) {
            if (step.kind === "cancel") {
              const ids = [...index.bookings.keys()];
              if (!ids.length) continue;
              removed.push(index.remove(ids[step.pick % ids.length])!);
              continue;
            }
            if (step.kind === "restore") {
              const b = removed.pop();
              if (b) index.add(b);
              continue;
            }
            const a = pool[step.pick % pool.length];
            const j = deriveJob(dealer, { interventions: a.interventions, known: true, mobility: "none" });
            if (isJobError(j)) throw new Error(j.detail);
            const end = firstStart + a.day * 1440 + a.minute;
            const now = firstStart + a.now + step.nowShift;
            asked.push({
              bookings: [...index.bookings.values()],
              args: [end, now, a.express],
              interventions: a.interventions,
              plan: planLabour(index, j, end, now, a.express),
              bound: labourStartBound(index, j, end),
            });
          }
          for (const x of asked) {
            const fresh = CapacityIndex.build(dealer, x.bookings);
            const j = deriveJob(dealer, { interventions: x.interventions, known: true, mobility: "none" });
            if (isJobError(j)) throw new Error(j.detail);
            const [end, now, express] = x.args;
            expect(x.plan).toEqual(planLabour(fresh, j, end, now, express));
            expect(x.bound).toEqual(labourStartBound(fresh, j, end));
          }
        },
      ),
    );
  }, 120_000);

  it("a plan made before the release time is not reused after it, nor the other way round (3 h held until Saturday 16:00)", () => {
    const s = setup({
      workshop: {
        mechanical: { technicians: 2, hoursPerDay: 7, overrides: {} },
        bodywork: { technicians: 1, hoursPerDay: 7, overrides: {} },
        diagnosis: { technicians: 1, hoursPerDay: 7, overrides: {} },
      },
      express: { defaultReservedHours: 3, reservedReceptions: { morning: 0, afternoon: 0 }, heldCourtesyCars: 0 },
    });
    const mech = s.dealer.skillIndex.get("mechanical")!;
    const n = s.dealer.dayOf(at(s.dealer, "2027-03-01T12:00"));
    // Monday: 840 productive minutes, 180 held, 600 booked: 60 left for ordinary jobs before the release.
    s.index.add({
      id: "other",
      reception: { advisor: 0, start: at(s.dealer, "2027-03-01T07:00"), minutes: 15 },
      ret: null,
      labour: [{ skill: mech, day: n, minutes: 600 }],
      readyAt: at(s.dealer, "2027-03-01T07:15"),
      express: false,
      mobility: "none",
    });
    const j = job(s.dealer, ["maintenance"]);
    const end = at(s.dealer, "2027-03-01T09:15");
    const ready = (now: string) => s.dealer.format(planLabour(s.index, j, end, at(s.dealer, now))!.readyAt);
    const tuesday = "2027-03-02T09:45:00+01:00";
    const monday = "2027-03-01T12:45:00+01:00";
    expect(ready("2027-02-27T16:00")).toBe(monday);
    expect(ready("2027-02-27T15:59")).toBe(tuesday);
    expect(ready("2027-02-27T09:00")).toBe(tuesday);
    expect(ready("2027-02-28T10:00")).toBe(monday);
    expect(ready("2027-02-27T15:59")).toBe(tuesday);
  });
});
