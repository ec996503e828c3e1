import type { Dealer } from "../../core/dealer.js";
import type { DeskTaskKind } from "../../core/message-kinds.js";
import { attemptsOf, type TaskAttemptRow, type TaskRow } from "../../db/repos/task-attempts.js";
import type { Db, SqliteHandle } from "../../db/sqlite-handle.js";
import { appointmentRefs } from "../journey/appointment-ref.js";
import type { DeskTask, TaskOutcome } from "./contracts.js";

// Stored tasks as the desk reads them: each with its appointment ref and its attempts,
// read for the whole list at once (one statement, not one per task).

export function deskTasks(db: Db, sqlite: SqliteHandle, dealer: Dealer, dealerId: string, rows: TaskRow[]): DeskTask[] {
  const appointmentOf = appointmentRefs(db, dealer, dealerId);
  const byTask = new Map<string, TaskAttemptRow[]>();
  for (const a of attemptsOf(
    sqlite,
    rows.map((r) => r.id),
  )) {
    const list = byTask.get(a.messageId);
    if (list) list.push(a);
    else byTask.set(a.messageId, [a]);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as DeskTaskKind,
    appointmentId: r.appointmentId,
    appointment: appointmentOf(r.appointmentId),
    subject: r.subject ?? "",
    text: r.text ?? "",
    createdAt: r.createdAt,
    state: r.doneAt === null ? "open" : "done",
    attempts: (byTask.get(r.id) ?? []).map((a) => ({
      outcome: a.outcome as TaskOutcome,
      note: a.note,
      at: a.at,
      by: a.byLabel,
    })),
    doneAt: r.doneAt,
  }));
}
