import { z } from "@hono/zod-openapi";
import { PARTS_AMOUNT_LIMIT } from "../../core/parts-cap.js";

// The bodies and answers of the parts routes (staff): …/appointments/{id}/parts and
// …/parts/{partId}/{deposit,arrive,cancel}. Money is integer minor units of the dealer's
// parts currency (DealerConfig.parts.currency): the `…Cents` fields are cents of EUR, yen
// of JPY, fils (thousandths) of KWD (core/parts.ts minorDigits); no floats anywhere near a price.

export const PARTS_STATES = ["ordered", "arrived", "cancelled"] as const;

// Any amount is a safe integer here; the cap of the currency (core/parts-cap.ts, about
// €1,000,000 worth) is checked on the price where the dealer's currency is known (a 400
// naming priceCents and maxCents), and a deposit never exceeds the price.
const Cents = z.number().int().min(0).max(PARTS_AMOUNT_LIMIT);

export const PartsOrderRequest = z
  .object({
    description: z.string().trim().min(1).max(200),
    priceCents: Cents.min(1).openapi({
      description:
        "At most the currency's cap, about 1,000,000 euros' worth as a power of ten of its units: 100,000,000 cents of EUR, 100,000,000 JPY, 1,000,000,000 fils of KWD, 10,000,000,000 VND (400 naming maxCents)",
    }),
    /** Ordered for this car only (not from stock): with a price at or above the dealer's threshold, it needs a deposit. */
    specialOrder: z.boolean(),
    /** The deposit asked; unsaid: the rule's minimum (half the price, rounded up) or none. Never below the minimum, never above the price. */
    depositCents: Cents.optional(),
    /**
     * The currency the price was typed in (ISO 4217). When given it must be the dealer's
     * parts currency now: a page loaded before the dealer changed it is refused (400 naming
     * `currency`) instead of its amount being recorded in the other currency.
     */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "an ISO 4217 code in capitals, e.g. EUR")
      .optional(),
  })
  .strict()
  .openapi("PartsOrderRequest");
export type PartsOrderRequest = z.infer<typeof PartsOrderRequest>;

export const DepositPayment = z
  .object({ amountCents: Cents.min(1) })
  .strict()
  .openapi("DepositPayment");
export type DepositPayment = z.infer<typeof DepositPayment>;

/** The empty body of arrive and cancel (unknown fields are still refused). */
export const PartsActionRequest = z.object({}).strict().openapi("PartsActionRequest");
export type PartsActionRequest = z.infer<typeof PartsActionRequest>;

export const PartsOrderView = z
  .object({
    id: z.string(),
    appointmentId: z.string(),
    description: z.string(),
    priceCents: z.number().int(),
    currency: z.string(),
    specialOrder: z.boolean(),
    status: z.enum(PARTS_STATES),
    depositRequiredCents: z.number().int(),
    depositPaidCents: z.number().int(),
    /** Still owed of the deposit asked (0 when paid or none asked). */
    depositDueCents: z.number().int(),
    /** When staff marked it arrived (UTC), else null. */
    arrivedAt: z.string().nullable(),
    /** The customer must be told by then: 1 business day after arrival (dealer's local time, with offset). */
    customerNoticeDueBy: z.string().nullable(),
    /** What the arrival did about telling the customer: "sent:sms", "staff:service_desk" (a call task), … */
    customerNotice: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("PartsOrder");
export type PartsOrderView = z.infer<typeof PartsOrderView>;

export const PartsOrderList = z
  .object({
    appointmentId: z.string(),
    /** The appointment's version: If-Match for the next parts write. */
    version: z.number().int(),
    parts: z.array(PartsOrderView),
  })
  .openapi("PartsOrderList");
export type PartsOrderList = z.infer<typeof PartsOrderList>;

/** A parts write's answer: the order as it is now and the appointment's version (also the ETag). */
export const PartsOrderChange = z
  .object({
    appointmentId: z.string(),
    version: z.number().int(),
    order: PartsOrderView,
  })
  .openapi("PartsOrderChange");
export type PartsOrderChange = z.infer<typeof PartsOrderChange>;
