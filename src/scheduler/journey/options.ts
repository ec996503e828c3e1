import { deriveJob, isJobError } from "../../core/duration.js";
import type { AppointmentRow } from "../../db/repos/appointments.js";
import type { OptionView } from "../contracts.js";
import { jobOfRow } from "../job.js";
import { optionView } from "../present.js";
import { isPriority, rowPriority } from "../priority.js";
import type { DealerRuntime } from "../runtime.js";
import { searchOptions } from "../search.js";

// Two real, bookable options to propose (no-show task, next visit, service reminder),
// from the same search the availability endpoint uses. They are proposals, not holds:
// the customer still books one through the normal, re-checked path.

export const PROPOSED = 2;

export function optionsLike(
  rt: DealerRuntime,
  row: AppointmentRow,
  fromDay: number,
  nowMs: number,
  days = 14,
): OptionView[] {
  const res = searchOptions(rt, jobOfRow(rt, row), fromDay, days, PROPOSED, nowMs, {
    priority: rowPriority(rt.dealer, row),
  });
  return res.options.slice(0, PROPOSED).map((o) => optionView(rt.dealer, o));
}

/** A routine service visit for this model: the dealer's "service" intervention (else "maintenance"). */
export function serviceOptions(
  rt: DealerRuntime,
  model: string,
  fromDay: number,
  nowMs: number,
  days: number,
): OptionView[] {
  const code = ["service", "maintenance"].find((c) => rt.dealer.interventions.has(c));
  if (!code) return [];
  const job = deriveJob(rt.dealer, { interventions: [code], known: true, mobility: "none" });
  if (isJobError(job)) return [];
  const res = searchOptions(rt, job, fromDay, days, PROPOSED, nowMs, { priority: isPriority(rt.dealer, model) });
  return res.options.slice(0, PROPOSED).map((o) => optionView(rt.dealer, o));
}
