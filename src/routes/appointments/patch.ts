import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { ifMatchVersion } from "../../api/if-match.js";
import { write } from "../../db/group-commit.js";
import { AppointmentView, MoveRequest } from "../../scheduler/contracts.js";
import { moveAppointment } from "../../scheduler/move.js";
import { sendOutcome } from "../outcome.js";
import { AppointmentParams, VersionedWriteHeaders } from "../shared.js";

export const moveAppointmentRoute = createRoute({
  operationId: "moveAppointment",
  method: "patch",
  path: "/v1/dealers/{dealerId}/appointments/{id}",
  tags: ["appointments"],
  summary: "Move or reassign a reception and/or its return (staff)",
  description:
    "Requires If-Match with the current version. force:true with a reason goes past the buffer caps only, and is audited. " +
    "A move to where the appointment already is (same reception and return after the move's defaulting; an empty body; force and reason alone) " +
    "answers 200 with the appointment unchanged: same version, nothing written, nobody told.",
  security: bearerSecurity,
  request: {
    params: AppointmentParams,
    headers: VersionedWriteHeaders,
    body: { required: true, content: { "application/json": { schema: MoveRequest } } },
  },
  responses: {
    200: { description: "Moved; new version", content: { "application/json": { schema: AppointmentView } } },
    ...problemResponses("not_found", "rule_violation", "version_conflict", "precondition_required"),
  },
});

export function registerMoveAppointment(app: ApiApp): void {
  app.openapi({ ...moveAppointmentRoute, middleware: [staffOnly] as const }, async (c) => {
    const ctx = c.get("ctx");
    const { dealerId, id } = c.req.valid("param");
    const ifMatch = ifMatchVersion(c, true)!;
    const body = c.req.valid("json");
    const out = await write(ctx.writes, () => moveAppointment(ctx, { dealerId, id, ifMatch, body }));
    return sendOutcome(c, out, 200, out.body.version);
  });
}
