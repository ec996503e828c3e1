import { z } from "@hono/zod-openapi";
import { AppointmentView } from "../contracts.js";

// The body and answer of POST /v1/dealers/{dealerId}/appointments/{id}/progress (staff):
// the workshop reports a job's progress, and the technician's day is planned again.

export const PROGRESS_STATES = ["started", "paused", "done"] as const;

export const ExtraWork = z
  .object({
    description: z.string().min(1).max(500),
    hours: z.number().positive().max(200),
    /** The customer approved it: only then is it planned. */
    approved: z.boolean(),
  })
  .strict()
  .openapi("ExtraWork");

export const ProgressRequest = z
  .object({
    state: z.enum(PROGRESS_STATES),
    /** Labour hours still to do on the job's current work (replaces the plan's remainder). */
    remainingHours: z.number().min(0).max(200).optional(),
    extraWork: ExtraWork.optional(),
  })
  .strict()
  .refine((p) => p.state !== "done" || (p.remainingHours ?? 0) === 0, {
    message: "a done job has no hours left",
    path: ["remainingHours"],
  })
  .openapi("ProgressRequest");
export type ProgressRequest = z.infer<typeof ProgressRequest>;

const Instant = z.string();

export const ReplanChange = z
  .object({
    appointmentId: z.string(),
    readyAtBefore: Instant,
    readyAt: Instant,
    /**
     * The return appointment's start after the re-plan: moved when the car is now ready
     * after it, and brought forward (same advisor, with notice) when the car is ready earlier.
     */
    returnStart: Instant.nullable(),
    returnMoved: z.boolean(),
    /** The car is ready earlier but its return stays: why (no free earlier return with enough notice; no channel to tell the customer). */
    returnKept: z.object({ code: z.enum(["no_earlier_return", "customer_not_told"]), message: z.string() }).optional(),
    /** What happened to the customer's ready_time_changed message ("sent:sms", "skipped:no_consent", ...). */
    customerMessage: z.string().nullable(),
  })
  .openapi("ReplanChange");

export const ReplanConflict = z
  .object({
    appointmentId: z.string(),
    code: z.enum(["mobility_unavailable", "no_return_slot"]),
    message: z.string(),
    /** mobility_unavailable with a return: the first free return, which would keep the car out too long. */
    returnStart: z.string().optional(),
  })
  .openapi("ReplanConflict");

// The contract (api-contract.md, 1.1: "→ the appointment with its re-planned readyAt and
// return") answers with the appointment itself: its fields are the top level. `appointment`
// repeats them for the clients written against this answer before it followed the contract.
export const ProgressView = AppointmentView.extend({
  appointment: AppointmentView,
  state: z.enum(PROGRESS_STATES),
  extraWork: z.array(
    z.object({ id: z.string(), description: z.string(), hours: z.number(), status: z.enum(["pending", "approved"]) }),
  ),
  /** Every appointment whose ready time moved, this one included. */
  changes: z.array(ReplanChange),
  /** Returns that could not follow their car (reported to the advisor as a task; nothing overbooked). */
  conflicts: z.array(ReplanConflict),
}).openapi("Progress");
export type ProgressView = z.infer<typeof ProgressView>;
