import { describe, expect, it } from "vitest";
import {
  applyMoves,
  isRefusal,
  moveTargets,
  planAbsence,
  planLate,
  revertMoves,
  type CorePlan,
} from "../../src/core/index.js";
import type { Mobility } from "../../src/core/index.js";
import {
  absenceOf,
  brokenRules,
  buildDay,
  contextOf,
  fingerprint,
  fixedDay,
  withAbsence,
  type DaySpec,
  type World,
} from "./replan-world.js";
import type { CapacityIndex, ReplanContext } from "../../src/core/index.js";
import { PlanBuilder } from "../../src/core/reshuffle/plan-builder.js";
import { settle } from "../../src/core/reshuffle/settle.js";

// Days on which a plan the planner found valid was refused by applyMoves (labour is
// planned first come, first served on each technician, so the dry run and apply must
// seat the same stays in the same order with the same labour). Found by the property
// tests in replan.test.ts; each plan must apply as listed, and apply exactly as shown.

function request(advisor: number, slot: number, code: string, known = false, mobility: Mobility = "none") {
  return { advisor, slot, code, known, mobility };
}

/** Applies the plan as listed: it must, to exactly the moves it shows, breaking no rule; then takes it back. */
function appliesAsShown(index: CapacityIndex, ctx: ReplanContext, plan: CorePlan): void {
  const before = fingerprint(index);
  const contact = plan.contact.map((c) => c.id);
  const applied = applyMoves(index, ctx, moveTargets(plan.moves), contact);
  expect(applied.ok, JSON.stringify(applied)).toBe(true);
  if (!applied.ok) return;
  expect(applied.moves).toEqual(plan.moves);
  // A move that keeps its reception keeps its labour (apply re-checks only its return).
  for (const m of plan.moves)
    if (m.to.reception.advisor === m.from.reception.advisor && m.to.reception.start === m.from.reception.start)
      expect(m.to.labour).toEqual(m.from.labour);
  const aside = contact.map((id) => index.remove(id)!);
  expect(brokenRules(index, ctx, new Set(plan.moves.filter((m) => m.forced).map((m) => m.id)))).toEqual([]);
  for (const b of aside) index.add(b);
  revertMoves(index, applied.moves);
  expect(fingerprint(index)).toBe(before);
}

describe("a plan applies as it was found", () => {
  it("absence: a stay handed to the absent advisor before the absence keeps the labour it was planned with (return_before_ready at apply)", () => {
    // a2 is away 13:15–15:30: b0 and b8 (a2's receptions then) go to a1, after b7 (a1,
    // 12:45) is handed to a2 at its own time; b7's labour was planned before b8's, and its
    // return (a2, 15:15) then moves past the absence without changing its seat.
    const spec: DaySpec = {
      advisors: 3,
      spare: false,
      ample: false,
      courtesyCars: 1,
      requests: [
        request(2, 20, "diagnosis"),
        request(0, 6, "service"),
        request(1, 28, "maintenance"),
        request(0, 10, "tyres"),
        request(0, 16, "maintenance"),
        request(0, 0, "maintenance"),
        request(0, 28, "maintenance"),
        request(1, 19, "tyres"),
        request(2, 22, "maintenance"),
        request(0, 0, "maintenance"),
      ],
      absent: 2,
      from: 21,
      to: 30,
    };
    const w = buildDay(spec);
    const ctx = contextOf(w);
    const { index } = withAbsence(w, spec);
    const ab = absenceOf(w, spec);
    const plan = planAbsence(index, ctx, { advisor: ab.advisor, start: ab.startMin, end: ab.endMin });
    expect(plan.moves.map((m) => m.id).sort()).toEqual(["b0", "b7", "b8"]);
    expect(plan.moves.every((m) => !m.timeChanged)).toBe(true);
    appliesAsShown(index, ctx, plan);
  });

  it("late: a knocked-on stay does not keep its reception with labour planned again (workshop_full at apply)", () => {
    // One bodywork technician: b3 (08:15, 12 h of bodywork) runs 15 minutes late, and b5
    // (12:00, bodywork right after b3's) can no longer keep its own labour. At its own
    // reception a stay keeps its labour (applyMoves re-checks only the return), so b5
    // must be received at another time or by another advisor to have it planned again.
    const spec: DaySpec = {
      advisors: 2,
      spare: false,
      ample: false,
      courtesyCars: 1,
      requests: [
        request(0, 0, "maintenance", true),
        request(0, 18, "maintenance"),
        request(0, 9, "maintenance"),
        request(0, 1, "bodywork"),
        request(1, 0, "maintenance"),
        request(0, 16, "bodywork"),
        request(0, 3, "maintenance"),
        request(1, 17, "maintenance"),
        request(0, 20, "maintenance"),
        request(0, 0, "maintenance"),
        request(0, 7, "maintenance"),
        request(0, 11, "maintenance"),
        request(0, 28, "maintenance"),
      ],
      absent: 0,
      from: 0,
      to: 0,
    };
    const w: World = buildDay(spec);
    const ctx = contextOf(w);
    const plan = planLate(w.index, ctx, { id: "b3", minutes: 1 });
    expect(isRefusal(plan)).toBe(false);
    if (isRefusal(plan)) return;
    expect(plan.shiftMinutes).toBe(15);
    const b5 = plan.moves.find((m) => m.id === "b5");
    expect(b5).toBeDefined();
    expect(b5!.to.reception.advisor !== b5!.from.reception.advisor || b5!.timeChanged).toBe(true);
    appliesAsShown(w.index, ctx, plan);
  });

  it("late: a stay handed to another advisor after other moves were planned around its labour is seated ahead of them", () => {
    // b6 (a1, 12:30) runs 78 minutes late into b2's 14:00; b2 takes a2 at 14:00 by handing
    // b3 (a2, 14:15) to a0. The late stay was planned while b3's labour was on the index,
    // but applyMoves takes every moved booking off first: b3 is seated ahead, as then.
    const spec: DaySpec = {
      advisors: 3,
      spare: false,
      ample: false,
      courtesyCars: 4,
      requests: [
        request(0, 19, "service"),
        request(0, 27, "recall", true),
        request(1, 24, "bodywork"),
        request(2, 25, "service", true, "taxi"),
        request(2, 26, "bodywork", false, "courtesy_car"),
        request(1, 39, "service", true),
        request(2, 26, "maintenance"),
        request(1, 18, "recall"),
        request(1, 24, "tyres", false, "courtesy_car"),
        request(1, 31, "recall", false, "taxi"),
        request(1, 27, "tyres"),
        request(0, 17, "diagnosis"),
        request(1, 36, "bodywork", true, "taxi"),
        request(2, 39, "tyres", true),
        request(2, 38, "tyres"),
        request(1, 29, "bodywork", true, "courtesy_car"),
        request(0, 18, "bodywork", true),
        request(0, 24, "recall", true, "taxi"),
        request(0, 33, "tyres", true, "taxi"),
        request(0, 8, "recall", true),
      ],
      absent: 0,
      from: 0,
      to: 0,
    };
    const w = buildDay(spec);
    const ctx = contextOf(w);
    const plan = planLate(w.index, ctx, { id: "b6", minutes: 78 });
    expect(isRefusal(plan)).toBe(false);
    if (isRefusal(plan)) return;
    expect(plan.moves.map((m) => m.id)).toEqual(["b3", "b6", "b2"]);
    expect(plan.contact).toEqual([]);
    appliesAsShown(w.index, ctx, plan);
  });
});

describe("settling a plan that does not apply as found", () => {
  function twoBookings() {
    const w = fixedDay(2, [
      [0, 4],
      [1, 8],
    ]);
    const ctx = contextOf(w);
    const plan = new PlanBuilder(w.index, ctx);
    const [a, b] = [...w.index.bookings.values()];
    plan.take(a.id);
    plan.take(b.id);
    plan.place({ ...a, reception: { ...a.reception, start: a.reception.start + 60 }, ret: null }); // fits
    plan.place({ ...b, reception: { ...b.reception, start: b.reception.start + 7 } }); // off the grid
    return { w, ctx, plan, a, b };
  }

  it("lists the customer of a move that does not apply for a call, with the broken rule and options", () => {
    const { w, ctx, plan, a, b } = twoBookings();
    const before = (() => {
      plan.restore();
      return fingerprint(w.index);
    })();
    const s = settle(plan, plan.result(), new Set());
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.plan.moves.map((m) => m.id)).toEqual([a.id]);
    expect(s.plan.contact).toHaveLength(1);
    expect(s.plan.contact[0]).toMatchObject({ id: b.id, from: b, violations: [{ code: "off_grid" }] });
    expect(s.plan.contact[0].options.length).toBeGreaterThanOrEqual(2);
    expect(fingerprint(w.index)).toBe(before);
    appliesAsShown(w.index, ctx, s.plan);
  });

  it("refuses when the move that does not apply is one the plan cannot do without", () => {
    const { plan, b } = twoBookings();
    const s = settle(plan, plan.result(), new Set([b.id]));
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.failures).toMatchObject([{ id: b.id, violations: [{ code: "off_grid" }] }]);
  });
});
