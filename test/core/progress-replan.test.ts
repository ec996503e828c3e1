import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentTech, replanTechnician, type ProgressEvent } from "../../src/core/replan.js";
import type { Booking, LabourSlice } from "../../src/core/types.js";
import { referenceReplan } from "../reference/replan.js";
import { buildWorld, scenarioArb } from "./random-dealer.js";

// Differential property of the progress re-plan (core/replan.ts) against the brute-force
// reference (test/reference/replan.ts, minute-by-minute placement): random dealers and
// calendars (random-dealer.ts, built by booking what the engine proposes), then a
// random progress report (started, paused or done; hours left; approved extra work) at
// a random instant around one random job. The engine's new placements and ready times
// must equal the reference's, and every technician's timeline must stay free of overlaps.
// PROGRESS_RUNS=500 explores deeper than the default.

const eventArb = fc.record({
  pick: fc.nat(),
  // Minutes from the job's first technician slice: before it starts, or into it.
  offset: fc.integer({ min: -240, max: 600 }),
  state: fc.constantFrom("started", "started", "paused", "done") as fc.Arbitrary<ProgressEvent["state"]>,
  remaining: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
  extra: fc.option(fc.integer({ min: 15, max: 480 }), { nil: undefined }),
});

const timed = (l: LabourSlice) => l.tech !== undefined && l.start !== undefined && l.end !== undefined;
const norm = (labour: LabourSlice[]) =>
  labour.map((l) => ({ skill: l.skill, day: l.day, minutes: l.minutes, tech: l.tech, start: l.start, end: l.end }));

describe("progress re-plan vs the brute-force reference", () => {
  it("random progress reports on random workshops: same placements and ready times, no overlaps (property)", () => {
    let exercised = 0;
    let several = 0;
    let moved = 0;
    fc.assert(
      fc.property(scenarioArb, eventArb, (sc, e) => {
        const { config, index } = buildWorld(sc);
        const candidates = [...index.bookings.values()].filter((b) => !b.hold && b.labour.some(timed));
        if (candidates.length === 0) return;
        const target = candidates[e.pick % candidates.length];
        const first = Math.min(...target.labour.filter(timed).map((l) => l.start!));
        const now = first + e.offset;
        if (currentTech(target, now) === null) return;
        const ev: ProgressEvent = {
          id: target.id,
          state: e.state,
          remainingMinutes: e.state === "done" ? undefined : e.remaining,
          extraMinutes: e.state === "done" ? undefined : e.extra,
        };
        const before: Booking[] = [...index.bookings.values()].map((b) => ({
          ...b,
          labour: b.labour.map((l) => ({ ...l })),
        }));
        const expected = referenceReplan(config, before, ev, now);
        const got = replanTechnician(index, ev, now);
        if (expected === null || got === null) {
          expect(got === null).toBe(expected === null);
          // Refused: the index is exactly as it was.
          for (const b of before) expect(norm(index.bookings.get(b.id)!.labour)).toEqual(norm(b.labour));
          return;
        }
        exercised++;
        if (got.jobs.length > 1) several++;
        if (got.jobs.some((j) => j.after.readyAt !== j.before.readyAt)) moved++;
        expect(new Set(got.jobs.map((j) => j.after.id))).toEqual(new Set(expected.keys()));
        for (const j of got.jobs) {
          const ref = expected.get(j.after.id)!;
          expect({ id: j.after.id, labour: norm(j.after.labour), readyAt: j.after.readyAt }).toEqual({
            id: j.after.id,
            labour: norm(ref.labour),
            readyAt: ref.readyAt,
          });
          // Nothing re-placed starts before the report.
          for (const l of j.after.labour)
            if (timed(l) && !j.before.labour.some((o) => o.start === l.start && o.tech === l.tech))
              expect(l.start!).toBeGreaterThanOrEqual(now);
        }
        // Every technician's timeline is free of overlaps after the re-plan.
        const T = index.dealer.roster.technicians.length;
        for (let k = 0; k < T; k++) {
          const spans = [...index.bookings.values()]
            .flatMap((b) => b.labour.filter((l) => l.tech === k && timed(l)).map((l) => [l.start!, l.end!] as const))
            .sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
        }
      }),
      { numRuns: Number(process.env.PROGRESS_RUNS ?? 80) },
    );
    if (process.env.DIFF_STATS) console.log({ exercised, several, moved });
    expect(exercised).toBeGreaterThan(0);
  }, 600_000);
});
