import { deriveJob, isJobError } from "../core/duration.js";
import type { Job, Mobility } from "../core/types.js";
import { minutesBySkill } from "./labour-json.js";
import type { AppointmentRow } from "../db/repos/appointments.js";
import { DomainError } from "./errors.js";
import type { DealerRuntime } from "./runtime.js";
import { knownOf } from "./trust.js";

// The two ways the verbs turn work into a core Job, side by side so that they are not
// mistaken for each other: a request's job refuses an intervention the catalogue does not
// have; a stored appointment's job keeps the labour it was booked with when its
// intervention has left the catalogue since.

/** The job a request asks for; an unknown intervention is the caller's error. */
export function jobOfRequest(
  rt: DealerRuntime,
  req: { interventions: string[]; customer: { known?: boolean }; mobility: Job["mobility"] },
): Job {
  const job = deriveJob(rt.dealer, {
    interventions: req.interventions,
    known: knownOf(req.customer),
    mobility: req.mobility,
  });
  if (isJobError(job))
    throw new DomainError("validation_failed", job.detail, {
      errors: [{ path: "interventions", message: job.detail, in: "body" }],
    });
  return job;
}

/** The job of a stored appointment, as it is booked. */
export function jobOfRow(rt: { dealer: Parameters<typeof deriveJob>[0] }, row: AppointmentRow): Job {
  const customer = JSON.parse(row.customerJson) as { known?: boolean };
  const job = deriveJob(rt.dealer, {
    interventions: JSON.parse(row.interventionsJson),
    known: customer.known === true,
    mobility: row.mobility as Mobility,
  });
  if (!isJobError(job)) return job;
  // The intervention left the catalogue since booking: keep the labour it was booked with.
  // By name (labour-json.ts): a skill the dealer no longer has is not asked of anyone.
  const bySkill = minutesBySkill(rt.dealer, row.labourJson);
  return {
    receptionMinutes: row.receptionMinutes as 15 | 30,
    returnMinutes: row.returnMinutes ?? 10,
    labour: bySkill.flatMap((minutes, skill) => (minutes > 0 ? [{ skill, minutes }] : [])),
    mobility: row.mobility as Mobility,
  };
}
