import type { CapacityIndex } from "./capacity-index.js";
import { mobilityViolation } from "./mobility.js";
import { findReturn } from "./return-slot.js";
import { evaluateReception, evaluateReturn, type ReceptionRequest } from "./rules.js";
import { describeViolation } from "./rule-messages.js";
import type { AdvisorSlot, RuleCode, Violation } from "./types.js";
import type { LabourPlan } from "./workshop.js";

// A whole stay: the reception (every desk and workshop rule), its return appointment and
// the mobility reserved from reception to return. The search and every write go through
// here, so an option is offered only when its mobility is really available.

export interface StayRequest extends ReceptionRequest {
  /** A priority vehicle: may take the courtesy cars held for priority vehicles. */
  priority?: boolean;
}

export interface Stay {
  plan: LabourPlan;
  ret: AdvisorSlot | null;
}

/** With `out` null, stops at the first broken rule (search); with `out`, collects them. */
export function evaluateStay(index: CapacityIndex, req: StayRequest, retHint: AdvisorSlot | null, out: RuleCode[] | null): Stay | RuleCode {
  const r = evaluateReception(index, req, out);
  if (typeof r === "string") return r;
  const ret = retHint && evaluateReturn(index, retHint, r.readyAt, null) === null ? retHint : findReturn(index, req.advisor, r.readyAt, req.job.returnMinutes);
  const m = mobilityViolation(index, req.job.mobility, { reception: { advisor: req.advisor, start: req.start, minutes: req.minutes }, ret, readyAt: r.readyAt }, req.priority === true);
  if (m) {
    out?.push(m);
    return m;
  }
  return { plan: r, ret };
}

export interface StayCheck {
  violations: Violation[];
  stay: Stay | null;
}

/** Collect-all check with a message for people on every broken rule. */
export function checkStay(index: CapacityIndex, req: StayRequest, retHint: AdvisorSlot | null): StayCheck {
  const codes: RuleCode[] = [];
  const r = evaluateStay(index, req, retHint, codes);
  const violations: Violation[] = [];
  for (const c of codes) violations.push({ code: c, message: describeViolation(index.dealer, c, req, null) });
  return { violations, stay: typeof r === "string" ? null : r };
}
