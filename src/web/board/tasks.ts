// The desk's tasks (GET …/tasks: every open one of every day, oldest first, not the newest
// hundred messages, where a busy day's notices pushed yesterday's calls out). The outcomes
// and which close a task are the server's own (core/task-outcomes.ts); the words are in
// task-words.ts.

/** The desk tasks about an appointment's parts: from one, the appointment's parts open in a dialog of their own. */
export const PARTS_TASKS: ReadonlySet<string> = new Set([
  "parts_arrived_call",
  "parts_notice_overdue",
  "parts_on_cancelled",
]);

export {
  closesTask as closes,
  TASK_NOTE_MAX as NOTE_MAX,
  TASK_OUTCOMES as OUTCOMES,
} from "../../core/task-outcomes.js";
