import { z } from "@hono/zod-openapi";
import { AppointmentView, OptionView, SlotView } from "../contracts.js";
import { RESHUFFLE_KINDS } from "./contracts.js";

// The plan every reshuffle returns (dry run and apply alike): the moves with the version
// each expects, the customers to call with their options, who to notify, and the token
// an apply must present.

export const ViolationView = z
  .object({
    code: z.string(),
    message: z.string(),
    /** The same sentence in Italian (the advisors' Italian page shows it). */
    texts: z.object({ it: z.string() }).optional(),
  })
  .openapi("Violation");

/**
 * A return or none. A union, not SlotView.nullable(): for a named schema zod-to-openapi
 * writes that as allOf [Slot, object|null], which no null satisfies (the document then
 * refused every placement without a return).
 */
const ReturnSlot = z.union([SlotView, z.null()]);

/** `express`: an express appointment moved out of the express window is an ordinary one from then on. */
const Placement = z.object({ reception: SlotView, return: ReturnSlot, readyAt: z.string(), express: z.boolean() });

export const MoveView = z
  .object({
    appointmentId: z.string(),
    /** The version the plan expects; apply refuses with 412 when it is no longer current. */
    version: z.number().int(),
    /** Set once applied. */
    newVersion: z.number().int().optional(),
    from: Placement,
    to: Placement,
    timeChanged: z.boolean(),
    returnTimeChanged: z.boolean(),
    advisorChanged: z.boolean(),
    notifyCustomer: z.boolean(),
    forced: z.boolean(),
    overridden: z.array(z.string()),
    shiftMinutes: z.number().int(),
  })
  .openapi("ReshuffleMove");
export type MoveView = z.infer<typeof MoveView>;

export const ContactView = z
  .object({
    appointmentId: z.string(),
    version: z.number().int(),
    reason: z.string(),
    violations: z.array(ViolationView),
    options: z.array(OptionView),
  })
  .openapi("ReshuffleContact");
export type ContactView = z.infer<typeof ContactView>;

export const ReshufflePlan = z
  .object({
    kind: z.enum(RESHUFFLE_KINDS),
    mode: z.enum(["plan", "applied"]),
    dealerId: z.string(),
    moves: z.array(MoveView),
    contact: z.array(ContactView),
    /** Appointments whose customer must be told of a new time. */
    notify: z.array(z.string()),
    summary: z.object({
      moves: z.number().int(),
      timeChanges: z.number().int(),
      shiftMinutes: z.number().int(),
      advisorChanges: z.number().int(),
      contact: z.number().int(),
    }),
    planToken: z.string(),
    absence: z
      .object({ advisorId: z.string(), start: z.string(), end: z.string(), reason: z.string().optional() })
      .optional(),
    late: z
      .object({ appointmentId: z.string(), requestedMinutes: z.number().int(), shiftMinutes: z.number().int() })
      .optional(),
    walkIn: z
      .object({
        reception: SlotView,
        return: ReturnSlot,
        readyAt: z.string(),
        forced: z.boolean(),
        overridden: z.array(z.string()),
      })
      .optional(),
    /** Walk-in, applied: the new appointment (its manage token is the top-level manageToken). */
    created: AppointmentView.optional(),
    manageToken: z.string().optional(),
  })
  .openapi("ReshufflePlan");
export type ReshufflePlan = z.infer<typeof ReshufflePlan>;
