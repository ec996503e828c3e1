import type { CapacityIndex } from "../capacity-index.js";
import type { AdvisorSlot, Option } from "../types.js";
import { ALTERNATIVE_CANDIDATES, acceptedAlternatives, offeredSlots } from "./accepted.js";
import { nearestOptions } from "./alternatives.js";
import { type RefusedApply, retargetedOption } from "./retarget.js";
import type { MoveTarget, ReplanContext } from "./types.js";

// A refused apply's alternatives for all its failures at once. The advisor may take an offer
// for each failing appointment and send them together, so the offers of one refusal must
// hold together, not only each alone:
// - each failure's candidates are checked (retarget.ts) with every earlier failure that got
//   offers held at its FIRST offer (its target that offer, its return exactly as offered,
//   and it must still be placed as offered): taking every appointment's first offer together
//   is the apply the last failure's first offer was accepted in;
// - no advisor slot (reception or return) is offered to two appointments (accepted.ts
//   offeredSlots): an advisor mixing first and second offers never books one advisor twice
//   either (the second offers themselves are checked with the earlier first ones only).
// Cost as before: one applyMoves of every target per candidate, within `budget` moves.

/**
 * Per failure of the apply (in `failures`' order), the alternatives near its target the
 * apply accepts with that target replaced and the earlier failures held at their first
 * offers, none clashing with an earlier failure's offer. `budget`: moves re-checked in all
 * (the later failures get none once it is spent). The index is as before afterwards.
 */
export function togetherOptions(
  index: CapacityIndex,
  ctx: ReplanContext,
  targets: MoveTarget[],
  lifted: string[],
  failures: string[],
  budget: number,
): Map<string, Option[]> {
  const refused = new Set(failures);
  const held = new Map<string, Option>();
  let apply: RefusedApply = { targets, lifted, refused, held };
  const taken: AdvisorSlot[] = [];
  const out = new Map<string, Option[]>();
  for (const id of failures) {
    const b = index.bookings.get(id);
    const m = ctx.movables.get(id);
    const t = apply.targets.find((x) => x.id === id)!;
    const count = Math.min(ALTERNATIVE_CANDIDATES, Math.floor(budget / targets.length));
    let options: Option[] = [];
    if (b && m && !m.returnOnly && count > 0) {
      budget -= count * targets.length;
      const candidates = index.without(id, () => nearestOptions(index, b, m, t.reception.start, count, ctx.now));
      options = acceptedAlternatives(candidates, b.reception, (o) => retargetedOption(index, ctx, apply, id, o), taken);
    }
    out.set(id, options);
    taken.push(...offeredSlots(options));
    const first = options[0];
    if (first) {
      refused.delete(id);
      held.set(id, first);
      apply = {
        ...apply,
        targets: apply.targets.map((x) => (x.id === id ? { ...x, reception: first.reception, ret: first.ret } : x)),
      };
    }
  }
  return out;
}
