import type { TaskOutcome } from "./types.js";

// The desk's tasks (GET …/tasks: every open one of every day, oldest first, not the newest
// hundred messages, where a busy day's notices pushed yesterday's calls out). Pure: the
// words are in task-words.ts.

export const OUTCOMES: readonly TaskOutcome[] = ["reached", "no_answer", "left_message", "not_needed"];

/** The outcomes that end a task (the server's rule; the page only words the result). */
export const closes = (o: TaskOutcome) => o === "reached" || o === "not_needed";

export const NOTE_MAX = 500;
