import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyMoves,
  type CapacityIndex,
  isRefusal,
  moveTargets,
  type Option,
  planAbsence,
  planLate,
  planSwap,
  type ReplanContext,
  revertMoves,
} from "../../src/core/index.js";
import { absenceOf, buildDay, contextOf, dayArb, fingerprint, withAbsence } from "./replan-world.js";

// What a re-plan offers for an appointment it cannot place is what the advisor sends next:
// that appointment's move alone (applyMoves with that one target, its return exactly as
// offered). A refused plan's alternatives are offered on the day as it is (nothing of the
// plan is applied); a contact's options once the plan is applied (the customer is called
// after). Each must be accepted there, placed as offered, and never be where the
// appointment stands. Random days: replan-world.ts.

const RUNS = { numRuns: Number(process.env.REPLAN_RUNS ?? 80) };

/** `id` moved alone to `o` on `index` (as it is): accepted, placed as `o` shows; the index is put back. */
function takenAsOffered(index: CapacityIndex, ctx: ReplanContext, id: string, o: Option): void {
  const from = index.bookings.get(id)!;
  expect({ advisor: o.reception.advisor, start: o.reception.start }).not.toEqual({
    advisor: from.reception.advisor,
    start: from.reception.start,
  });
  const r = applyMoves(index, ctx, [{ id, reception: o.reception, ret: o.ret, forced: o.overridesCaps === true }]);
  expect(r.ok, JSON.stringify({ option: o, r })).toBe(true);
  if (!r.ok) return;
  const to = r.moves.find((m) => m.id === id)!.to;
  expect({ reception: to.reception, ret: to.ret, readyAt: to.readyAt, express: to.express }).toEqual({
    reception: o.reception,
    ret: o.ret,
    readyAt: o.readyAt,
    express: o.express,
  });
  revertMoves(index, r.moves);
}

describe("a re-plan's options are accepted as offered", () => {
  it("absence: each contact's options, once the plan is applied (property)", () => {
    // One of two advisors away all day, nobody spare, an ample workshop, and the random
    // requests topped up with a known customer's maintenance wherever one still fits: the
    // other advisor's day is full, and customers are called.
    const topUp = Array.from({ length: 80 }, (_, k) => ({
      advisor: k % 2,
      slot: Math.floor(k / 2),
      code: "maintenance",
      known: true,
      mobility: "none" as const,
    }));
    const busyDay = dayArb.map((s) => ({
      ...s,
      advisors: 2,
      spare: false,
      ample: true,
      from: 0,
      to: 0,
      requests: [...s.requests, ...topUp],
    }));
    fc.assert(
      fc.property(busyDay, (spec) => {
        const w = buildDay(spec);
        const ctx = contextOf(w);
        const { index } = withAbsence(w, spec);
        const ab = absenceOf(w, spec);
        const plan = planAbsence(index, ctx, { advisor: ab.advisor, start: ab.startMin, end: ab.endMin });
        const before = fingerprint(index);
        const applied = applyMoves(
          index,
          ctx,
          moveTargets(plan.moves),
          plan.contact.map((c) => c.id),
        );
        expect(applied.ok).toBe(true);
        if (!applied.ok) return;
        for (const c of plan.contact) for (const o of c.options) takenAsOffered(index, ctx, c.id, o);
        revertMoves(index, applied.moves);
        expect(fingerprint(index)).toBe(before);
      }),
      RUNS,
    );
  });

  it("running late, refused: each alternative on the day as it is (property)", () => {
    fc.assert(
      fc.property(dayArb, fc.nat(), fc.integer({ min: 1, max: 240 }), (spec, pick, minutes) => {
        const w = buildDay(spec);
        const ctx = contextOf(w);
        const ids = [...w.index.bookings.keys()];
        fc.pre(ids.length > 0);
        const plan = planLate(w.index, ctx, { id: ids[pick % ids.length], minutes });
        if (!isRefusal(plan)) return;
        for (const f of plan.failures) for (const o of f.options) takenAsOffered(w.index, ctx, f.id!, o);
      }),
      RUNS,
    );
  });

  it("swap, refused: each side's alternatives on the day as it is, the other side where it stands (property)", () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.nat(),
        fc.nat(),
        fc.constantFrom("slot" as const, "time" as const, "advisor" as const),
        (spec, i, j, exchange) => {
          const w = buildDay(spec);
          const ctx = contextOf(w);
          const ids = [...w.index.bookings.keys()];
          fc.pre(ids.length >= 2 && ids[i % ids.length] !== ids[j % ids.length]);
          const plan = planSwap(w.index, ctx, { a: ids[i % ids.length], b: ids[j % ids.length], exchange });
          if (!isRefusal(plan)) return;
          for (const f of plan.failures) for (const o of f.options) takenAsOffered(w.index, ctx, f.id!, o);
        },
      ),
      RUNS,
    );
  });
});
