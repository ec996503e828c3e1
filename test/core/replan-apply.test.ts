import { describe, expect, it } from "vitest";
import { applyMoves, isRefusal, planAbsence, planLate, revertMoves, type CorePlan } from "../../src/core/index.js";
import type { Mobility } from "../../src/core/index.js";
import {
  absenceOf,
  brokenRules,
  buildDay,
  contextOf,
  fingerprint,
  targetsOf,
  withAbsence,
  type DaySpec,
  type World,
} from "./replan-world.js";
import type { CapacityIndex, ReplanContext } from "../../src/core/index.js";

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
  const applied = applyMoves(index, ctx, targetsOf(plan.moves), contact);
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
});
