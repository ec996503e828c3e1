import { z } from "@hono/zod-openapi";
import { AppointmentParams } from "../shared.js";

// The path of one parts order: the appointment's, plus the order's id.
export const PartsOrderParams = AppointmentParams.extend({
  partId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "partId", in: "path" } }),
});
