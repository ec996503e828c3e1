import { isDeskTask } from "../../core/message-kinds.js";
import { keyLabel } from "../../db/repos/api-keys.js";
import { audit } from "../../db/repos/appointments.js";
import { doneTasks, openTasks, recordAttempt, taskById } from "../../db/repos/task-attempts.js";
import { immediate } from "../../db/tx.js";
import { newId } from "../../lib/ids.js";
import { type Ctx, idempotent, isoNow, type Outcome, type WriteContext } from "../context.js";
import { DomainError, notFound } from "../errors.js";
import {
  CLOSING_OUTCOMES,
  type TaskAttemptRequest,
  type TaskAttemptResult,
  type TaskList,
  type TaskQuery,
} from "./contracts.js";
import { deskTasks } from "./present.js";
import { decodeTaskCursor, encodeTaskCursor } from "./page-cursor.js";

// The desk's tasks (core/message-kinds.ts DESK_TASK_KINDS) and the calls it records at
// them. A task is its outbox message; it stays open until an attempt closes it ("reached",
// "not_needed"), however many newer messages the dealer has (the list reads the outbox's
// index of desk tasks, not its newest page). Recording is ONE synchronous BEGIN IMMEDIATE
// transaction: the Idempotency-Key, the task's state read under the write lock, the
// attempt and its audit row, so two desks cannot both close one task.

export function listTasks(ctx: Ctx, input: { dealerId: string; query: TaskQuery }): TaskList {
  const { dealerId, query } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const after = query.after === undefined ? undefined : decodeTaskCursor(query.after, query.state);
  // One row past the limit says whether the list is all of them.
  const rows =
    query.state === "open"
      ? openTasks(ctx.sqlite, dealerId, query.limit + 1, after)
      : doneTasks(ctx.sqlite, dealerId, query.limit + 1, after);
  const truncated = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    dealerId,
    tasks: deskTasks(ctx.db, ctx.sqlite, rt.dealer, dealerId, page),
    truncated,
    next:
      truncated && last
        ? encodeTaskCursor({
            state: query.state,
            at: query.state === "open" ? last.createdAt : last.doneAt!,
            id: last.pageId!,
          })
        : null,
  };
}

export function recordTaskAttempt(
  ctx: WriteContext,
  input: { dealerId: string; taskId: string; body: TaskAttemptRequest },
): Outcome<TaskAttemptResult> {
  const { dealerId, taskId, body } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const scope = {
    dealerId,
    scope: "POST /v1/dealers/{dealerId}/tasks/{taskId}/attempts",
    request: { taskId, body },
  };
  return immediate(ctx.sqlite, () =>
    idempotent(ctx, scope, () => {
      const task = taskById(ctx.sqlite, dealerId, taskId);
      // Another dealer's message, or one that is not the desk's to do: not a task at all.
      if (task?.audience !== "staff" || !isDeskTask(task.kind)) throw notFound(`task ${taskId}`);
      if (task.doneAt !== null || task.status === "withdrawn")
        throw new DomainError(
          "invalid_transition",
          task.doneAt !== null ? "the task is done already" : "the task was withdrawn",
          { state: task.doneAt !== null ? "done" : "withdrawn" },
        );
      const at = isoNow(ctx);
      const closes = CLOSING_OUTCOMES.has(body.outcome);
      // Open, read under the write lock above: the attempt is written.
      recordAttempt(
        ctx.sqlite,
        {
          id: newId(ctx.nowMs),
          dealerId,
          messageId: task.id,
          outcome: body.outcome,
          note: body.note ?? null,
          byLabel: labelOf(ctx, dealerId),
          at,
        },
        closes,
      );
      audit(ctx.db, {
        dealerId,
        appointmentId: task.appointmentId,
        at,
        actor: ctx.actor,
        action: "task_attempt",
        before: { task: task.id, kind: task.kind, state: "open" },
        after: { task: task.id, kind: task.kind, outcome: body.outcome, state: closes ? "done" : "open" },
        reason: null,
      });
      const [view] = deskTasks(ctx.db, ctx.sqlite, rt.dealer, dealerId, [{ ...task, doneAt: closes ? at : null }]);
      return { status: 201, body: { task: view } };
    }),
  );
}

/** Who made the call, as the desk names them: the key's label; the root token (or its board session) is "admin". */
function labelOf(ctx: WriteContext, dealerId: string): string {
  const keyId = ctx.actor.startsWith("key:") ? ctx.actor.slice(4) : null;
  // "admin-token": the keyId a root token's board session acts under (api/board-session.ts).
  if (keyId === null || keyId === "admin-token") return "admin";
  return keyLabel(ctx.sqlite, dealerId, keyId) ?? ctx.actor;
}
