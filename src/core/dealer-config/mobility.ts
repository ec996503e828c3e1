import { z } from "../../lib/zod.js";

// How a customer gets about while the car is in (DealerConfig.mobility): what the dealer
// offers and how much of it; core/mobility.ts counts it against the bookings.

export const MobilityConfig = z
  .object({
    /** Courtesy cars (loaners); a car is out from reception to return, across days. */
    courtesyCars: z.number().int().min(0).max(1000).default(2),
    /** Driver runs per half-day; a job uses a pickup (reception half-day) and a delivery (return half-day). */
    pickupDelivery: z.number().int().min(0).max(1000).default(1),
    taxi: z.boolean().default(true),
    rental: z.boolean().default(false),
    /** false: no shuttle; true: unlimited seats; { seatsPerDeparture }: one departure per half-day. */
    shuttle: z
      .union([z.boolean(), z.object({ seatsPerDeparture: z.number().int().min(1).max(100) }).strict()])
      .default(false),
  })
  .strict();
export type MobilityConfig = z.infer<typeof MobilityConfig>;
