// The desk's tasks (GET …/tasks: every open one of every day, oldest first, not the newest
// hundred messages, where a busy day's notices pushed yesterday's calls out). The outcomes
// and which close a task are the server's own (core/task-outcomes.ts); the words are in
// task-words.ts.

export {
  closesTask as closes,
  TASK_NOTE_MAX as NOTE_MAX,
  TASK_OUTCOMES as OUTCOMES,
} from "../../core/task-outcomes.js";
