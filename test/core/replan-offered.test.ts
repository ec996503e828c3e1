import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AdvisorSlot,
  applyMoves,
  type CapacityIndex,
  isRefusal,
  moveTargets,
  type Option,
  planAbsence,
  readInstant,
  planLate,
  planSwap,
  type ReplanContext,
  revertMoves,
  togetherOptions,
} from "../../src/core/index.js";
import { absenceOf, buildDay, contextOf, DAY, dayArb, fingerprint, withAbsence } from "./replan-world.js";

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

/**
 * One answer's offers (per appointment): no advisor slot (reception or return) is offered
 * to two of its appointments, so an advisor taking one offer each never books one twice.
 */
function expectDistinct(offers: Array<[id: string, options: Option[]]>): void {
  const slots = (o: Option): AdvisorSlot[] => (o.ret ? [o.reception, o.ret] : [o.reception]);
  const clash = (a: AdvisorSlot, b: AdvisorSlot) =>
    a.advisor === b.advisor &&
    (a.start === b.start || (a.start < b.start + b.minutes && b.start < a.start + a.minutes));
  for (let i = 0; i < offers.length; i++)
    for (let j = i + 1; j < offers.length; j++)
      for (const a of offers[i][1].flatMap(slots))
        for (const b of offers[j][1].flatMap(slots))
          expect(clash(a, b), JSON.stringify({ [offers[i][0]]: a, [offers[j][0]]: b })).toBe(false);
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
        expectDistinct(plan.contact.map((c) => [c.id, c.options]));
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
        expectDistinct(plan.failures.map((f) => [f.id!, f.options]));
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
          expectDistinct(plan.failures.map((f) => [f.id!, f.options]));
        },
      ),
      RUNS,
    );
  });
});

describe("a refused apply's alternatives hold together", () => {
  it("no slot offered to two failures, and every failure's first offer applied together is accepted as offered (property)", () => {
    // Two to four appointments moved by an advisor to one reception (or nearby ones): the
    // apply refuses some; what it offers them is checked per failure with the earlier
    // failures at their first offers (togetherOptions).
    fc.assert(
      fc.property(
        dayArb,
        fc.uniqueArray(fc.nat(), { minLength: 2, maxLength: 4 }),
        fc.nat(),
        fc.integer({ min: 0, max: 39 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
        (spec, picks, advisor, slot, spread) => {
          const w = buildDay(spec);
          const ctx = contextOf(w);
          const ids = [...w.index.bookings.keys()];
          const moved = [...new Set(picks.map((k) => ids[k % ids.length]))];
          fc.pre(ids.length >= 2 && moved.length >= 2);
          const dayStart = readInstant(w.dealer.tz, `${DAY}T08:00`);
          const targets = moved.map((id, k) => ({
            id,
            reception: {
              advisor: advisor % spec.advisors,
              start: dayStart + Math.min(39, slot + spread[k]) * 15,
              minutes: w.index.bookings.get(id)!.reception.minutes,
            },
            ret: null,
            forced: false,
          }));
          const r = applyMoves(w.index, ctx, targets);
          if (r.ok) {
            revertMoves(w.index, r.moves);
            return;
          }
          const before = fingerprint(w.index);
          const failing = r.failures.map((f) => f.id);
          const offers = togetherOptions(w.index, ctx, targets, [], failing, 2_400);
          expect(fingerprint(w.index)).toBe(before);
          expectDistinct(failing.map((id) => [id, offers.get(id)!]));
          const firsts = new Map(failing.map((id) => [id, offers.get(id)![0]]));
          if ([...firsts.values()].some((o) => o === undefined)) return;
          const together = applyMoves(
            w.index,
            ctx,
            targets.map((t) => {
              const o = firsts.get(t.id);
              return o ? { ...t, reception: o.reception, ret: o.ret } : t;
            }),
          );
          expect(together.ok, JSON.stringify({ targets, firsts: [...firsts], together })).toBe(true);
          if (!together.ok) return;
          for (const [id, o] of firsts) {
            const to = together.moves.find((m) => m.id === id)!.to;
            expect({ reception: to.reception, ret: to.ret, readyAt: to.readyAt, express: to.express }).toEqual({
              reception: o!.reception,
              ret: o!.ret,
              readyAt: o!.readyAt,
              express: o!.express,
            });
          }
          revertMoves(w.index, together.moves);
          expect(fingerprint(w.index)).toBe(before);
        },
      ),
      RUNS,
    );
  });
});
