import { createRoute } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { write } from "../../db/group-commit.js";
import { AppointmentView, RescheduleRequest } from "../../scheduler/contracts.js";
import { rescheduleByToken } from "../../scheduler/manage.js";
import { sendOutcome } from "../outcome.js";
import { IdempotencyHeader } from "../shared.js";
import { ManageTokenParam } from "./get.js";

export const rescheduleOwnAppointmentRoute = createRoute({
  operationId: "rescheduleOwnAppointment",
  method: "post",
  path: "/v1/manage/{token}/reschedule",
  tags: ["customer"],
  summary: "The customer moves their own appointment (public, manage token)",
  description:
    "Name the new slot with an optionId from availability, or a start (and advisorId). Same rules and atomic path as an advisor's move; 409 rule_violation with alternatives when it does not fit.",
  request: {
    params: ManageTokenParam,
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: RescheduleRequest } } },
  },
  responses: {
    200: {
      description: "Moved; reminders follow the new time",
      content: { "application/json": { schema: AppointmentView } },
    },
    ...problemResponses("not_found", "rule_violation", "invalid_transition", "version_conflict"),
  },
});

export function registerRescheduleOwnAppointment(app: ApiApp): void {
  app.openapi(rescheduleOwnAppointmentRoute, async (c) => {
    const ctx = c.get("ctx");
    const { token } = c.req.valid("param");
    const body = c.req.valid("json");
    const out = await write(ctx.writes, () => rescheduleByToken(ctx, { token, body }));
    return sendOutcome(c, out, 200);
  });
}
