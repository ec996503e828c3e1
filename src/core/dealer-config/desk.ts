import { z } from "../../lib/zod.js";
import { Id } from "../primitives.js";
import { Absence, WeeklyHours } from "./hours.js";

// The service desk: its advisors, how many receptions each may take and how long a
// reception and a return last (DealerConfig.advisors, receptionRules, durations).

export const Advisor = z
  .object({
    id: Id,
    name: z.string().min(1).max(120), // one line: checked on a PUT (see DealerConfig's name)
    /** Defaults to the dealer's opening hours. */
    workingHours: WeeklyHours.optional(),
    absences: z.array(Absence).max(500).default([]),
  })
  .strict();
export type Advisor = z.infer<typeof Advisor>;

export const ReceptionRules = z
  .object({
    /** Receptions starting in any sliding 60-minute window, per advisor. */
    maxPerHour: z.number().int().min(1).max(12).default(3),
    /** Reception minutes overlapping any sliding 120-minute window, per advisor. */
    maxMinutesPer2h: z.number().int().min(15).max(120).default(90),
    /** A reception must start at least this long after "now". */
    minNoticeMinutes: z.number().int().min(0).max(10080).default(60),
    /** A slot is quiet when fewer than this share of working advisors are already receiving. */
    quietMaxDeskShare: z.number().min(0).max(1).default(0.5),
    /** How far ahead a booking may be made. */
    maxHorizonDays: z.number().int().min(1).max(730).default(365),
  })
  .strict();
export type ReceptionRules = z.infer<typeof ReceptionRules>;

export const DurationRules = z
  .object({
    newCustomerReceptionMinutes: z.union([z.literal(15), z.literal(30)]).default(30),
    courtesyCarReceptionMinutes: z.union([z.literal(15), z.literal(30)]).default(30),
    newCustomerReturnMinutes: z.number().int().min(10).max(15).default(15),
    courtesyCarReturnMinutes: z.number().int().min(10).max(15).default(15),
  })
  .strict();
export type DurationRules = z.infer<typeof DurationRules>;
