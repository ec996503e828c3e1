import { z } from "@hono/zod-openapi";
import { AvailabilityRequest, Mobility, OptionView, Vehicle } from "../contracts.js";

// POST /v1/dealers/{dealerId}/holds (issue 14). The job fields mean what they mean in the
// search (the held stay is computed from them); `customer` is the search's ({ known }):
// a hold stores no contact data.

export const HoldRequest = z
  .object({
    optionId: z.string().min(1).max(200),
    vehicle: Vehicle,
    interventions: AvailabilityRequest.shape.interventions,
    customer: AvailabilityRequest.shape.customer,
    mobility: Mobility.default("none"),
  })
  .strict()
  .openapi("HoldRequest");
export type HoldRequest = z.infer<typeof HoldRequest>;

export const HoldView = z
  .object({
    /** The capability: whoever has it may book (POST …/appointments with holdId) or release the hold. Shown once. */
    holdId: z.string(),
    /** ISO instant (UTC) when the hold stops counting. */
    expiresAt: z.string(),
    /** The held option (book it with its optionId and the holdId). */
    option: OptionView,
  })
  .openapi("Hold");
export type HoldView = z.infer<typeof HoldView>;

/** The holdId's shape: "h_" + 256 random bits, base64url. */
export const HoldId = z.string().regex(/^h_[A-Za-z0-9_-]{43}$/, "expected a holdId from POST …/holds");
