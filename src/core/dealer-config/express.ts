import { z } from "../../lib/zod.js";
import { Id, LocalTime } from "../primitives.js";

// The express lane (DealerConfig.express): which models are priority vehicles, and the
// receptions, workshop hours and courtesy cars held back for them (core/express.ts uses
// the reserve; the desk's part of it is core/reserve.ts).

export const ExpressConfig = z
  .object({
    /** Priority models (case-insensitive): an express appointment within one working day is guaranteed. */
    models: z.array(z.string().min(1).max(40)).max(50).default(["MC20"]),
    /** Receptions held per working day across the desk, per half-day. */
    reservedReceptions: z
      .object({
        morning: z.number().int().min(0).max(20).default(1),
        afternoon: z.number().int().min(0).max(20).default(1),
      })
      .strict()
      .default({ morning: 1, afternoon: 1 }),
    /** Workshop hours held per skill and day; a skill not named holds `defaultReservedHours`. */
    reservedWorkshopHours: z.record(Id, z.number().min(0).max(200)).default({}),
    defaultReservedHours: z.number().min(0).max(200).default(3),
    /** The reserve returns to the general pool at this local time on the previous working day. */
    releaseTime: LocalTime.default("16:00"),
    /** Courtesy cars only priority vehicles may take. */
    heldCourtesyCars: z.number().int().min(0).max(1000).default(1),
  })
  .strict();
export type ExpressConfig = z.infer<typeof ExpressConfig>;
