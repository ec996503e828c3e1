import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { ifMatchVersion } from "../../api/if-match.js";
import { write } from "../../db/group-commit.js";
import { ACTIONS, ActionRequest, AppointmentView } from "../../scheduler/contracts.js";
import { transition } from "../../scheduler/lifecycle.js";
import { sendOutcome } from "../outcome.js";
import { AppointmentParams, VersionedWriteHeaders } from "../shared.js";

export const appointmentActionRoute = createRoute({
  operationId: "appointmentAction",
  method: "post",
  path: "/v1/dealers/{dealerId}/appointments/{id}/{action}",
  tags: ["appointments"],
  summary: "Lifecycle: confirm, cancel, check-in, no-show, complete (staff)",
  description:
    "A compare-and-set on the current status; cancel and no-show release capacity exactly once. A no-show is refused (409 invalid_transition) before the reception starts, a check-in before the reception's local day (opensOn: that date); a late check-in after a no-show stays open. If-Match is optional here.",
  security: bearerSecurity,
  request: {
    params: AppointmentParams.extend({ action: z.enum(ACTIONS).openapi({ param: { name: "action", in: "path" } }) }),
    headers: VersionedWriteHeaders,
    body: { required: false, content: { "application/json": { schema: ActionRequest } } },
  },
  responses: {
    200: { description: "New status and version", content: { "application/json": { schema: AppointmentView } } },
    ...problemResponses("not_found", "invalid_transition", "version_conflict"),
  },
});

export function registerAppointmentAction(app: ApiApp): void {
  app.openapi({ ...appointmentActionRoute, middleware: [staffOnly] as const }, async (c) => {
    const ctx = c.get("ctx");
    const { dealerId, id, action } = c.req.valid("param");
    const body = c.req.valid("json") ?? {};
    const ifMatch = ifMatchVersion(c, false);
    const out = await write(ctx.writes, () => transition(ctx, { dealerId, id, action, ifMatch, body }));
    return sendOutcome(c, out, 200, out.body.version);
  });
}
