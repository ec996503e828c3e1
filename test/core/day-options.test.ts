import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calendarDays,
  checkStay,
  dayOptions,
  deriveJob,
  isJobError,
  isoFromDayNumber,
  searchIndex,
} from "../../src/core/index.js";
import { GRID, gridUp } from "../../src/core/dealer.js";
import { expressHorizon } from "../../src/core/express.js";
import { referenceFeasibleSlots, referenceQuiet } from "../reference/brute-force.js";
import { buildWorld, scenarioArb } from "./random-dealer.js";

// The widget's calendar and day list against the search, the booking's checker and the
// brute-force reference, on random dealers (test/core/random-dealer.ts): a date marked
// bookable has a non-empty day list, its first start and quiet flag are the day list's,
// every option of the list books, every start the reference finds feasible is listed
// (one option per start), and every option the search proposes is on the list.

const RUNS = Number(process.env.DIFF_RUNS ?? 100);

describe("calendar ⇔ day list ⇔ booking, on random dealers", () => {
  it("agree with each other, with the checker, with the reference and with the search (property)", () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(undefined, "morning" as const, "afternoon" as const), (sc, dayPart) => {
        const { config, dealer, index, bookings, fromDay, now } = buildWorld(sc);
        const q = sc.query;
        const job = deriveJob(dealer, { interventions: q.interventions, known: q.known, mobility: q.mobility });
        if (isJobError(job)) throw new Error(job.detail);
        const days = q.days + 1;
        const query = { job, now, dayPart };
        const cal = calendarDays(index, query, fromDay, days);
        expect(cal.map((d) => d.day)).toEqual(Array.from({ length: days }, (_, i) => fromDay + i));
        const listed = new Map<number, number[]>();
        for (const d of cal) {
          const opts = dayOptions(index, query, d.day);
          const label = isoFromDayNumber(d.day);
          expect(d.bookable, label).toBe(opts.length > 0);
          expect(d.first, label).toBe(opts[0]?.reception.start ?? null);
          expect(d.quiet, label).toBe(opts.some((o) => o.quiet));
          listed.set(
            d.day,
            opts.map((o) => o.reception.start),
          );
          for (let i = 0; i < opts.length; i++) {
            const o = opts[i];
            if (i > 0) expect(o.reception.start).toBeGreaterThan(opts[i - 1].reception.start);
            expect(dealer.dayOf(o.reception.start)).toBe(d.day);
            if (dayPart) expect(index.halfOf(o.reception.start).half).toBe(dayPart === "morning" ? 0 : 1);
            // It books: the booking's collect-all checker, with the option's own return.
            const chk = checkStay(
              index,
              { advisor: o.reception.advisor, start: o.reception.start, minutes: o.reception.minutes, job, now },
              o.ret,
            );
            expect(chk.violations, dealer.format(o.reception.start)).toEqual([]);
            expect(chk.stay?.ret ?? null).toEqual(o.ret);
            expect(o.quiet).toBe(referenceQuiet(config, bookings, o.reception.start, o.reception.minutes));
          }
        }
        // Complete: every start the reference finds feasible (any advisor) is listed.
        if (!dayPart) {
          const feasible = referenceFeasibleSlots(config, bookings, {
            ...q,
            fromDate: isoFromDayNumber(fromDay),
            days,
            nowEpochMinute: now,
          });
          const want = new Set(feasible.map((f) => f.start));
          const got = new Set([...listed.values()].flat());
          expect([...got].sort((a, b) => a - b)).toEqual([...want].sort((a, b) => a - b));
          // And the search's options are among them.
          const res = searchIndex(index, { job, fromDay, days, count: q.count, now });
          for (const o of res.options) {
            if (dealer.dayOf(o.reception.start) >= fromDay + days) continue;
            expect(listed.get(dealer.dayOf(o.reception.start))).toContain(o.reception.start);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 180_000); // a property over random dealers: slow on a loaded machine, never a speed claim
});

// The customer's page moving a stored appointment (scheduler/manage.ts): its day list is
// asked with `move`, and must hold exactly the starts its move's check accepts (checkStay
// with the appointment's own express flag and priority, no return kept, no cap override)
// on some advisor: nothing offered that the move refuses, nothing the move takes left out.
describe("a stored appointment's move: the day list is exactly what the move's check accepts", () => {
  it("for ordinary and express appointments, priority or not (property)", () => {
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), fc.boolean(), (sc, express, priority) => {
        const { dealer, index, fromDay, now } = buildWorld(sc);
        const q = sc.query;
        const job = deriveJob(dealer, { interventions: q.interventions, known: q.known, mobility: q.mobility });
        if (isJobError(job)) throw new Error(job.detail);
        const query = { job, now, priority, move: { express } };
        const days = q.days + 1;
        const cal = calendarDays(index, query, fromDay, days);
        for (let n = fromDay; n < fromDay + days; n++) {
          const label = isoFromDayNumber(n);
          const opts = dayOptions(index, query, n);
          expect(cal[n - fromDay].bookable, label).toBe(opts.length > 0);
          const listed = new Set(opts.map((o) => o.reception.start));
          // An express appointment moves as express only inside the express window (move.ts).
          const x = express && n <= expressHorizon(index, now).last;
          const stay = (advisor: number, start: number) =>
            checkStay(index, { advisor, start, minutes: job.receptionMinutes, job, now, express: x, priority }, null);
          for (const o of opts) {
            expect(o.express, label).toBe(x);
            expect(o.overridesCaps ?? false, label).toBe(false);
            const chk = stay(o.reception.advisor, o.reception.start);
            expect(chk.violations, dealer.format(o.reception.start)).toEqual([]);
            expect(chk.stay?.ret ?? null).toEqual(o.ret);
          }
          const day = dealer.day(n);
          for (let r = 0; r < day.open.length; r += 2) {
            for (let s = gridUp(day, day.open[r]); s + job.receptionMinutes <= day.open[r + 1]; s += GRID) {
              const start = day.zone.start + s;
              const takes = dealer.advisors.some((_, a) => stay(a, start).stay !== null);
              expect({ at: dealer.format(start), listed: listed.has(start) }).toEqual({
                at: dealer.format(start),
                listed: takes,
              });
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});
