import { CLOSING_OUTCOMES } from "../../core/task-outcomes.js";
import { stmt } from "../prepared.js";
import { DESK_TASK_WHERE, taskAttempts } from "../schema.js";
import type { SqliteHandle } from "../sqlite-handle.js";
import { tableRows } from "./rows.js";

// The desk's tasks (outbox messages of DESK_TASK_KINDS) and its attempts at them (schema.ts
// `task_attempts`). The open list walks the outbox's partial index of desk tasks, never the
// dealer's whole outbox: a busy dealer's supervisor notices cannot push a task out of it.
// Trap: the WHERE below must match outbox_desk_tasks_idx word for word (schema.ts DESK_TASK_WHERE), or
// SQLite will not use the partial index (INDEXED BY makes that an error, not a slow scan).

export type TaskAttemptRow = typeof taskAttempts.$inferSelect;

/** A desk task as stored: the message's facts, and when it was closed (null: open). */
export interface TaskRow {
  id: string;
  kind: string;
  audience: string;
  status: string;
  appointmentId: string | null;
  subject: string;
  /** The message's text: what to do, naming the customer (never their contact details). */
  text: string | null;
  createdAt: string;
  doneAt: string | null;
  /** The list's tie-break id (open: the message's; done: the closing attempt's); absent from single reads. */
  pageId?: string;
}

const A = tableRows(taskAttempts);
/** The closing outcomes as SQL ("('reached', 'not_needed')"); migration 0015's unique index names the same. */
const CLOSING = `(${[...CLOSING_OUTCOMES].map((o) => `'${o}'`).join(", ")})`;
const TASK = `o.id, o.kind, o.audience, o.status, o.appointment_id AS appointmentId,
  json_extract(o.body_json, '$.subject') AS subject, json_extract(o.body_json, '$.text') AS text, o.created_at AS createdAt`;

/** Where a page starts: past this sort key (a page's last task); the first page has none. */
export interface TaskKey {
  at: string;
  id: string;
}

/**
 * The dealer's open tasks, oldest first (the oldest is the most urgent), past `after`.
 * Row values, not "a > ? OR (a = ? AND id > ?)": SQLite starts the index scan at the
 * cursor only for the row-value form; the other walks every earlier task on each page.
 * The first page starts past ("", ""): every stored time and id sorts after the empty string.
 */
export function openTasks(sqlite: SqliteHandle, dealerId: string, limit: number, after?: TaskKey): TaskRow[] {
  const k = after ?? { at: "", id: "" };
  return stmt(
    sqlite,
    `SELECT ${TASK}, NULL AS doneAt, o.id AS pageId FROM outbox o INDEXED BY outbox_desk_tasks_idx
     WHERE o.dealer_id = ? AND ${DESK_TASK_WHERE} AND (o.created_at, o.id) > (?, ?)
     ORDER BY o.created_at, o.id LIMIT ?`,
  ).all(dealerId, k.at, k.id, limit) as TaskRow[];
}

/** The dealer's closed tasks, the last closed first, before `after` (the first page: before "~", past every ISO time). */
export function doneTasks(sqlite: SqliteHandle, dealerId: string, limit: number, after?: TaskKey): TaskRow[] {
  const k = after ?? { at: "~", id: "~" };
  return stmt(
    sqlite,
    `SELECT ${TASK}, a.at AS doneAt, a.id AS pageId FROM task_attempts a INDEXED BY task_attempts_dealer_at_idx
     JOIN outbox o ON o.id = a.message_id
     WHERE a.dealer_id = ? AND a.outcome IN ${CLOSING} AND (a.at, a.id) < (?, ?)
     ORDER BY a.at DESC, a.id DESC LIMIT ?`,
  ).all(dealerId, k.at, k.id, limit) as TaskRow[];
}

/** One outbox message of the dealer, with when it was closed as a task; undefined when none. */
export function taskById(sqlite: SqliteHandle, dealerId: string, id: string): TaskRow | undefined {
  return stmt(
    sqlite,
    `SELECT ${TASK}, o.task_closed_at AS doneAt
     FROM outbox o WHERE o.id = ? AND o.dealer_id = ?`,
  ).get(id, dealerId) as TaskRow | undefined;
}

/** The attempts at these tasks, oldest first (rowid: the order they were recorded in). */
export function attemptsOf(sqlite: SqliteHandle, messageIds: readonly string[]): TaskAttemptRow[] {
  if (messageIds.length === 0) return [];
  return A.decodeAll(
    stmt(
      sqlite,
      `SELECT ${A.columns} FROM task_attempts WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY at, rowid`,
    ).all(JSON.stringify(messageIds)),
  );
}

/**
 * Records an attempt at a task; one that closes it (`closes`) also marks the task's outbox
 * row closed, so it leaves the index of open tasks. The desk's calls and the journey's
 * moot closings (scheduler/tasks) both write through here. False, with nothing written,
 * when a closing attempt finds the task closed already.
 */
export function recordAttempt(sqlite: SqliteHandle, row: TaskAttemptRow, closes: boolean): boolean {
  if (
    closes &&
    stmt(sqlite, "UPDATE outbox SET task_closed_at = ? WHERE id = ? AND task_closed_at IS NULL").run(
      row.at,
      row.messageId,
    ).changes === 0
  )
    return false;
  stmt(sqlite, A.insert).run(...A.values(row));
  return true;
}

/** The open desk tasks of these kinds about one appointment (the dealer's open tasks: a short walk of the index). */
export function openTasksAbout(
  sqlite: SqliteHandle,
  dealerId: string,
  appointmentId: string,
  kinds: readonly string[],
): TaskRow[] {
  return (
    stmt(
      sqlite,
      `SELECT ${TASK}, NULL AS doneAt FROM outbox o INDEXED BY outbox_desk_tasks_idx
       WHERE o.dealer_id = ? AND ${DESK_TASK_WHERE} AND o.appointment_id = ?`,
    ).all(dealerId, appointmentId) as TaskRow[]
  ).filter((t) => kinds.includes(t.kind));
}

/** The `data` a task's message carries (what it is about: the parts it names, …); undefined when none. */
export function taskDataOf(sqlite: SqliteHandle, messageId: string): unknown {
  const row = stmt(sqlite, "SELECT json_extract(body_json, '$.data') AS data FROM outbox WHERE id = ?").get(
    messageId,
  ) as { data: string | null } | undefined;
  return row?.data ? JSON.parse(row.data) : undefined;
}

/** Whether the desk reached the customer on the task with this dedupe id (the parts guard). */
export function reachedOn(sqlite: SqliteHandle, dedupeId: string): boolean {
  return (
    stmt(
      sqlite,
      "SELECT 1 FROM outbox o JOIN task_attempts a ON a.message_id = o.id WHERE o.dedupe_id = ? AND a.outcome = 'reached' LIMIT 1",
    ).get(dedupeId) !== undefined
  );
}
