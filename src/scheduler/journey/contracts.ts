import { z } from "@hono/zod-openapi";
import { STATUSES } from "../../core/status.js";
import { LocalDate } from "../../core/primitives.js";
import { BoardVehicle } from "../contracts.js";

// HTTP shapes of the journey's endpoints (messages, overdue requests, reports, tick).

export const MessageView = z
  .object({
    id: z
      .string()
      .openapi({ description: "Also the webhook-id header the webhook receives (the same on every retry)" }),
    kind: z.string(),
    audience: z.enum(["customer", "staff"]),
    channel: z.enum(["email", "sms", "phone", "staff"]),
    locale: z.string(),
    appointmentId: z.string().nullable(),
    /** "customer:<id>" or a staff role; never an address. */
    recipient: z.string().nullable(),
    subject: z.string(),
    status: z.enum(["pending", "delivered", "failed", "suppressed", "withdrawn"]),
    transport: z.enum(["webhook", "email", "sms"]).openapi({
      description: "How it leaves Pitlane: the dealer's webhook, email over SMTP, or SMS through the provider",
    }),
    delivery: z.enum(["queued", "sent", "failed", "suppressed", "withdrawn"]).openapi({
      description:
        "Delivery state for staff: queued (waiting, maybe for the SMS window), sent, failed (see reason), suppressed (see reason)",
    }),
    reason: z.string().nullable().openapi({
      description:
        "failed: the last error; suppressed: consent | stop | no_address; withdrawn: why it was taken back; queued: window (waits for the SMS window) or the last error before a retry",
    }),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    bookings: z.array(z.string()).nullable().openapi({
      description:
        "A notice about several bookings (the supervisor's notice of bookings committed together): their appointment ids, in order; null for any other message",
    }),
    appointment: z
      .object({
        /** When its reception is (dealer-local, with offset): the day a task sends the desk to. */
        receptionStart: z.string(),
        /** The name only: the list names whom a task is about; the appointment's own read has the contact. */
        customer: z.object({ name: z.string() }),
        vehicle: BoardVehicle,
        /** Its status now: a cancelled appointment is on no day's board, so a task about it opens none. */
        status: z.enum(STATUSES),
      })
      .nullable()
      .openapi({
        description:
          "The appointment it is about, as staff know it: the task names whom to call and opens its day; null when none (or it is gone)",
      }),
  })
  .openapi("Message");
export type MessageView = z.infer<typeof MessageView>;

export const MessageList = z.object({ dealerId: z.string(), messages: z.array(MessageView) }).openapi("MessageList");
export type MessageList = z.infer<typeof MessageList>;

export const MessageQuery = z.object({
  appointmentId: z
    .string()
    .max(64)
    .optional()
    .openapi({
      param: { in: "query" },
      description:
        "Messages about this appointment: its own, and a group's notice to the supervisor with a line for it",
    }),
  status: z
    .enum(["pending", "delivered", "failed", "suppressed", "withdrawn"])
    .optional()
    .openapi({ param: { in: "query" } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .openapi({ param: { in: "query" } }),
});

export const OverdueList = z
  .object({
    dealerId: z.string(),
    appointments: z.array(
      z.object({
        id: z.string(),
        channel: z.string().nullable(),
        requestedAt: z.string(),
        dueBy: z.string(),
        overdueMinutes: z.number().int(),
        reception: z.string(),
      }),
    ),
  })
  .openapi("OverdueRequests");
export type OverdueList = z.infer<typeof OverdueList>;

export const ReportQuery = z.object({
  period: z
    .enum(["day", "week", "month"])
    .default("day")
    .openapi({ param: { in: "query" } }),
  date: LocalDate.optional().openapi({
    param: { in: "query" },
    description: "Any date in the period; default today (dealer's zone)",
  }),
  format: z
    .enum(["json", "csv"])
    .default("json")
    .openapi({ param: { in: "query" } }),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

const Share = z.object({ numerator: z.number().int(), denominator: z.number().int(), share: z.number().nullable() });

export const ReportView = z
  .object({
    dealerId: z.string(),
    period: z.enum(["day", "week", "month"]),
    from: z.string(),
    to: z.string(),
    bookingsByChannel: z.record(z.string(), z.number().int()),
    bookings: z.number().int(),
    confirmedWithin24h: Share,
    noShowRate: Share,
    expressWithinOneDay: Share,
    quietHourShare: Share,
    advisorUtilisation: Share.openapi({ description: "Reception and return minutes / advisor minutes on duty" }),
    workshopUtilisation: Share.openapi({ description: "Booked labour minutes / workshop capacity minutes" }),
    courtesyCarUtilisation: Share.openapi({ description: "Car-minutes out / (cars × period minutes)" }),
  })
  .openapi("Report");
export type ReportView = z.infer<typeof ReportView>;

export const TickRequest = z
  .object({
    now: z
      .string()
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "Process as of this instant (default: the server clock)" }),
    deliver: z.boolean().default(true),
  })
  .strict()
  .openapi("TickRequest");

export const TickResult = z
  .object({
    now: z.string(),
    jobs: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        appointmentId: z.string().nullable(),
        dueAt: z.string(),
        outcome: z.string(),
      }),
    ),
    failedJobs: z.number().int(),
    deliveries: z.object({
      delivered: z.number().int(),
      retried: z.number().int(),
      failed: z.number().int(),
      /** Held back without using an attempt: their provider asked to wait. */
      rateLimited: z.number().int(),
    }),
  })
  .openapi("TickResult");
export type TickResult = z.infer<typeof TickResult>;
