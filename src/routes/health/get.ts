import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";

export const healthRoute = createRoute({
  operationId: "getHealth",
  method: "get",
  path: "/health",
  tags: ["ops"],
  summary: "Liveness probe",
  responses: {
    200: {
      description: "The process is up and serving",
      content: { "application/json": { schema: z.object({ ok: z.literal(true) }) } },
    },
  },
});

export function registerHealth(app: ApiApp): void {
  app.openapi(healthRoute, (c) => c.json({ ok: true as const }, 200));
}
