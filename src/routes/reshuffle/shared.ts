import { z } from "@hono/zod-openapi";
import { problemResponses, ProblemSchema } from "../../api/openapi.js";
import { ReshufflePlan } from "../../scheduler/reshuffle/plan-schema.js";

// What the four reshuffle routes (swap, absence, walk-in, late) share: the plan response
// and the refusals (an outcome goes out by routes/outcome.ts).

export const RESHUFFLE_DESCRIPTION =
  'mode "plan" (default) is a dry run: the plan, nothing stored. mode "apply" commits it in one transaction, ' +
  "given the dry run's planToken (or expectedVersions, or the plan's moves themselves); a plan computed on data " +
  "that changed since is refused with 412 version_conflict (the body carries the plan as it would be now). " +
  "Every refusal lists each broken rule (violations, per appointment) and the nearest valid alternatives. " +
  "Idempotency-Key is honoured on apply.";

const Refusal = ProblemSchema.extend({
  violations: z
    .array(
      z.object({
        appointmentId: z.string().optional(),
        code: z.string(),
        message: z.string(),
        texts: z.object({ it: z.string() }).optional(),
      }),
    )
    .optional(),
  alternatives: z.array(z.unknown()).optional(),
});

export const reshuffleResponses = {
  200: {
    description: "The plan (dry run) or the applied plan, with each move's new version",
    content: { "application/json": { schema: ReshufflePlan } },
  },
  409: {
    description: "rule_violation / slot_unavailable: the broken rules and the nearest alternatives; invalid_transition",
    content: { "application/problem+json": { schema: Refusal } },
  },
  ...problemResponses("not_found", "version_conflict", "precondition_required"),
};
