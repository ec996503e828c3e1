import type { Dealer } from "../../core/dealer.js";
import {
  ALTERNATIVE_CANDIDATES,
  acceptedAlternatives,
  type MoveTarget,
  nearestOptions,
  type Refusal,
  type RefusedApply,
  retargetedOption,
} from "../../core/reshuffle/index.js";
import type { Option, Violation } from "../../core/types.js";
import { DomainError } from "../errors.js";
import { optionView } from "../present.js";
import type { Planned } from "./plan-view.js";

// Every refusal names each broken rule (per appointment, in words) and the nearest valid
// alternatives, so the advisor can pick one instead of guessing.

export function refusedError(
  dealer: Dealer,
  refusal: Refusal,
  code: "rule_violation" | "slot_unavailable" = "rule_violation",
): DomainError {
  const violations: Array<Violation & { appointmentId?: string }> = [];
  const alternatives: unknown[] = [];
  for (const f of refusal.failures) {
    for (const v of f.violations) violations.push(f.id ? { appointmentId: f.id, ...v } : v);
    for (const o of f.options)
      alternatives.push(f.id ? { appointmentId: f.id, ...optionView(dealer, o) } : optionView(dealer, o));
  }
  return new DomainError(code, violations[0]?.message ?? "the reshuffle breaks the scheduling rules", {
    violations,
    alternatives,
  });
}

/**
 * Moves the alternatives of one refused apply may re-check in all: each candidate is tried
 * by applying every target again (a plan may hold 400), so a large refusal offers
 * alternatives for its first failures only, and a small one for all of them.
 */
const CHECK_BUDGET = 2_400;

/**
 * An apply whose moves did not pass the checker: the failures, each with the alternatives
 * near its target that the same apply accepts with only that target replaced (retarget.ts),
 * as it places them. `lifted`: the contact list's appointments the apply lifted.
 */
export function applyFailure(
  p: Planned,
  failures: Array<{ id: string; violations: Violation[] }>,
  targets: MoveTarget[],
  lifted: string[],
): DomainError {
  const refusal: Refusal = { refused: true, failures: [] };
  const apply: RefusedApply = { targets, lifted, refused: new Set(failures.map((f) => f.id)) };
  let budget = CHECK_BUDGET;
  for (const f of failures) {
    const b = p.index.bookings.get(f.id);
    const m = p.ctx.movables.get(f.id);
    const t = targets.find((x) => x.id === f.id)!;
    const count = Math.min(ALTERNATIVE_CANDIDATES, Math.floor(budget / targets.length));
    let options: Option[] = [];
    if (b && m && !m.returnOnly && count > 0) {
      budget -= count * targets.length;
      const candidates = p.index.without(f.id, () =>
        nearestOptions(p.index, b, m, t.reception.start, count, p.ctx.now),
      );
      options = acceptedAlternatives(candidates, b.reception, (o) => retargetedOption(p.index, p.ctx, apply, f.id, o));
    }
    refusal.failures.push({ id: f.id, violations: f.violations, options });
  }
  return refusedError(p.index.dealer, refusal);
}
