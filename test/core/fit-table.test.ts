import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRID, gridUp } from "../../src/core/dealer.js";
import { derived } from "../../src/core/derived.js";
import { firstFit, firstFitAny, firstFitScan, fitTable, SCANS_BEFORE_TABLE } from "../../src/core/fit-table.js";
import { freeBits } from "../../src/core/free.js";
import { buildWorld, scenarioArb } from "./random-dealer.js";

// The return's "first free stretch" question has two answers that must agree: the next-fit
// table (built per day state, for searches that ask again and again) and the forward scan
// (a booking asks once per day state, so building the table was wasted work: issue 17).

describe("next fit: the scan and the table", () => {
  it("give the same start and advisor for every day, window, length and preferred advisor (property)", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(
          fc.record({
            day: fc.nat(13),
            from: fc.oneof(fc.integer({ min: 6 * 60, max: 15 * 60 }), fc.nat(24 * 60)),
            span: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.nat(24 * 60)),
            minutes: fc.constantFrom(10, 15, 20, 30, 45),
            prefer: fc.nat(7),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (sc, asks) => {
          const { dealer, index, fromDay } = buildWorld(sc);
          const A = dealer.advisors.length;
          let compared = 0;
          for (const q of asks) {
            const day = dealer.day(fromDay + q.day);
            const lo = gridUp(day, Math.min(q.from, day.zone.length));
            const hi = Math.min(lo + q.span, day.zone.length);
            if ((lo + day.gridPhase) % GRID !== 0) continue;
            const prefer = q.prefer % A;
            const table = fitTable(index, day, q.minutes);
            const byTable = firstFitAny(table, day, A, prefer, lo, hi, q.minutes);
            expect(firstFitScan(freeBits(index, day), day, A, prefer, lo, hi, q.minutes)).toBe(byTable);
            compared++;
          }
          return compared >= 0;
        },
      ),
      { numRuns: Number(process.env.DIFF_RUNS ?? 100) },
    );
  });

  it("scans the first asks of a day state and builds the table only after them", () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { dealer, index, fromDay } = buildWorld(sc);
        const day = dealer.day(fromDay + 1);
        if (day.open.length === 0) return true;
        const d = derived(index, day);
        const answers: number[] = [];
        // The count is per day state (any length): the world's own searches may have asked.
        do {
          const asked = d.fitAsks;
          // 20 minutes: a length the world's own searches (returns of 10–15) never tabled.
          answers.push(firstFit(index, day, 0, gridUp(day, day.open[0]), day.open[1], 20));
          expect(d.fits?.get(20) !== undefined, `after ask ${asked}`).toBe(asked >= SCANS_BEFORE_TABLE);
        } while (d.fitAsks <= SCANS_BEFORE_TABLE);
        expect(new Set(answers).size).toBe(1);
        return true;
      }),
      { numRuns: 30 },
    );
  });
});
