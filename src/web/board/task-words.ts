import { clockIn, shortDate, todayIn } from "../shared/dates.js";
import { translator } from "../shared/i18n.js";
import { lang, t } from "./i18n.js";
import { serverNowMs } from "./server-clock.js";
import { hasWords, wordFor } from "./message-words.js";
import type { DeskTask, TaskAttempt } from "./types.js";

// The Tasks panel's words (Italian and English), apart from i18n.ts like the parts list's:
// the outcomes of a call as the API names them, the form that records one, the done list.

const en = {
  recordCall: "Record the call",
  recordCallFor: "Record the call: {task}",
  howWent: "How did the call go?",
  outcome_reached: "Reached the customer",
  outcome_no_answer: "No answer",
  outcome_left_message: "Left a message",
  outcome_not_needed: "Not needed any more",
  did_reached: "reached",
  did_no_answer: "no answer",
  did_left_message: "message left",
  did_not_needed: "not needed",
  note: "Note (optional)",
  save: "Save",
  close: "Close",
  pickOutcome: "Choose how the call went.",
  tried1: "1 call, {when}: {outcome}{note}",
  tried: "{count} calls, the last {when}: {outcome}{note}",
  recordedOpen: "Recorded for {task}: {outcome}. The task stays open.",
  recordedDone: "Recorded for {task}: {outcome}. The task is done.",
  doneTitle: "Done recently",
  openCount: "{title} ({count})",
  truncated: "Showing the {count} oldest open tasks; more are open.",
  showMore: "Show more tasks",
  moreFailed: "More tasks could not be shown. {why}",
  withdrawn: "This task was withdrawn meanwhile: no call is needed.",
  showPhone: "Show the phone number",
  showParts: "Show the parts",
  showPartsFor: "Show the parts: {task}",
  showPhoneFor: "Show the phone number: {task}",
  phoneIs: "Phone:",
  noPhone: "No phone number on file.",
  doneItem: "{task}: {outcome} {when} by {by}{note}",
  atTime: "at {time}",
  onDay: "on {day} at {time}",
  alreadyDone: "Someone else closed this task meanwhile.",
};
type Keys = keyof typeof en;

const it: Record<Keys, string> = {
  recordCall: "Registra la chiamata",
  recordCallFor: "Registra la chiamata: {task}",
  howWent: "Com'è andata la chiamata?",
  outcome_reached: "Cliente raggiunto",
  outcome_no_answer: "Nessuna risposta",
  outcome_left_message: "Lasciato un messaggio",
  outcome_not_needed: "Non serve più",
  did_reached: "raggiunto",
  did_no_answer: "nessuna risposta",
  did_left_message: "messaggio lasciato",
  did_not_needed: "non serve più",
  note: "Nota (facoltativa)",
  save: "Salva",
  close: "Chiudi",
  pickOutcome: "Scegli com'è andata la chiamata.",
  tried1: "1 chiamata, {when}: {outcome}{note}",
  tried: "{count} chiamate, l'ultima {when}: {outcome}{note}",
  recordedOpen: "Registrato per {task}: {outcome}. L'attività resta aperta.",
  recordedDone: "Registrato per {task}: {outcome}. L'attività è chiusa.",
  doneTitle: "Chiuse di recente",
  openCount: "{title} ({count})",
  truncated: "Sono mostrate le {count} attività aperte più vecchie; ce ne sono altre.",
  showMore: "Mostra altre attività",
  moreFailed: "Non è stato possibile mostrare altre attività. {why}",
  withdrawn: "Questa attività è stata ritirata nel frattempo: non serve chiamare.",
  showPhone: "Mostra il numero di telefono",
  showParts: "Mostra i ricambi",
  showPartsFor: "Mostra i ricambi: {task}",
  showPhoneFor: "Mostra il numero di telefono: {task}",
  phoneIs: "Telefono:",
  noPhone: "Nessun numero di telefono registrato.",
  doneItem: "{task}: {outcome} {when}, da {by}{note}",
  atTime: "alle {time}",
  onDay: "il {day} alle {time}",
  alreadyDone: "Qualcun altro ha chiuso questa attività nel frattempo.",
};

export const tw = translator({ en, it }, lang);

/** What the task asks, by its kind ("Call after no-show"); the server's subject for a kind the page does not know. */
export function taskWhat(task: Pick<DeskTask, "kind" | "subject">): string {
  if (task.kind === "no_show_task") return t("noShowTask");
  return hasWords("kind", task.kind) ? wordFor("kind", task.kind) : task.subject;
}

/** "2 calls, the last at 10:42: no answer — rang twice" (another day: "on Mon 23 Nov at 10:42"); "" for none. */
export function triedWords(attempts: readonly TaskAttempt[], zone: string): string {
  const last = attempts.at(-1);
  if (!last) return "";
  return tw(attempts.length === 1 ? "tried1" : "tried", {
    count: attempts.length,
    when: whenWords(last.at, zone),
    outcome: tw(`did_${last.outcome}`),
    note: last.note ? ` — ${last.note}` : "",
  });
}

/** "at 10:42" today, "on Mon 23 Nov at 10:42" another day, in the dealer's zone. */
export function whenWords(instant: string, zone: string, now = new Date(serverNowMs())): string {
  const time = clockIn(instant, zone);
  const day = todayIn(zone, new Date(instant));
  return day === todayIn(zone, now) ? tw("atTime", { time }) : tw("onDay", { day: shortDate(day, lang), time });
}

/** A done task's line: what it was, about whom, how it ended, when and by whom, and the last note. */
export function doneWords(task: DeskTask, who: string, zone: string): string {
  const last = task.attempts.at(-1);
  return tw("doneItem", {
    task: who ? `${taskWhat(task)} · ${who}` : taskWhat(task),
    outcome: last ? tw(`did_${last.outcome}`) : "",
    when: whenWords(task.doneAt ?? last?.at ?? task.createdAt, zone),
    by: last?.by ?? "",
    note: last?.note ? ` — ${last.note}` : "",
  });
}
