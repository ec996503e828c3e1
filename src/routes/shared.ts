import { z } from "@hono/zod-openapi";
import { Id } from "../core/primitives.js";

// Path parameters shared by the scheduling routes.

export const DealerParam = z.object({
  dealerId: Id.openapi({ param: { name: "dealerId", in: "path" }, example: "demo" }),
});

export const AppointmentParams = DealerParam.extend({
  id: z.string().min(1).max(64).openapi({ param: { name: "id", in: "path" } }),
});

export const IdempotencyHeader = z.object({
  "idempotency-key": z.string().optional().openapi({ param: { in: "header" }, description: "Replays the first response for the same key and body" }),
});
