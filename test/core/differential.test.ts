import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CapacityIndex,
  checkReception,
  checkReturn,
  compileDealer,
  DealerConfig,
  dayNumberFromIso,
  deriveJob,
  isJobError,
  searchIndex,
  type Booking,
  type Mobility,
  type RuleCode,
} from "../../src/core/index.js";
import { checkStay } from "../../src/core/stay.js";
import {
  referenceFeasibleSlots,
  referenceHalfDay,
  referenceJob,
  referenceQuiet,
  referenceStay,
  referenceViolations,
} from "../reference/brute-force.js";
import { buildWorld, scenarioArb, ZONES } from "./random-dealer.js";

// Differential properties: the engine (bitsets, capacity index, exact-candidate caps,
// slot masks and caches, pruned half-day search, express reserve, mobility) against the
// brute-force reference in test/reference, on random dealers in random zones (DST ones
// included), random calendars built by booking what the engine itself proposes (ordinary
// and priority customers, plus advisor overrides that go past the caps), mechanics as a
// technician roster in about half the dealers (issue 13), random requests
// and random "now". DIFF_RUNS=1500 npx vitest run test/core/differential.test.ts explores
// deeper than the default 100 runs; DIFF_STATS=1 prints what the runs exercised.

const stats = {
  runs: 0,
  roster: 0,
  withOptions: 0,
  widened: 0,
  spread: 0,
  bookings: 0,
  probes: 0,
  probeCodes: new Map<RuleCode, number>(),
};

describe("engine vs brute-force reference", () => {
  it(
    "search options are feasible, complete enough, well ordered, spread, and have valid returns (property)",
    () => {
      fc.assert(
        fc.property(scenarioArb, (sc) => {
          const w = buildWorld(sc);
          const { config, dealer, index, bookings, fromDate, fromDay, now } = w;
          const q = sc.query;
          const j = deriveJob(dealer, { interventions: q.interventions, known: q.known, mobility: q.mobility });
          if (isJobError(j)) throw new Error(j.detail);
          const refJob = referenceJob(config, q);
          if ("error" in refJob) throw new Error(refJob.error);
          const res = searchIndex(index, { job: j, fromDay, days: q.days, count: q.count, now });
          const opts = res.options;
          stats.runs++;
          if (sc.roster) stats.roster++;
          stats.bookings += bookings.length;
          if (opts.length) stats.withOptions++;
          if (res.days > q.days) stats.widened++;

          // (a) every option passes the reference and the collect-all checker, with the same ready time
          for (const o of opts) {
            const req = {
              advisorId: dealer.advisors[o.reception.advisor].id,
              startEpochMinute: o.reception.start,
              minutes: o.reception.minutes,
              interventions: q.interventions,
              known: q.known,
              mobility: q.mobility,
              nowEpochMinute: now,
            };
            expect(o.reception.minutes).toBe(refJob.receptionMinutes);
            expect([...referenceViolations(config, bookings, req)], dealer.format(o.reception.start)).toEqual([]);
            const rq = {
              advisor: o.reception.advisor,
              start: o.reception.start,
              minutes: o.reception.minutes,
              job: j,
              now,
            };
            const chk = checkReception(index, rq);
            expect(chk.violations).toEqual([]);
            expect(chk.plan?.readyAt).toBe(o.readyAt);
            expect(checkStay(index, rq, o.ret).violations).toEqual([]);
            // Same ready time and same proposed return as the brute force.
            const refStay = referenceStay(config, bookings, req);
            expect(refStay?.readyAt).toBe(o.readyAt);
            expect(refStay?.ret ?? null).toEqual(
              o.ret && { advisorId: dealer.advisors[o.ret.advisor].id, start: o.ret.start, minutes: o.ret.minutes },
            );
            expect(o.express).toBe(false);
            // (d) the proposed return is valid and not before the car is ready
            if (o.ret) {
              expect(checkReturn(index, o.ret, o.readyAt)).toEqual([]);
              expect(o.ret.start).toBeGreaterThanOrEqual(o.readyAt);
              expect(o.ret.minutes).toBe(refJob.returnMinutes);
            }
            // quiet means what the domain says it means
            expect(o.quiet, dealer.format(o.reception.start)).toBe(
              referenceQuiet(config, bookings, o.reception.start, o.reception.minutes),
            );
          }

          // (c) quiet first, then by start; never two options at one start
          for (let i = 1; i < opts.length; i++) {
            const a = opts[i - 1];
            const b = opts[i];
            if (a.quiet === b.quiet) expect(a.reception.start).toBeLessThan(b.reception.start);
            else expect(a.quiet).toBe(true);
          }
          expect(new Set(opts.map((o) => o.reception.start)).size).toBe(opts.length);

          // (b) completeness against the brute force over the asked horizon
          const feasible = referenceFeasibleSlots(config, bookings, {
            ...q,
            fromDate,
            days: Math.min(q.days, 60),
            nowEpochMinute: now,
          });
          const starts = new Set(feasible.map((f) => f.start));
          expect(opts.length).toBeGreaterThanOrEqual(Math.min(q.count, starts.size));
          if (starts.size >= q.count) expect(res.shortfall).toBeUndefined();

          // (c) spread: one option per half-day when the horizon has enough half-days
          const halfDays = new Set(feasible.map((f) => referenceHalfDay(config.timeZone, f.start)));
          if (halfDays.size >= q.count) {
            stats.spread++;
            expect(opts.length).toBe(q.count);
            const optHalves = opts.map((o) => referenceHalfDay(config.timeZone, o.reception.start));
            expect(new Set(optHalves).size).toBe(opts.length);
            for (const h of optHalves) expect(halfDays.has(h)).toBe(true);
          }

          // (e) on random probes (any minute, any advisor, odd lengths) the collect-all checker
          // names exactly the rules the reference finds broken
          const probes = sc.probes.map((p) => {
            const day = dealer.day(fromDay + p.day);
            const wall = p.grid ? p.minute - (p.minute % 15) : p.minute;
            // elapsed ≈ wall away from the night-time clock changes
            return {
              start: day.zone.start + wall,
              advisor: p.advisor % dealer.advisors.length,
              minutes: p.len === 20 ? 20 : p.len === 15 ? j.receptionMinutes : 30,
            };
          });
          if (bookings.length) {
            for (const p of sc.nearProbes) {
              const b = bookings[p.pick % bookings.length];
              probes.push({
                start: b.reception.start + p.delta * p.step,
                advisor: b.reception.advisor,
                minutes: p.len,
              });
            }
          }
          for (const { start, advisor, minutes } of probes) {
            const engine = checkStay(index, { advisor, start, minutes, job: j, now }, null)
              .violations.map((v) => v.code)
              .sort();
            const ref = [
              ...referenceViolations(config, bookings, {
                advisorId: dealer.advisors[advisor].id,
                startEpochMinute: start,
                minutes,
                interventions: q.interventions,
                known: q.known,
                mobility: q.mobility,
                nowEpochMinute: now,
              }),
            ].sort();
            expect(engine, `${dealer.format(start)} ${minutes} min, advisor ${advisor}`).toEqual(ref);
            stats.probes++;
            for (const c of engine) stats.probeCodes.set(c, (stats.probeCodes.get(c) ?? 0) + 1);
          }
        }),
        { numRuns: Number(process.env.DIFF_RUNS ?? 100) }, // DIFF_RUNS=2000 for a deeper local run
      );
      if (process.env.DIFF_STATS)
        console.log(JSON.stringify({ ...stats, probeCodes: Object.fromEntries(stats.probeCodes) }));
      // The property is not vacuous.
      expect(stats.withOptions).toBeGreaterThan(stats.runs / 3);
      expect(stats.spread).toBeGreaterThan(stats.runs / 10);
      expect(stats.bookings).toBeGreaterThan(stats.runs);
      // Every rule the reference knows was exercised at least once.
      for (const c of [
        "in_the_past",
        "beyond_horizon",
        "off_grid",
        "invalid_length",
        "closed",
        "outside_opening_hours",
        "advisor_off_duty",
        "advisor_absent",
        "advisor_busy",
        "workshop_full",
        "mobility_not_offered",
      ] as RuleCode[]) {
        expect(stats.probeCodes.get(c) ?? 0, c).toBeGreaterThan(0);
      }
      expect((stats.probeCodes.get("hourly_cap") ?? 0) + (stats.probeCodes.get("two_hour_cap") ?? 0)).toBeGreaterThan(
        0,
      );
      // About half the dealers plan on a technician roster (issue 13).
      expect(stats.roster).toBeGreaterThan(stats.runs / 4);
      // 2 s a run: the reference walks the rosters' hours minute by minute (about 1 s a run on a busy 2-core box).
    },
    Number(process.env.DIFF_RUNS ?? 100) * 2_000,
  );

  it(
    "on small crowded dealers, the checker and the brute force agree on the express reserve and on mobility for every quarter hour (property)",
    () => {
      const seen = new Map<RuleCode, number>();
      const crowdedArb = fc.record({
        tz: fc.constantFrom(...ZONES),
        date: fc.constantFrom("2027-03-29", "2026-10-26", "2027-03-15", "2027-06-14"), // Mondays
        morningMinutes: fc.constantFrom(30, 45, 60, 90),
        advisors: fc.integer({ min: 1, max: 2 }),
        reserved: fc.record({ morning: fc.integer({ min: 1, max: 2 }), afternoon: fc.integer({ min: 0, max: 2 }) }),
        released: fc.boolean(),
        cars: fc.integer({ min: 1, max: 2 }),
        held: fc.integer({ min: 0, max: 1 }),
        seats: fc.integer({ min: 1, max: 2 }),
        bookings: fc.array(
          fc.record({
            advisor: fc.nat(),
            slot: fc.integer({ min: 0, max: 5 }),
            half: fc.boolean(),
            minutes: fc.constantFrom(15, 30),
            express: fc.boolean(),
            mobility: fc.constantFrom<Mobility>("none", "courtesy_car", "pickup_delivery", "shuttle"),
          }),
          { maxLength: 14 },
        ),
        mobility: fc.constantFrom<Mobility>("none", "courtesy_car", "pickup_delivery", "shuttle"),
        interventions: fc.constantFrom<string[]>(["q15"], ["q30"], ["svc"]),
      });
      fc.assert(
        fc.property(crowdedArb, (c) => {
          const n = dayNumberFromIso(c.date);
          const hours = [
            [
              "08:00",
              `${String(8 + Math.floor(c.morningMinutes / 60)).padStart(2, "0")}:${String(c.morningMinutes % 60).padStart(2, "0")}`,
            ],
            ["14:00", "15:30"],
          ] as Array<[string, string]>;
          const config = DealerConfig.parse({
            name: "Crowded",
            timeZone: c.tz,
            openingHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
            rushHours: [],
            advisors: Array.from({ length: c.advisors }, (_, i) => ({ id: `a${i}`, name: `A${i}`, absences: [] })),
            interventions: {
              q15: { receptionMinutes: 15, returnMinutes: 10, labourHours: 0, skill: "mechanical" },
              q30: { receptionMinutes: 30, returnMinutes: 15, labourHours: 0, skill: "mechanical" },
              svc: { receptionMinutes: 15, returnMinutes: 10, labourHours: 3, skill: "mechanical" },
            },
            express: { reservedReceptions: c.reserved, defaultReservedHours: 0, heldCourtesyCars: c.held },
            mobility: { courtesyCars: c.cars, pickupDelivery: 1, shuttle: { seatsPerDeparture: c.seats } },
          });
          const dealer = compileDealer("crowded", config);
          const index = new CapacityIndex(dealer);
          const day = dealer.day(n);
          // Released: now is after Friday 16:00 (Monday's previous working day); otherwise Friday morning.
          const now = day.zone.start - 3 * 1440 + (c.released ? 17 * 60 : 9 * 60);
          const bookings: Booking[] = [];
          // Fill the calendar with advisor overrides (past the caps and the reserve, never past the other rules).
          for (const [i, b] of c.bookings.entries()) {
            const base = b.half ? day.open[2] : day.open[0];
            const start = day.zone.start + base + b.slot * 15;
            const advisor = b.advisor % c.advisors;
            const j = deriveJob(dealer, {
              interventions: [b.minutes === 15 ? "q15" : "q30"],
              known: true,
              mobility: b.mobility,
            });
            if (isJobError(j)) throw new Error(j.detail);
            const r = checkStay(
              index,
              {
                advisor,
                start,
                minutes: j.receptionMinutes,
                job: j,
                now,
                force: true,
                express: b.express,
                priority: b.express,
              },
              null,
            );
            if (!r.stay) continue;
            const booking: Booking = {
              id: `c${i}`,
              reception: { advisor, start, minutes: j.receptionMinutes },
              ret: r.stay.ret,
              labour: r.stay.plan.labour,
              readyAt: r.stay.plan.readyAt,
              express: b.express,
              mobility: b.mobility,
            };
            index.add(booking);
            bookings.push(booking);
          }
          const j = deriveJob(dealer, { interventions: c.interventions, known: true, mobility: c.mobility });
          if (isJobError(j)) throw new Error(j.detail);
          for (let s = 0; s < day.zone.length; s += 15) {
            if (!day.open.some((x, i) => i % 2 === 0 && s >= x - 15 && s < day.open[i + 1] + 15)) continue;
            for (let a = 0; a < c.advisors; a++) {
              const start = day.zone.start + s;
              const engine = checkStay(index, { advisor: a, start, minutes: j.receptionMinutes, job: j, now }, null)
                .violations.map((v) => v.code)
                .sort();
              const ref = [
                ...referenceViolations(config, bookings, {
                  advisorId: `a${a}`,
                  startEpochMinute: start,
                  minutes: j.receptionMinutes,
                  interventions: c.interventions,
                  known: true,
                  mobility: c.mobility,
                  nowEpochMinute: now,
                }),
              ].sort();
              expect(engine, `${dealer.format(start)} advisor ${a}`).toEqual(ref);
              for (const code of engine) seen.set(code, (seen.get(code) ?? 0) + 1);
            }
          }
        }),
        { numRuns: Math.round(Number(process.env.DIFF_RUNS ?? 100) * 2.5) },
      );
      if (process.env.DIFF_STATS) console.log(JSON.stringify(Object.fromEntries(seen)));
      expect(seen.get("express_reserve") ?? 0).toBeGreaterThan(5);
      expect(seen.get("mobility_unavailable") ?? 0).toBeGreaterThan(5);
    },
    Number(process.env.DIFF_RUNS ?? 100) * 600,
  );
});
