import { z } from "@hono/zod-openapi";
import { DESK_TASK_KINDS } from "../../core/message-kinds.js";
import { TASK_NOTE_MAX, TASK_OUTCOMES } from "../../core/task-outcomes.js";
import { MessageView } from "../journey/contracts.js";

// The desk's tasks (the board's Tasks panel) and the attempts staff record at them:
// GET …/tasks and POST …/tasks/{taskId}/attempts. A task IS its outbox message (same id);
// no contact details here: the appointment ref names the customer, nothing more.

// The outcomes and which close a task: core/task-outcomes.ts (the page's bundle reads them too).
export { CLOSING_OUTCOMES, TASK_OUTCOMES, type TaskOutcome } from "../../core/task-outcomes.js";

export const TaskAttemptRequest = z
  .object({
    outcome: z.enum(TASK_OUTCOMES).openapi({ description: "reached and not_needed close the task" }),
    note: z.string().trim().min(1).max(TASK_NOTE_MAX).optional(),
  })
  .strict()
  .openapi("TaskAttemptRequest");
export type TaskAttemptRequest = z.infer<typeof TaskAttemptRequest>;

export const TaskAttempt = z
  .object({
    outcome: z.enum(TASK_OUTCOMES),
    note: z.string().nullable(),
    at: z.string(),
    /** The credential's label: the API key's (or the board session's key's), "admin" for the root token. */
    by: z.string(),
  })
  .openapi("TaskAttempt");
export type TaskAttempt = z.infer<typeof TaskAttempt>;

export const DeskTask = z
  .object({
    id: z.string().openapi({ description: "The outbox message's id" }),
    kind: z.enum(DESK_TASK_KINDS),
    appointmentId: z.string().nullable(),
    appointment: MessageView.shape.appointment,
    subject: z.string(),
    /** What to do, as the message says it: names the customer and the parts, never an address. */
    text: z.string(),
    createdAt: z.string(),
    state: z.enum(["open", "done"]),
    /** Oldest first. */
    attempts: z.array(TaskAttempt),
    doneAt: z.string().nullable(),
  })
  .openapi("DeskTask");
export type DeskTask = z.infer<typeof DeskTask>;

export const TaskList = z
  .object({
    dealerId: z.string(),
    tasks: z.array(DeskTask),
    /** More tasks than `limit` exist: the list is the oldest open ones (or the last done), not all. */
    truncated: z.boolean(),
    /** When truncated: pass it as `after` for the next page, in the same order; else null. */
    next: z
      .string()
      .nullable()
      .openapi({ description: "When truncated: pass it as `after` for the next page, in the same order; else null" }),
  })
  .openapi("TaskList");
export type TaskList = z.infer<typeof TaskList>;

export const TaskAttemptResult = z.object({ task: DeskTask }).openapi("TaskAttemptResult");
export type TaskAttemptResult = z.infer<typeof TaskAttemptResult>;

export const TaskQuery = z.object({
  state: z
    .enum(["open", "done"])
    .default("open")
    .openapi({ param: { in: "query" }, description: "open: oldest first; done: the last closed first" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(200)
    .openapi({ param: { in: "query" } }),
  after: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .openapi({ param: { in: "query" }, description: "The `next` of the page before: the tasks past it, same order" }),
});
export type TaskQuery = z.infer<typeof TaskQuery>;
