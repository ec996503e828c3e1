import { clockIn } from "../shared/dates.js";
import { translator } from "../shared/i18n.js";
import { lang, t } from "./i18n.js";
import { hasWords, wordFor } from "./message-words.js";
import type { DeskTask, TaskAttempt } from "./types.js";

// The Tasks panel's words (Italian and English), apart from i18n.ts like the parts list's:
// the outcomes of a call as the API names them, the form that records one, the done list.

const en = {
  recordCall: "Record the call",
  recordCallFor: "Record the call: {task}",
  howWent: "How did the call go?",
  outcome_reached: "Reached: the customer knows",
  outcome_no_answer: "No answer",
  outcome_left_message: "Left a message",
  outcome_not_needed: "Not needed any more",
  did_reached: "reached",
  did_no_answer: "no answer",
  did_left_message: "message left",
  did_not_needed: "not needed",
  note: "Note (optional)",
  save: "Save",
  cancel: "Cancel",
  pickOutcome: "Choose how the call went.",
  noteTooLong: "The note can be at most 500 characters.",
  tried1: "1 call, at {time}: {outcome}{note}",
  tried: "{count} calls, the last at {time}: {outcome}{note}",
  recordedOpen: "Recorded for {task}: {outcome}. The task stays open.",
  recordedDone: "Recorded for {task}: {outcome}. The task is done.",
  doneTitle: "Done recently ({count})",
  doneItem: "{task}: {outcome} at {time} by {by}",
  alreadyDone: "Someone else closed this task meanwhile.",
};
type Keys = keyof typeof en;

const it: Record<Keys, string> = {
  recordCall: "Registra la chiamata",
  recordCallFor: "Registra la chiamata: {task}",
  howWent: "Com'è andata la chiamata?",
  outcome_reached: "Raggiunto: il cliente è informato",
  outcome_no_answer: "Nessuna risposta",
  outcome_left_message: "Lasciato un messaggio",
  outcome_not_needed: "Non serve più",
  did_reached: "raggiunto",
  did_no_answer: "nessuna risposta",
  did_left_message: "messaggio lasciato",
  did_not_needed: "non serve più",
  note: "Nota (facoltativa)",
  save: "Salva",
  cancel: "Annulla",
  pickOutcome: "Scegli com'è andata la chiamata.",
  noteTooLong: "La nota può avere al massimo 500 caratteri.",
  tried1: "1 chiamata, alle {time}: {outcome}{note}",
  tried: "{count} chiamate, l'ultima alle {time}: {outcome}{note}",
  recordedOpen: "Registrato per {task}: {outcome}. L'attività resta aperta.",
  recordedDone: "Registrato per {task}: {outcome}. L'attività è chiusa.",
  doneTitle: "Chiuse di recente ({count})",
  doneItem: "{task}: {outcome} alle {time}, da {by}",
  alreadyDone: "Qualcun altro ha chiuso questa attività nel frattempo.",
};

export const tw = translator({ en, it }, lang);

/** What the task asks, by its kind ("Call after no-show"); the server's subject for a kind the page does not know. */
export function taskWhat(task: Pick<DeskTask, "kind" | "subject">): string {
  if (task.kind === "no_show_task") return t("noShowTask");
  return hasWords("kind", task.kind) ? wordFor("kind", task.kind) : task.subject;
}

/** "2 calls, the last at 10:42: no answer — rang twice": the calls made so far; "" for none. */
export function triedWords(attempts: readonly TaskAttempt[], zone: string): string {
  const last = attempts.at(-1);
  if (!last) return "";
  return tw(attempts.length === 1 ? "tried1" : "tried", {
    count: attempts.length,
    time: clockIn(last.at, zone),
    outcome: tw(`did_${last.outcome}`),
    note: last.note ? ` — ${last.note}` : "",
  });
}

/** A done task's line: what it was, about whom, how it ended, when and by whom. */
export function doneWords(task: DeskTask, who: string, zone: string): string {
  const last = task.attempts.at(-1);
  return tw("doneItem", {
    task: who ? `${taskWhat(task)} · ${who}` : taskWhat(task),
    outcome: last ? tw(`did_${last.outcome}`) : "",
    time: clockIn(task.doneAt ?? last?.at ?? task.createdAt, zone),
    by: last?.by ?? "",
  });
}
