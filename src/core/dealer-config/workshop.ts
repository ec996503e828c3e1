import { z } from "../../lib/zod.js";
import { Id, LocalDate } from "../primitives.js";
import { Absence, WeeklyHours } from "./hours.js";

// The workshop (DealerConfig.workshop, workshopRules): per skill, how much labour a day
// holds, either as identical technicians or as a roster of named ones, and how a car
// moves through it around its labour.

export const SkillCapacity = z
  .object({
    technicians: z.number().int().min(0).max(500),
    hoursPerDay: z.number().min(0).max(24),
    /**
     * What the desk calls the identical technicians, in order (the advisors' page lists
     * them by name); one past the list is "<skill> <k>". Names only: the capacity is the count.
     */
    names: z.array(z.string().min(1).max(120)).max(500).optional(),
    /** Per-date overrides, e.g. a technician on holiday. */
    overrides: z
      .record(
        LocalDate,
        z
          .object({
            technicians: z.number().int().min(0).max(500).optional(),
            hoursPerDay: z.number().min(0).max(24).optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();
export type SkillCapacity = z.infer<typeof SkillCapacity>;

/**
 * One named technician. Listed under a skill of `workshop`; `skills` names the other
 * skills the technician also works (the listing skill is always included). A technician
 * with several skills is listed once: ids are unique across the whole workshop.
 */
export const Technician = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    skills: z.array(Id).max(20).default([]),
    /** Defaults to the dealer's opening hours; never worked on a closed day. */
    hours: WeeklyHours.optional(),
    absences: z.array(Absence).max(500).default([]),
  })
  .strict();
export type Technician = z.infer<typeof Technician>;

/** A skill's workshop: identical technicians × productive hours (the original form), or a roster. */
export const SkillWorkshop = z.union([SkillCapacity, z.array(Technician).max(200)]);
export type SkillWorkshop = z.infer<typeof SkillWorkshop>;

/** How a car moves through the workshop around its labour. */
export const WorkshopRules = z
  .object({
    /** From reception end to the first minute of labour (the car reaches the workshop). */
    handoverMinutes: z.number().int().min(0).max(240).default(15),
    /** From labour end to ready (road test, wash, paperwork); the ready time then rounds up to the quarter hour. */
    qualityCheckMinutes: z.number().int().min(0).max(240).default(15),
  })
  .strict();
export type WorkshopRules = z.infer<typeof WorkshopRules>;

export const DEFAULT_WORKSHOP = {
  mechanical: { technicians: 4, hoursPerDay: 7, overrides: {} },
  diagnosis: { technicians: 1, hoursPerDay: 7, overrides: {} },
  bodywork: { technicians: 2, hoursPerDay: 7, overrides: {} },
};
