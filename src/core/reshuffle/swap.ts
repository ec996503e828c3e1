import type { CapacityIndex } from "../capacity-index.js";
import { checkStay } from "../stay.js";
import type { AdvisorSlot, Booking, Violation } from "../types.js";
import { PlanBuilder } from "./plan-builder.js";
import { staffRequest } from "./placement.js";
import { seatAt } from "./seat.js";
import { refusal, settle } from "./settle.js";
import type { CorePlan, Refusal, ReplanContext } from "./types.js";

// Swap two receptions: their slots (time and advisor), only their times, or only their
// advisors. Both or neither: the plan is refused with each broken rule of each side and
// the nearest valid alternatives for the side that does not fit.

export type Exchange = "slot" | "time" | "advisor";

export interface SwapQuery {
  a: string;
  b: string;
  exchange: Exchange;
}

type Target = Pick<AdvisorSlot, "advisor" | "start">;

function targets(a: Booking, b: Booking, exchange: Exchange): [Target, Target] {
  const ra = a.reception;
  const rb = b.reception;
  if (exchange === "time")
    return [
      { advisor: ra.advisor, start: rb.start },
      { advisor: rb.advisor, start: ra.start },
    ];
  if (exchange === "advisor")
    return [
      { advisor: rb.advisor, start: ra.start },
      { advisor: ra.advisor, start: rb.start },
    ];
  return [
    { advisor: rb.advisor, start: rb.start },
    { advisor: ra.advisor, start: ra.start },
  ];
}

/** Seats x then y; true when both fit (else both are off the index again). */
function seatBoth(plan: PlanBuilder, x: Booking, tx: Target, y: Booking, ty: Target): boolean {
  if (seatAt(plan, x, tx.advisor, tx.start) !== null) return false;
  if (seatAt(plan, y, ty.advisor, ty.start) === null) return true;
  plan.take(x.id);
  return false;
}

function violationsAt(index: CapacityIndex, ctx: ReplanContext, x: Booking, t: Target): Violation[] {
  return checkStay(index, staffRequest(index, x, ctx.movables.get(x.id)!, t.advisor, t.start, ctx.now, false), x.ret)
    .violations;
}

export function planSwap(index: CapacityIndex, ctx: ReplanContext, q: SwapQuery): CorePlan | Refusal {
  const a = index.bookings.get(q.a);
  const b = index.bookings.get(q.b);
  if (!a || !b || !ctx.movables.has(q.a) || !ctx.movables.has(q.b) || q.a === q.b)
    throw new Error("swap needs two distinct movable appointments");
  const [ta, tb] = targets(a, b, q.exchange);
  const plan = new PlanBuilder(index, ctx);
  try {
    plan.take(a.id);
    plan.take(b.id);
    if (seatBoth(plan, a, ta, b, tb) || seatBoth(plan, b, tb, a, ta)) {
      const settled = settle(plan, plan.result(), new Set([a.id, b.id]));
      if (settled.ok) return settled.plan;
      return refusal(
        plan,
        settled.failures,
        new Map([
          [a.id, ta.start],
          [b.id, tb.start],
        ]),
      );
    }
    // Explain in the order a, then b (b against a's target when a fits there).
    const failures: Array<{ id: string; violations: Violation[] }> = [];
    const va = violationsAt(index, ctx, a, ta);
    const aFits = va.length === 0 && seatAt(plan, a, ta.advisor, ta.start) === null;
    const vb = violationsAt(index, ctx, b, tb);
    if (aFits) plan.take(a.id);
    if (va.length) failures.push({ id: a.id, violations: va });
    if (vb.length) failures.push({ id: b.id, violations: vb });
    // Alternatives against the day as it is (the other side where it is now).
    return refusal(
      plan,
      failures,
      new Map([
        [a.id, ta.start],
        [b.id, tb.start],
      ]),
    );
  } finally {
    plan.restore();
  }
}
