import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { AppointmentView } from "../../scheduler/contracts.js";
import { viewByToken } from "../../scheduler/manage.js";

export const ManageTokenParam = z.object({
  // Up to a 63-character dealer id, "_" and the 43-character secret (scheduler/tokens.ts).
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,120}$/, "not a manage token")
    .openapi({ param: { name: "token", in: "path" } }),
});

export const viewOwnAppointmentRoute = createRoute({
  operationId: "viewOwnAppointment",
  method: "get",
  path: "/v1/manage/{token}",
  tags: ["customer"],
  summary: "The customer's own appointment, by the manage token from the booking (public)",
  request: { params: ManageTokenParam },
  responses: {
    200: { description: "The appointment", content: { "application/json": { schema: AppointmentView } } },
    ...problemResponses("not_found"),
  },
});

export function registerViewOwnAppointment(app: ApiApp): void {
  app.openapi(viewOwnAppointmentRoute, (c) => c.json(viewByToken(c.get("ctx"), c.req.valid("param")), 200));
}
