import type { CapacityIndex } from "./capacity-index.js";
import { mobilityPrecheck, mobilityViolation } from "./mobility.js";
import { findReturn, returnKeepsReserve } from "./return-slot.js";
import { evaluateReception, evaluateReturn, type ReceptionRequest } from "./rules.js";
import { ruleViolation } from "./rule-messages.js";
import type { AdvisorSlot, RuleCode, Violation } from "./types.js";
import type { LabourPlan } from "./types.js";

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
export function evaluateStay(
  index: CapacityIndex,
  req: StayRequest,
  retHint: AdvisorSlot | null,
  out: RuleCode[] | null,
  checked?: LabourPlan,
): Stay | RuleCode {
  // `checked`: the reception's plan from evaluateReception on this same index state
  // (the search's scan), so the reception rules are not evaluated twice.
  const r = checked ?? evaluateReception(index, req, out);
  if (typeof r === "string") return r;
  // Cheap necessary condition first: the return search is the costly part of a stay.
  const pre = mobilityPrecheck(
    index,
    req.job.mobility,
    { advisor: req.advisor, start: req.start, minutes: req.minutes },
    r.readyAt,
    req.priority === true,
  );
  if (pre) {
    out?.push(pre);
    return pre;
  }
  // Ordinary stays keep the express reserve with their return too.
  const reserveNow = req.express || req.force ? undefined : req.now;
  const reception = { advisor: req.advisor, start: req.start, minutes: req.minutes };
  const hintOk =
    retHint !== null &&
    evaluateReturn(index, retHint, r.readyAt, null) === null &&
    returnKeepsReserve(index, retHint, reserveNow, reception);
  const ret = hintOk
    ? retHint
    : findReturn(index, req.advisor, r.readyAt, req.job.returnMinutes, reserveNow, reception);
  const m = mobilityViolation(
    index,
    req.job.mobility,
    { reception: { advisor: req.advisor, start: req.start, minutes: req.minutes }, ret, readyAt: r.readyAt },
    req.priority === true,
  );
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
  for (const c of codes) violations.push(ruleViolation(index.dealer, c, req, null));
  return { violations, stay: typeof r === "string" ? null : r };
}
