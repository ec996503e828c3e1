import type { Ctx } from "../context.js";
import type { TickResult } from "./contracts.js";
import type { Journey } from "./service.js";

// POST /v1/admin/tick: one journey tick now (the background interval's work), as of the
// request's clock or a later instant the caller names (demos with SCHEDULER_NOW frozen).

/** The request's Ctx with the journey's engine: named here, not in Ctx, so context.ts imports nothing of the journey (no import loop). */
export type JourneyCtx = Ctx & { journey: Journey };

export async function tickNow(ctx: JourneyCtx, input: { now?: string; deliver?: boolean }): Promise<TickResult> {
  const nowMs = input.now ? Date.parse(input.now) : ctx.nowMs;
  const r = await ctx.journey.tick(nowMs, { deliver: input.deliver });
  return {
    now: new Date(nowMs).toISOString(),
    jobs: r.jobs.ran.map((j) => ({ ...j, dueAt: new Date(j.dueAt).toISOString() })),
    failedJobs: r.jobs.failed,
    deliveries: {
      delivered: r.deliveries.delivered.length,
      retried: r.deliveries.retried.length,
      failed: r.deliveries.failed.length,
      rateLimited: r.deliveries.rateLimited.length,
    },
  };
}
