import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp, AppDeps } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { ifMatchVersion, writeContext } from "../../api/write-context.js";
import { write } from "../../db/group-commit.js";
import { AppointmentView, MoveRequest } from "../../scheduler/contracts.js";
import { moveAppointment } from "../../scheduler/move.js";
import type { Runtimes } from "../../scheduler/runtime.js";
import { AppointmentParams, IdempotencyHeader } from "../shared.js";

export const moveAppointmentRoute = createRoute({
  method: "patch",
  path: "/v1/dealers/{dealerId}/appointments/{id}",
  tags: ["appointments"],
  summary: "Move or reassign a reception and/or its return (staff)",
  description: "Requires If-Match with the current version. force:true with a reason goes past the buffer caps only, and is audited.",
  security: bearerSecurity,
  request: {
    params: AppointmentParams,
    headers: IdempotencyHeader.extend({ "if-match": z.string().optional().openapi({ param: { in: "header" } }) }),
    body: { required: true, content: { "application/json": { schema: MoveRequest } } },
  },
  responses: {
    200: { description: "Moved; new version", content: { "application/json": { schema: AppointmentView } } },
    ...problemResponses("not_found", "unauthorized", "forbidden", "rule_violation", "version_conflict", "precondition_required"),
  },
});

export function registerMoveAppointment(app: ApiApp, deps: AppDeps, runtimes: Runtimes): void {
  app.openapi({ ...moveAppointmentRoute, middleware: [staffOnly(deps)] as const }, async (c) => {
    const { dealerId, id } = c.req.valid("param");
    const version = ifMatchVersion(c, true)!;
    const body = c.req.valid("json");
    const ctx = writeContext(c, deps, runtimes, "PATCH /v1/dealers/{dealerId}/appointments/{id}", { id, version, body });
    const out = await write(deps.writes, () => moveAppointment(ctx, dealerId, id, version, body));
    if (out.replayed) c.header("Idempotent-Replayed", "true");
    c.header("ETag", `"${out.body.version}"`);
    return c.json(out.body, 200);
  });
}
