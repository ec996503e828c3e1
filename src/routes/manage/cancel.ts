import { createRoute } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { write } from "../../db/group-commit.js";
import { ActionRequest, AppointmentView } from "../../scheduler/contracts.js";
import { cancelByToken } from "../../scheduler/manage.js";
import { sendOutcome } from "../outcome.js";
import { IdempotencyHeader } from "../shared.js";
import { ManageTokenParam } from "./get.js";

export const cancelOwnAppointmentRoute = createRoute({
  operationId: "cancelOwnAppointment",
  method: "post",
  path: "/v1/manage/{token}/cancel",
  tags: ["customer"],
  summary: "The customer cancels their own appointment (public, manage token)",
  request: {
    params: ManageTokenParam,
    headers: IdempotencyHeader,
    body: { required: false, content: { "application/json": { schema: ActionRequest } } },
  },
  responses: {
    200: {
      description: "Cancelled; the capacity is released",
      content: { "application/json": { schema: AppointmentView } },
    },
    ...problemResponses("not_found", "invalid_transition"),
  },
});

export function registerCancelOwnAppointment(app: ApiApp): void {
  app.openapi(cancelOwnAppointmentRoute, async (c) => {
    const ctx = c.get("ctx");
    const { token } = c.req.valid("param");
    const body = c.req.valid("json") ?? {};
    const out = await write(ctx.writes, () => cancelByToken(ctx, { token, body }));
    return sendOutcome(c, out, 200);
  });
}
