import { z } from "@hono/zod-openapi";
import { PartsOrderView } from "./parts/contracts.js";
import { MOBILITY } from "../core/types.js";
import { FIELD_MAX } from "../core/field-limits.js";
import { DateTimeInput, Id, LocalDate, oneLine } from "../core/primitives.js";
import { STATUSES } from "../core/status.js";

// The HTTP contract's bodies (../shared/api-contract.md), one zod schema per shape,
// shared by validation, the domain verbs' input types and the OpenAPI document.

export const Mobility = z.enum(MOBILITY).openapi("Mobility");
export type Mobility = z.infer<typeof Mobility>;

export const Vin = z
  .string()
  .regex(/^[A-HJ-NPR-Za-hj-npr-z0-9]{17}$/, "expected a VIN: 17 letters and digits, without I, O or Q")
  .openapi("Vin", { example: "ZN6XXXXXXXX000001" });

export const Vehicle = z
  .object({
    model: oneLine(1, FIELD_MAX.model),
    /** 17 characters, letters and digits but never I, O or Q (ISO 3779). */
    vin: Vin.optional(),
    plate: oneLine(0, FIELD_MAX.plate).optional(),
    electrified: z.boolean().optional(),
    /** Local date of the next scheduled maintenance: drives the service reminder. */
    nextServiceDue: LocalDate.optional(),
  })
  .strict()
  .openapi("Vehicle");
export type Vehicle = z.infer<typeof Vehicle>;

const Interventions = z.array(Id).min(1).max(10);

export const AvailabilityRequest = z
  .object({
    vehicle: Vehicle.optional(),
    interventions: Interventions,
    /** known: "I have been here before"; unsaid = a new customer (scheduler/trust.ts). */
    customer: z.object({ known: z.boolean().optional() }).strict().default({}),
    mobility: Mobility.default("none"),
    /** Local date in the dealer's zone; defaults to today there. */
    from: LocalDate.optional(),
    days: z.number().int().min(1).max(60).default(14),
    /** Never below 2: a customer always gets a real choice. */
    count: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(3)
      .transform((n) => Math.max(2, n)),
    preferredAdvisorId: Id.optional(),
    dayPart: z.enum(["morning", "afternoon"]).optional(),
  })
  .strict()
  .openapi("AvailabilityRequest");
export type AvailabilityRequest = z.infer<typeof AvailabilityRequest>;

export const SlotView = z
  .object({ start: z.string(), end: z.string(), advisorId: z.string(), minutes: z.number().int() })
  .openapi("Slot");
export type SlotView = z.infer<typeof SlotView>;

export const OptionView = z
  .object({
    optionId: z.string(),
    start: z.string(),
    end: z.string(),
    advisorId: z.string(),
    advisorName: z.string(),
    receptionMinutes: z.number().int(),
    readyAt: z.string(),
    return: z.union([SlotView, z.null()]),
    quiet: z.boolean(),
    express: z.boolean(),
    /** An express option past the buffer caps: the advisor sees it flagged. */
    overridesCaps: z.boolean(),
    mobility: Mobility,
  })
  .openapi("Option");
export type OptionView = z.infer<typeof OptionView>;

export const Shortfall = z
  .object({ code: z.literal("insufficient_capacity"), detail: z.string() })
  .openapi("Shortfall");

export const AvailabilityResponse = z
  .object({
    dealerId: z.string(),
    timeZone: z.string(),
    from: z.string(),
    days: z.number().int(),
    options: z.array(OptionView),
    shortfall: Shortfall.optional(),
    /** Set when the engine changed the requested mobility (priority vehicles), with the reason. */
    mobilityNote: z.string().optional(),
    /** Set when a priority model was named without a credential or a VIN on file: ordinary options, the dealer confirms priority. */
    priorityNote: z.string().optional(),
  })
  .openapi("AvailabilityResponse");
export type AvailabilityResponse = z.infer<typeof AvailabilityResponse>;

export const PERSONAS = ["unique", "performance", "appearance", "excitement"] as const;
export const Persona = z.enum(PERSONAS).openapi("Persona");
export type Persona = z.infer<typeof Persona>;

export const Customer = z
  .object({
    /** "I have been here before": picks the shorter reception only; unsaid = new. */
    known: z.boolean().optional(),
    name: oneLine(1, FIELD_MAX.name),
    email: z.string().email().max(FIELD_MAX.email).optional(),
    phone: z
      .string()
      .regex(new RegExp(`^\\+?[0-9 ()-]{5,${FIELD_MAX.phone - 1}}$`), "expected a phone number")
      .optional(),
    /**
     * channel: how they want to be reminded. Unsaid: by text message when a phone is
     * given, else by email (and a stored customer keeps the channel they chose before).
     * A channel needs its address in the same body (see the refinement below).
     */
    reminders: z
      .object({
        consent: z.boolean(),
        channel: z.enum(["email", "sms", "phone"]).optional().openapi({
          description:
            "With consent, needs its address in the same body (sms and phone: customer.phone; email: customer.email), else 400. Unsaid: by text message when a phone is given, else by email; a stored customer keeps the channel they chose before.",
        }),
      })
      .strict()
      .optional(),
    /** Language for messages; default the dealer's. */
    locale: z.enum(["it", "en"]).optional(),
    /** From the CRM; or give personaAnswers and the booking assesses it. */
    persona: Persona.optional(),
    /** 0-5: how much exclusivity, driving performance, looks, and emotion matter to them. */
    personaAnswers: z
      .object({
        unique: z.number().int().min(0).max(5),
        performance: z.number().int().min(0).max(5),
        appearance: z.number().int().min(0).max(5),
        excitement: z.number().int().min(0).max(5),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    // Reminders promised on a channel we have no address for would reach nobody, or
    // silently go elsewhere: say so now, while the caller can still add it.
    const channel = c.reminders?.consent ? c.reminders.channel : undefined;
    const needs = channel === "email" ? "email" : channel ? "phone" : null;
    if (needs && !c[needs])
      ctx.addIssue({
        code: "custom",
        path: ["reminders", "channel"],
        message: `reminders by ${channel === "sms" ? "text message" : channel === "phone" ? "phone call" : "email"} need customer.${needs}`,
      });
  })
  .openapi("Customer");
export type Customer = z.infer<typeof Customer>;

export const CHANNELS = ["app", "web", "phone", "walk_in", "staff"] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const ServiceContract = z
  .object({ id: z.string().max(60).optional(), name: z.string().min(1).max(120), validUntil: LocalDate.optional() })
  .strict()
  .openapi("ServiceContract");

export const BookingFile = z
  .object({
    questionnaire: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string() })),
    campaigns: z.array(z.object({ code: z.string(), title: z.string(), kind: z.string() })),
    /** As booked; `declaredBy` "customer" when a public caller said so (not checked by the desk). Files from before carry none. */
    serviceContract: z.union([
      ServiceContract.extend({ declaredBy: z.enum(["customer", "staff"]).optional() }),
      z.null(),
    ]),
    attendance: z.enum(["supervisor", "technician"]).nullable(),
  })
  .openapi("BookingFile");
export type BookingFile = z.infer<typeof BookingFile>;

export const BookingRequest = z
  .object({
    optionId: z.string().min(1).max(200).optional(),
    start: DateTimeInput.optional(),
    advisorId: Id.optional(),
    vehicle: Vehicle,
    interventions: Interventions,
    customer: Customer,
    mobility: Mobility.default("none"),
    /** The customer's words, stored verbatim. */
    request: z.string().max(FIELD_MAX.request).optional(),
    /** Follows the credential (scheduler/trust.ts): anonymous web|app (default web), a client key its own, staff as sent (default staff). */
    channel: Channel.optional(),
    /** Pre-diagnosis answers by question id (the dealer's questionnaire), for technical problems. */
    questionnaire: z.record(Id, z.string().max(FIELD_MAX.answer)).optional(),
    serviceContract: ServiceContract.optional(),
    /** Who attends reception besides the advisor; shown in the appointment title. The desk's call: anonymous → 400 (trust.ts). */
    attendance: z.enum(["supervisor", "technician"]).optional(),
    /** A live hold on this optionId's slot (POST …/holds): the booking consumes it. */
    holdId: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((b) => b.optionId !== undefined || b.start !== undefined, {
    message: "name the slot with optionId, or with start (and optionally advisorId)",
    path: ["optionId"],
  })
  .openapi("BookingRequest");
export type BookingRequest = z.infer<typeof BookingRequest>;

export const Status = z.enum(STATUSES).openapi("Status");
export type Status = z.infer<typeof Status>;

export const ContactView = z
  .object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
  .openapi("Contact");
export type ContactView = z.infer<typeof ContactView>;

/** The car as staff name an appointment by: model and plate (null when none was given); not the VIN. */
export const BoardVehicle = z.object({ model: z.string(), plate: z.string().nullable() });
export type BoardVehicle = z.infer<typeof BoardVehicle>;

export const MATCH_BY = ["email", "phone", "vin"] as const;
export const PossibleMatch = z
  .object({
    customerId: z.string(),
    /** The stored customer as the dealer knows them (not as the booking said). */
    customer: ContactView,
    vehicleId: z.string().nullable(),
    by: z.array(z.enum(MATCH_BY)),
  })
  .openapi("PossibleMatch");
export type PossibleMatch = z.infer<typeof PossibleMatch>;

export const AppointmentView = z
  .object({
    id: z.string(),
    dealerId: z.string(),
    status: Status,
    version: z.number().int(),
    manageToken: z.string().optional(),
    reception: SlotView,
    return: z.union([SlotView, z.null()]),
    readyAt: z.string(),
    express: z.boolean(),
    forced: z.boolean(),
    mobility: Mobility,
    interventions: z.array(z.string()),
    vehicle: Vehicle,
    channel: z.string().nullable(),
    request: z.string().nullable(),
    recap: z.object({
      date: z.string(),
      time: z.string(),
      reason: z.string(),
      greeter: z.string(),
      parking: z.string(),
      address: z.string(),
      bring: z.array(z.string()),
      mobility: Mobility,
    }),
    /** e.g. "Maintenance · Grecale AB123CD · supervisor attends reception". */
    title: z.string(),
    /** The booking file; absent on appointments booked before it existed. */
    file: BookingFile.optional(),
    /** Whether the booking was granted priority (from the caller's credential or the VIN on file). */
    priority: z.boolean().optional(),
    /** Set when a priority model was named but not believed: the dealer will confirm priority. */
    priorityNote: z.string().optional(),
    /**
     * The booking's answer only (201 and its replays): set when the mobility asked for was
     * replaced (a priority vehicle gets a courtesy car or pickup & delivery), in the
     * availability answer's words.
     */
    mobilityNote: z.string().optional(),
    /** Staff views only: the contact this appointment was booked with. */
    customer: ContactView.optional(),
    /** Staff views only: a stored customer an anonymous booking's contact or VIN matched. */
    possibleMatch: z.union([PossibleMatch, z.null()]).optional(),
    /** Staff view (GET …/appointments/{id}) only: the parts ordered for it, oldest first. */
    parts: z.array(PartsOrderView).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Appointment");
export type AppointmentView = z.infer<typeof AppointmentView>;

export const MoveRequest = z
  .object({
    reception: z.object({ start: DateTimeInput.optional(), advisorId: Id.optional() }).strict().optional(),
    return: z
      .object({
        start: DateTimeInput.optional(),
        advisorId: Id.optional(),
        minutes: z.number().int().min(10).max(15).optional(),
      })
      .strict()
      .optional(),
    force: z.boolean().default(false),
    reason: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((m) => !m.force || m.reason !== undefined, { message: "force needs a reason", path: ["reason"] })
  .openapi("MoveRequest");
export type MoveRequest = z.infer<typeof MoveRequest>;

export const RescheduleRequest = z
  .object({
    optionId: z.string().min(1).max(200).optional(),
    start: DateTimeInput.optional(),
    advisorId: Id.optional(),
    reason: z.string().min(1).max(500).optional(),
  })
  .strict()
  .refine((b) => (b.optionId === undefined) !== (b.start === undefined), {
    message: "name the new slot with optionId, or with start (and optionally advisorId)",
    path: ["optionId"],
  })
  .openapi("RescheduleRequest");
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;

export const ActionRequest = z
  .object({ reason: z.string().min(1).max(500).optional() })
  .strict()
  .openapi("ActionRequest");
export type ActionRequest = z.infer<typeof ActionRequest>;

export { ACTIONS, type Action } from "../core/status.js";
