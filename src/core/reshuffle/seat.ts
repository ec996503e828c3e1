import type { CapacityIndex } from "../capacity-index.js";
import type { Booking, RuleCode } from "../types.js";
import type { PlanBuilder } from "./plan-builder.js";
import { placeStay, staffRequest, stayBooking } from "./placement.js";
import type { ReplanContext } from "./types.js";

/** Tries `x` (off the index) at (advisor, start): places it and returns null, or returns the first broken rule. */
export function seatAt(
  index: CapacityIndex,
  ctx: ReplanContext,
  plan: PlanBuilder,
  x: Booking,
  advisor: number,
  start: number,
): RuleCode | null {
  const m = ctx.movables.get(x.id)!;
  const req = staffRequest(x, m, advisor, start, ctx.now, false);
  const st = placeStay(index, req, x.ret);
  if (typeof st === "string") return st;
  plan.place(stayBooking(x, req, st));
  return null;
}
