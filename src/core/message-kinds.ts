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
