// The customer message kinds and the transports that may carry them. Plain constants,
// no zod: the outbox's delivery path imports them, and a zod schema built before
// @hono/zod-openapi is loaded lacks .openapi() (see scheduler/tokens.ts).

/** Customer message kinds (staff tasks always go to the webhook). */
export const CUSTOMER_KINDS = [
  "confirmed",
  "reminder",
  "appointment_moved",
  "cancelled",
  "car_ready",
  "follow_up",
  "service_reminder",
  "ready_time_changed",
  "parts_arrived",
] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const TRANSPORTS = ["email", "sms", "webhook"] as const;
export type Transport = (typeof TRANSPORTS)[number];

/**
 * Staff messages that are the desk's to do (the board's Tasks panel): the no-show call and
 * the calls that replace a customer message (no consent or no address), the parts notice
 * among them, and the parts notice still owed at its deadline. The other staff messages
 * are notices (the supervisor's, a customer's own change) or belong to one appointment's
 * day (progress checks, the next visit), and the day's Messages panel shows them.
 * Trap: not "kinds ending in _task": only the no-show's does, and the calls were missing.
 */
export const DESK_TASK_KINDS = [
  "no_show_task",
  "car_ready_call",
  "follow_up_call",
  "parts_arrived_call",
  "parts_notice_overdue",
  "parts_on_cancelled",
] as const;
export type DeskTaskKind = (typeof DESK_TASK_KINDS)[number];

const DESK_TASKS: ReadonlySet<string> = new Set(DESK_TASK_KINDS);
/** A staff message of one of DESK_TASK_KINDS. */
export const isDeskTask = (kind: string): boolean => DESK_TASKS.has(kind);
