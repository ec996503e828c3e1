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

/** "Confirmed: 09:00 Peter Parker." (`who`: the customer, else the car; "" when neither is known). */
export const stepDone = (action: Action, time: string, who: string) =>
  st(action, { who: who ? `${time} ${who}` : time });
