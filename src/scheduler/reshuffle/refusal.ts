import type { Dealer } from "../../core/dealer.js";
import { nearestOptions, type MoveTarget, type Refusal } from "../../core/reshuffle/index.js";
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

/** An apply whose moves did not pass the checker: the failures, with alternatives near each target. */
export function applyFailure(
  p: Planned,
  failures: Array<{ id: string; violations: Violation[] }>,
  targets: MoveTarget[],
): DomainError {
  const refusal: Refusal = { refused: true, failures: [] };
  for (const f of failures) {
    const b = p.index.bookings.get(f.id);
    const m = p.ctx.movables.get(f.id);
    const t = targets.find((x) => x.id === f.id)!;
    let options: Option[] = [];
    if (b && m && !m.returnOnly) {
      options = p.index.without(f.id, () => nearestOptions(p.index, b, m, t.reception.start, 2, p.ctx.now));
    }
    refusal.failures.push({ id: f.id, violations: f.violations, options });
  }
  return refusedError(p.index.dealer, refusal);
}
