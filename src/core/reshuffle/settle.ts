import type { AdvisorSlot, Violation } from "../types.js";
import { offeredSlots } from "./accepted.js";
import { aloneOptions } from "./alone.js";
import { applyMoves, moveTargets, revertMoves, type ApplyResult } from "./apply.js";
import type { PlanBuilder } from "./plan-builder.js";
import type { CorePlan, PlanContact, PlanMove, Refusal } from "./types.js";

// A planner returns only what applyMoves applies: the dry run keeps the index as apply
// will have it (plan-builder.ts, seat.ts), and this proves it by applying the plan (the
// moves in the order listed, the contact list's advisor slots lifted, its labour kept)
// to the index as it was before planning, then taking it back. The moves returned are
// apply's own, with the labour and ready times it plans. The dry run cannot always be
// apply's: apply takes every moved booking off first, while the planner may take one
// only after other moves were planned around its labour (the augmenting step's), and a
// booking re-seated in vain goes on the contact list with its labour back only after
// the moves before it were planned without it; labour is first come, first served on
// each technician. So a move that does not apply is seated ahead of the others; one that
// still does not has its customer called instead (it stays where it was), unless the
// plan cannot do without it.
//
// The options offered are apply's too (alone.ts): a contact's are found with the plan
// applied (the customer is called, and the appointment moved, after it is), a refused
// plan's on the index as it was before planning (nothing of the plan is applied).

export type Settled =
  | { ok: true; plan: CorePlan }
  | { ok: false; failures: Array<{ id: string; violations: Violation[] }> };

/** Applies the moves to the index as it was before planning: apply's verdict (when ok, the moves stay on it). */
function replay(plan: PlanBuilder, moves: PlanMove[], contact: PlanContact[]): ApplyResult {
  plan.restore();
  const lifted = contact.map((c) => c.id);
  let targets = moveTargets(moves);
  for (let attempt = 0; ; attempt++) {
    const r = applyMoves(plan.index, plan.ctx, targets, lifted);
    if (r.ok) return r; // on the index: the caller takes it back
    const failing = new Set(r.failures.map((f) => f.id));
    let k = 0;
    while (k < targets.length && failing.has(targets[k].id)) k++;
    if (attempt >= targets.length || targets.slice(k).every((t) => !failing.has(t.id))) return r;
    targets = [...targets.filter((t) => failing.has(t.id)), ...targets.filter((t) => !failing.has(t.id))];
  }
}

/**
 * The plan as applyMoves applies it. `needed`: appointments the plan cannot do without
 * (the late customer, both sides of a swap); when one of them does not apply, the
 * failures. `plan.restore()` has nothing left to undo afterwards.
 */
export function settle(plan: PlanBuilder, core: CorePlan, needed: ReadonlySet<string>): Settled {
  let moves = core.moves;
  const contact = core.contact.slice();
  for (;;) {
    const r = replay(plan, moves, contact);
    if (r.ok) {
      try {
        const taken: AdvisorSlot[] = [];
        return { ok: true, plan: { moves: r.moves, contact: contact.map((c) => offered(plan, c, taken)) } };
      } finally {
        revertMoves(plan.index, r.moves);
      }
    }
    if (r.failures.some((f) => needed.has(f.id))) return { ok: false, failures: r.failures };
    const failed = new Set<string>();
    for (const f of r.failures) {
      failed.add(f.id);
      const from = moves.find((m) => m.id === f.id)!.from;
      contact.push({
        id: f.id,
        from,
        reason: "the re-plan cannot move this appointment within the rules; call the customer with the options",
        violations: f.violations,
        near: from.reception.start,
        options: [],
      });
    }
    moves = moves.filter((m) => !failed.has(m.id));
  }
}

/**
 * A contact with the options its call offers (none when `near` is null), found on the index
 * with the plan applied: what the apply leaves, and the appointment's move alone then;
 * none an earlier contact of the list is offered (`taken`, which grows by this one's).
 */
function offered(plan: PlanBuilder, c: PlanContact, taken: AdvisorSlot[]): PlanContact {
  if (c.near === null) return c;
  const options = aloneOptions(plan.index, plan.ctx, c.id, c.near, taken);
  taken.push(...offeredSlots(options));
  return { ...c, options };
}

/**
 * A plan that cannot be applied as a whole, refused with each broken rule and the
 * alternatives its appointment's move alone is accepted at (near `wanted`'s time for an
 * appointment it names, else near its own), on the index as it was before planning:
 * the index is put back first, whatever the planner left on it. No slot is offered to two
 * of its appointments.
 */
export function refusal(
  plan: PlanBuilder,
  failures: Array<{ id: string; violations: Violation[] }>,
  wanted: ReadonlyMap<string, number>,
): Refusal {
  plan.restore();
  const taken: AdvisorSlot[] = [];
  return {
    refused: true,
    failures: failures.map((f) => {
      const near = wanted.get(f.id) ?? plan.index.bookings.get(f.id)!.reception.start;
      const options = aloneOptions(plan.index, plan.ctx, f.id, near, taken);
      taken.push(...offeredSlots(options));
      return { id: f.id, violations: f.violations, options };
    }),
  };
}
