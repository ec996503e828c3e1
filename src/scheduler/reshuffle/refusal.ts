import type { Dealer } from "../../core/dealer.js";
import { type MoveTarget, type Refusal, togetherOptions } from "../../core/reshuffle/index.js";
import type { Violation } from "../../core/types.js";
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
 * near its target that the same apply accepts with that target replaced and the earlier
 * failures at their first alternatives (core/reshuffle/together.ts), as it places them:
 * every failure's first alternative sent together is accepted (when each has one), and no
 * advisor slot is offered to two of them. `lifted`: the contact list's appointments the
 * apply lifted.
 */
export function applyFailure(
  p: Planned,
  failures: Array<{ id: string; violations: Violation[] }>,
  targets: MoveTarget[],
  lifted: string[],
): DomainError {
  const options = togetherOptions(
    p.index,
    p.ctx,
    targets,
    lifted,
    failures.map((f) => f.id),
    CHECK_BUDGET,
  );
  const refusal: Refusal = {
    refused: true,
    failures: failures.map((f) => ({ id: f.id, violations: f.violations, options: options.get(f.id) ?? [] })),
  };
  return refusedError(p.index.dealer, refusal);
}
