import { z } from "@hono/zod-openapi";
import { DateTimeInput, Id } from "../../core/primitives.js";
import { Customer, Mobility, Vehicle } from "../contracts.js";

// The reshuffle API's bodies (staff): swap, absence, walk-in, late. Each has a dry run
// (mode "plan", the default) that returns the plan, and an apply (mode "apply") that
// commits it atomically, guarded by the plan's token or the expected versions.

export const RESHUFFLE_KINDS = ["swap", "absence", "walk_in", "late", "config"] as const;
export type ReshuffleKind = (typeof RESHUFFLE_KINDS)[number];

const AppointmentId = z.string().min(1).max(64);

/** A move as the client sends it back (the plan's own move objects are accepted as they are). */
export const ExplicitMove = z.object({
  appointmentId: AppointmentId,
  version: z.number().int().min(1),
  to: z.object({
    reception: z.object({ start: DateTimeInput, advisorId: Id }),
    return: z
      .object({ start: DateTimeInput, advisorId: Id, minutes: z.number().int().min(10).max(15) })
      .nullable()
      .optional(),
  }),
  forced: z.boolean().default(false),
});
export type ExplicitMove = z.infer<typeof ExplicitMove>;

const ApplyFields = {
  mode: z
    .enum(["plan", "apply"])
    .default("plan")
    .openapi({ description: "plan: dry run, nothing stored; apply: commit atomically" }),
  planToken: z
    .string()
    .min(1)
    .max(16000)
    .optional()
    .openapi({ description: "From the dry run: apply refuses with 412 when anything it planned on has changed" }),
  expectedVersions: z
    .record(AppointmentId, z.number().int().min(1))
    .optional()
    .openapi({ description: "Version per appointment the plan may touch (instead of planToken)" }),
  plan: z
    .object({ moves: z.array(ExplicitMove).min(1).max(400) })
    .optional()
    .openapi({
      description: "Apply exactly these moves (e.g. the dry run's, edited): each is re-checked, all or nothing",
    }),
};

/** A reshuffle body that can be applied: its own fields and the apply guard, nothing else. */
const applicable = <S extends z.ZodRawShape>(shape: S) => z.object({ ...shape, ...ApplyFields }).strict();

/** Explicit moves (plan) are read only with mode "apply"; checked after the body's own rules. */
const guarded = <T extends z.ZodType<{ mode: string; plan?: unknown }>>(body: T, name: string) =>
  body
    .refine((b) => b.mode === "apply" || b.plan === undefined, {
      message: 'plan (explicit moves) is only read with mode "apply"',
      path: ["plan"],
    })
    .openapi(name);

export const SwapRequest = guarded(
  applicable({
    appointmentIds: z.tuple([AppointmentId, AppointmentId]),
    /** slot: time and advisor; time: only the times; advisor: only the advisors. */
    exchange: z.enum(["slot", "time", "advisor"]).default("slot"),
    reason: z.string().min(1).max(500).optional(),
  }).refine((b) => b.appointmentIds[0] !== b.appointmentIds[1], {
    message: "name two different appointments",
    path: ["appointmentIds"],
  }),
  "SwapRequest",
);
export type SwapRequest = z.infer<typeof SwapRequest>;

export const AbsenceRequest = guarded(
  applicable({
    advisorId: Id,
    start: DateTimeInput,
    end: DateTimeInput,
    reason: z.string().min(1).max(200).optional(),
  }),
  "AbsenceRequest",
);
export type AbsenceRequest = z.infer<typeof AbsenceRequest>;

export const WalkInRequest = z
  .object({
    vehicle: Vehicle,
    interventions: z.array(Id).min(1).max(10),
    customer: Customer,
    mobility: Mobility.default("none"),
    request: z.string().max(2000).optional(),
    /** Preferred advisor; any advisor otherwise. */
    advisorId: Id.optional(),
    reason: z.string().min(1).max(500).optional(),
    mode: ApplyFields.mode,
    planToken: ApplyFields.planToken,
  })
  .strict()
  .openapi("WalkInRequest");
export type WalkInRequest = z.infer<typeof WalkInRequest>;

export const LateRequest = guarded(
  applicable({
    appointmentId: AppointmentId,
    /** Delay (late customer) or overrun; rounded up to the quarter hour. */
    minutes: z.number().int().min(1).max(480),
    reason: z.string().min(1).max(500).optional(),
  }),
  "LateRequest",
);
export type LateRequest = z.infer<typeof LateRequest>;

/** What every reshuffle request shares (the guard of an apply). */
export interface ApplyGuard {
  mode: "plan" | "apply";
  planToken?: string;
  expectedVersions?: Record<string, number>;
  plan?: { moves: ExplicitMove[] };
  reason?: string;
}
