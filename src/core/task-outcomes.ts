// How a call the desk made about a task ended (scheduler/tasks), defined once for the API
// and the advisors' page: "reached" and "not_needed" close the task; "no_answer" and
// "left_message" record a try and leave it open (a message left is not the customer told).
// Plain constants, no zod: the page's bundle imports them.

export const TASK_OUTCOMES = ["reached", "no_answer", "left_message", "not_needed"] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** The outcomes that close a task. */
export const CLOSING_OUTCOMES: ReadonlySet<TaskOutcome> = new Set(["reached", "not_needed"]);
export const closesTask = (o: TaskOutcome): boolean => CLOSING_OUTCOMES.has(o);

/** The longest note a call may carry. */
export const TASK_NOTE_MAX = 500;
