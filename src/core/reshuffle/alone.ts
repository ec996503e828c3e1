import type { CapacityIndex } from "../capacity-index.js";
import type { AdvisorSlot, Option } from "../types.js";
import { ALTERNATIVE_CANDIDATES, acceptedAlternatives } from "./accepted.js";
import { nearestOptions } from "./alternatives.js";
import { type RefusedApply, retargetedOption } from "./retarget.js";
import type { ReplanContext } from "./types.js";

// The options a plan offers for one appointment it cannot place: a refused dry run (late,
// swap: the plan itself is not shown, so nothing of it can be sent back) and the contact
// list (the customer is called after the plan is applied). What the advisor sends with one
// of them is that appointment's move alone: an explicit move, mode "apply", nothing else
// moved or lifted. So each candidate is checked as exactly that apply (retarget.ts with a
// one-move apply) on `index` as the apply will find it, and only those it accepts are
// offered, as it places them (accepted.ts): never the search's express option for an
// appointment booked as ordinary, never where the appointment stands now.
// Cost: one one-move apply per candidate (ALTERNATIVE_CANDIDATES at most), whatever the
// plan's size, so unlike a refused apply's alternatives (refusal.ts) no budget is needed.

/**
 * Up to ALTERNATIVES_WANTED options near `near` for appointment `id` (on `index`), each
 * one its move alone is accepted at on `index`, as that move places it. None for a car
 * that is already in (only its return may move). `taken`: the advisor slots the same answer
 * (one refusal, one contact list) offers its earlier appointments (accepted.ts
 * offeredSlots), never offered again: each move is checked alone, so two customers offered
 * one slot would both be told it and the second to take it refused (distinct offers only;
 * unlike a refused apply's, these are not checked together, as they are sent one by one).
 */
export function aloneOptions(
  index: CapacityIndex,
  ctx: ReplanContext,
  id: string,
  near: number,
  taken: readonly AdvisorSlot[] = [],
): Option[] {
  const b = index.bookings.get(id);
  const m = ctx.movables.get(id);
  if (!b || !m || m.returnOnly) return [];
  const candidates = index.without(id, () => nearestOptions(index, b, m, near, ALTERNATIVE_CANDIDATES, ctx.now));
  const alone: RefusedApply = {
    targets: [{ id, reception: b.reception, ret: b.ret, forced: false }],
    lifted: [],
    refused: new Set([id]),
  };
  return acceptedAlternatives(candidates, b.reception, (o) => retargetedOption(index, ctx, alone, id, o), taken);
}
