import { z } from "../../lib/zod.js";
import { DateTimeInput, TimeRanges } from "../primitives.js";

// When people work (DealerConfig.openingHours, an advisor's workingHours, a technician's
// hours) and when they do not (absences): the week, day by day, in local times.

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WeeklyHours = z
  .object({
    mon: TimeRanges.default([]),
    tue: TimeRanges.default([]),
    wed: TimeRanges.default([]),
    thu: TimeRanges.default([]),
    fri: TimeRanges.default([]),
    sat: TimeRanges.default([]),
    sun: TimeRanges.default([]),
  })
  .strict();
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const DEFAULT_OPENING: WeeklyHours = {
  mon: [["08:00", "18:00"]],
  tue: [["08:00", "18:00"]],
  wed: [["08:00", "18:00"]],
  thu: [["08:00", "18:00"]],
  fri: [["08:00", "18:00"]],
  sat: [["09:00", "12:30"]],
  sun: [],
};

export const Absence = z
  .object({ start: DateTimeInput, end: DateTimeInput, reason: z.string().max(200).optional() })
  .strict();
export type Absence = z.infer<typeof Absence>;
