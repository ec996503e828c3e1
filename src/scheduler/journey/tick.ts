import type { Ctx } from "../context.js";
import type { TickResult } from "./contracts.js";

// POST /v1/admin/tick: one journey tick now (the background interval's work), as of the
// request's clock or a later instant the caller names (demos with SCHEDULER_NOW frozen).

export async function tickNow(ctx: Ctx, input: { now?: string; deliver?: boolean }): Promise<TickResult> {
  const nowMs = input.now ? Date.parse(input.now) : ctx.nowMs;
  const r = await ctx.journey.tick(nowMs, { deliver: input.deliver });
  return {
    now: new Date(nowMs).toISOString(),
    jobs: r.jobs.ran.map((j) => ({ ...j, dueAt: new Date(j.dueAt).toISOString() })),
    failedJobs: r.jobs.failed,
    deliveries: { delivered: r.deliveries.delivered.length, retried: r.deliveries.retried.length, failed: r.deliveries.failed.length },
  };
}
