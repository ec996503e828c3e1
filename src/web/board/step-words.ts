import type { Action } from "../../core/status.js";
import { translator } from "../shared/i18n.js";
import { lang } from "./i18n.js";

// What a lifecycle step from the appointment dialog did, for the page's notice: the step,
// then the appointment as the desk knows it (its time and customer, else the car), so the
// notice still says which one after the dialog has closed. The words match the statuses'
// (i18n.ts status_*).

const en = {
  confirm: "Confirmed: {who}.",
  "check-in": "Checked in: {who}.",
  "no-show": "Marked no-show: {who}.",
  complete: "Completed: {who}.",
  cancel: "Cancelled: {who}.",
} satisfies Record<Action, string>;

const it: Record<Action, string> = {
  confirm: "Confermato: {who}.",
  "check-in": "Accettato: {who}.",
  "no-show": "Segnato come non presentato: {who}.",
  complete: "Completato: {who}.",
  cancel: "Annullato: {who}.",
};

const st = translator({ en, it }, lang);

// The question a step that cannot be taken back asks first (confirm-step.tsx), and its answers.
const askEn = {
  cancel: "Cancel the appointment {who}?",
  "no-show": "Mark {who} as a no-show?",
  keep: "No, keep it as it is",
  cancelYes: "Yes, cancel it",
  "no-showYes": "Yes, mark the no-show",
};
const askIt: Record<keyof typeof askEn, string> = {
  cancel: "Annullare l'appuntamento {who}?",
  "no-show": "Segnare {who} come non presentato?",
  keep: "No, lascialo com'è",
  cancelYes: "Sì, annullalo",
  "no-showYes": "Sì, segna come non presentato",
};
const sa = translator({ en: askEn, it: askIt }, lang);

/** The question and answers of an ASKED step ("Cancel the appointment 12:00 Cliente 3?"). */
export const stepAsk = (action: "cancel" | "no-show", time: string, who: string) => ({
  ask: sa(action, { who: who ? `${time} ${who}` : time }),
  keep: sa("keep"),
  yes: sa(`${action}Yes`),
});

/** "Confirmed: 09:00 Peter Parker." (`who`: the customer, else the car; "" when neither is known). */
export const stepDone = (action: Action, time: string, who: string) =>
  st(action, { who: who ? `${time} ${who}` : time });
