import { createRoute } from "@hono/zod-openapi";
import { adminOnly, bearerSecurity } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { TickRequest, TickResult } from "../../scheduler/journey/contracts.js";
import type { Journey } from "../../scheduler/journey/service.js";

export const tickRoute = createRoute({
  method: "post",
  path: "/v1/admin/tick",
  tags: ["ops"],
  summary: "Run due timers and deliver due messages now (bootstrap admin token only)",
  description: "For demos and black-box tests with SCHEDULER_NOW frozen: `now` processes as of a later instant. The background interval does the same every few seconds.",
  security: bearerSecurity,
  request: { body: { required: false, content: { "application/json": { schema: TickRequest } } } },
  responses: {
    200: { description: "What ran and what was delivered", content: { "application/json": { schema: TickResult } } },
    ...problemResponses("unauthorized", "forbidden"),
  },
});

export function registerTick(app: ApiApp, deps: AppDeps, journey: Journey): void {
  app.openapi({ ...tickRoute, middleware: [adminOnly(deps)] as const }, async (c) => {
    const body = c.req.valid("json") ?? { deliver: true };
    const nowMs = body.now ? Date.parse(body.now) : deps.now();
    const r = await journey.tick(nowMs, { deliver: body.deliver });
    return c.json(
      {
        now: new Date(nowMs).toISOString(),
        jobs: r.jobs.ran.map((j) => ({ ...j, dueAt: new Date(j.dueAt).toISOString() })),
        failedJobs: r.jobs.failed,
        deliveries: { delivered: r.deliveries.delivered.length, retried: r.deliveries.retried.length, failed: r.deliveries.failed.length },
      },
      200,
    );
  });
}
