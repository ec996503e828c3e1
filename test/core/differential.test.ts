import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkReception, checkReturn, deriveJob, isJobError, searchAvailability, type RuleCode } from "../../src/core/index.js";
import { checkStay } from "../../src/core/stay.js";
import { referenceFeasibleSlots, referenceHalfDay, referenceJob, referenceQuiet, referenceStay, referenceViolations } from "../reference/brute-force.js";
import { buildWorld, scenarioArb } from "./random-dealer.js";

// Differential properties: the engine (bitsets, capacity index, exact-candidate caps,
// pruned half-day search) against the brute-force reference in test/reference, on random
// dealers in random zones (DST ones included), random calendars built by booking what the
// engine itself proposes (plus advisor overrides that go past the caps), random requests
// and random "now".

const stats = { runs: 0, withOptions: 0, widened: 0, spread: 0, bookings: 0, probes: 0, probeCodes: new Map<RuleCode, number>() };

describe("engine vs brute-force reference", () => {
  it("search options are feasible, complete enough, well ordered, spread, and have valid returns (property)", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const w = buildWorld(sc);
        const { config, dealer, index, bookings, fromDate, fromDay, now } = w;
        const q = sc.query;
        const j = deriveJob(dealer, { interventions: q.interventions, known: q.known, mobility: q.mobility });
        if (isJobError(j)) throw new Error(j.detail);
        const refJob = referenceJob(config, q);
        if ("error" in refJob) throw new Error(refJob.error);
        const res = searchAvailability(index, { job: j, fromDay, days: q.days, count: q.count, now });
        const opts = res.options;
        stats.runs++;
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
          const rq = { advisor: o.reception.advisor, start: o.reception.start, minutes: o.reception.minutes, job: j, now };
          const chk = checkReception(index, rq);
          expect(chk.violations).toEqual([]);
          expect(chk.plan?.readyAt).toBe(o.readyAt);
          expect(checkStay(index, rq, o.ret).violations).toEqual([]);
          // Same ready time and same proposed return as the brute force.
          const refStay = referenceStay(config, bookings, req);
          expect(refStay?.readyAt).toBe(o.readyAt);
          expect(refStay?.ret ?? null).toEqual(o.ret && { advisorId: dealer.advisors[o.ret.advisor].id, start: o.ret.start, minutes: o.ret.minutes });
          expect(o.express).toBe(false);
          // (d) the proposed return is valid and not before the car is ready
          if (o.ret) {
            expect(checkReturn(index, o.ret, o.readyAt)).toEqual([]);
            expect(o.ret.start).toBeGreaterThanOrEqual(o.readyAt);
            expect(o.ret.minutes).toBe(refJob.returnMinutes);
          }
          // quiet means what the domain says it means
          expect(o.quiet, dealer.format(o.reception.start)).toBe(referenceQuiet(config, bookings, o.reception.start, o.reception.minutes));
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
        const feasible = referenceFeasibleSlots(config, bookings, { ...q, fromDate, days: Math.min(q.days, 60), nowEpochMinute: now });
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
          return { start: day.zone.start + wall, advisor: p.advisor % dealer.advisors.length, minutes: p.len === 20 ? 20 : p.len === 15 ? j.receptionMinutes : 30 };
        });
        if (bookings.length) {
          for (const p of sc.nearProbes) {
            const b = bookings[p.pick % bookings.length];
            probes.push({ start: b.reception.start + p.delta * p.step, advisor: b.reception.advisor, minutes: p.len });
          }
        }
        for (const { start, advisor, minutes } of probes) {
          const engine = checkStay(index, { advisor, start, minutes, job: j, now }, null).violations.map((v) => v.code).sort();
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
    // The property is not vacuous.
    expect(stats.withOptions).toBeGreaterThan(stats.runs / 3);
    expect(stats.spread).toBeGreaterThan(stats.runs / 10);
    expect(stats.bookings).toBeGreaterThan(stats.runs * 2);
    // Every rule the reference knows was exercised at least once.
    for (const c of ["in_the_past", "beyond_horizon", "off_grid", "invalid_length", "closed", "outside_opening_hours", "advisor_off_duty", "advisor_absent", "advisor_busy", "hourly_cap", "two_hour_cap", "express_reserve", "workshop_full", "mobility_not_offered", "mobility_unavailable"] as RuleCode[]) {
      expect(stats.probeCodes.get(c) ?? 0, c).toBeGreaterThan(0);
    }
  }, Number(process.env.DIFF_RUNS ?? 100) * 1_000);
});
