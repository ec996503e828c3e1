import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { write } from "../../db/group-commit.js";
import { TaskAttemptRequest, TaskAttemptResult } from "../../scheduler/tasks/contracts.js";
import { recordTaskAttempt } from "../../scheduler/tasks/tasks.js";
import { sendOutcome } from "../outcome.js";
import { DealerParam, IdempotencyHeader } from "../shared.js";

const TaskParams = DealerParam.extend({
  taskId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "taskId", in: "path" } }),
});

export const recordTaskAttemptRoute = createRoute({
  operationId: "recordTaskAttempt",
  method: "post",
  path: "/v1/dealers/{dealerId}/tasks/{taskId}/attempts",
  tags: ["journey"],
  summary: "Record the desk's attempt at a task: reached, no answer, message left, not needed (staff)",
  description:
    "reached and not_needed close the task; no_answer and left_message record a try and leave it open. A task already done (or withdrawn) refuses another attempt (409 invalid_transition) and nothing is stored. `by` is the credential's label. A retry with the same Idempotency-Key answers the same and records once.",
  security: bearerSecurity,
  request: {
    params: TaskParams,
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: TaskAttemptRequest } } },
  },
  responses: {
    201: {
      description: "Recorded; the task as it now is",
      content: { "application/json": { schema: TaskAttemptResult } },
    },
    ...problemResponses("not_found", "unauthorized", "forbidden", "invalid_transition"),
  },
});

export function registerRecordTaskAttempt(app: ApiApp): void {
  app.openapi({ ...recordTaskAttemptRoute, middleware: [staffOnly] as const }, async (c) => {
    const ctx = c.get("ctx");
    const { dealerId, taskId } = c.req.valid("param");
    const body = c.req.valid("json");
    const out = await write(ctx.writes, () => recordTaskAttempt(ctx, { dealerId, taskId, body }));
    return sendOutcome(c, out, 201);
  });
}
