import type { Problem } from "../shared/problem.js";
import { problemFields } from "../shared/problem-sentence.js";
import type { Key } from "./strings.js";

// The customer's details (contact-step.tsx), and where the form says what is wrong with
// them: what the step checks before it books (a name, an email or a phone, the address
// the reminders need) and what a refused booking's validation_failed names. Either way
// the answer is the place the sentence goes and the control that takes focus, so the
// form treats the two alike. Pure: no markup, no call.

export interface Contact {
  name: string;
  email: string;
  phone: string;
  consent: boolean;
  channel: "email" | "sms" | "phone";
  request: string;
  answers: Record<string, string>;
}

export const NO_CONTACT: Contact = {
  name: "",
  email: "",
  phone: "",
  consent: false,
  channel: "email",
  request: "",
  answers: {},
};

/**
 * Where the form says what is wrong: the name, the email or phone (the group), the
 * request, a question; "api" (under the form) for anything else.
 */
export type ErrAt = "name" | "contact" | "request" | `q:${string}` | "api";

/** Where, the id of the control that takes focus ("" for none), and the words if not the problem's own. */
export interface Wrong {
  at: ErrAt;
  focus: string;
  say?: Key;
}

/** What the details lack before they can be sent, the first thing only; null when complete. */
export function missingIn(c: Contact): (Wrong & { say: Key }) | null {
  if (!c.name.trim()) return { at: "name", focus: "pl-name", say: "nameMissing" };
  if (!c.email.trim() && !c.phone.trim()) return { at: "contact", focus: "pl-email", say: "contactMissing" };
  // Reminders by a channel the customer left no address for could never reach them
  // (the API takes the booking all the same): said here, at the field to fill.
  if (c.consent && c.channel !== "email" && !c.phone.trim())
    return { at: "contact", focus: "pl-phone", say: "phoneForReminders" };
  if (c.consent && c.channel === "email" && !c.email.trim())
    return { at: "contact", focus: "pl-email", say: "emailForReminders" };
  return null;
}

/** Where a refused booking's problem is said: the first field it names that the form shows. */
export function refusedAt(p: Problem, channel: Contact["channel"]): Wrong {
  for (const f of problemFields(p)) {
    if (f === "customer.name") return { at: "name", focus: "pl-name" };
    // An address the API cannot read: said with what one looks like, not "Please check: phone".
    if (f === "customer.email") return { at: "contact", focus: "pl-email", say: "emailInvalid" };
    if (f === "customer.phone") return { at: "contact", focus: "pl-phone", say: "phoneInvalid" };
    // The reminders' channel needs its address; "customer" alone: neither email nor phone.
    if (f === "customer.reminders.channel")
      return { at: "contact", focus: channel === "email" ? "pl-email" : "pl-phone" };
    if (f === "customer") return { at: "contact", focus: "pl-email" };
    if (f === "request") return { at: "request", focus: "pl-request" };
    if (f.startsWith("questionnaire.")) {
      const id = f.slice("questionnaire.".length);
      return { at: `q:${id}`, focus: `pl-q-${id}` };
    }
  }
  return { at: "api", focus: "" };
}
