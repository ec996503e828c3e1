import { useRef, useState } from "preact/hooks";
import { apiCall, dealerPath, idempotencyKey } from "../shared/api.js";
import type { Lang } from "../shared/i18n.js";
import type { Problem } from "../shared/problem.js";
import { alternativesOf } from "../shared/time-choice.js";
import type { Appointment, DealerInfo, Hold, Option, VisitQuery } from "../shared/types.js";
import type { Contact } from "./contact.js";
import { stepOfRefusal } from "./fault-step.js";
import { questionsFor } from "./questions-field.js";
import type { VisitStep } from "./step-props.js";

// The booking call (POST /appointments) the details step ends with: the body it sends,
// naming the hold, and where each answer leads. Booked: the confirmation. A 409
// slot_unavailable (the hold ran out and someone took the time) or a rule_violation:
// back to the times with the 409's alternatives. A refusal of an earlier step's answer
// (its services, its car, or its mobility: the last courtesy car taken meanwhile): back
// to that step, which says why (fault-step.ts). Anything else is the form's to say.

/**
 * What the API is asked to book: the visit, the held time, the details (name, email and
 * phone trimmed, the request verbatim), and the answers to the questions asked for the
 * visit's services, none other: an answer kept from a service since dropped would reach
 * the workshop about a fault not booked.
 */
export function bookingBody(dealer: DealerInfo, visit: VisitQuery, hold: Hold, c: Contact, lang: Lang) {
  const asked = new Set(questionsFor(dealer, visit.interventions).map((q) => q.id));
  const answers = Object.fromEntries(Object.entries(c.answers).filter(([id, v]) => asked.has(id) && v.trim()));
  return {
    optionId: hold.option.optionId,
    holdId: hold.holdId,
    ...visit,
    vehicle: visit.vehicle,
    customer: {
      known: visit.customer.known,
      name: c.name.trim(),
      ...(c.email.trim() ? { email: c.email.trim() } : {}),
      ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
      // A channel only with consent: it needs its address (the API says 400 otherwise).
      reminders: c.consent ? { consent: true, channel: c.channel } : { consent: false },
      locale: lang,
    },
    ...(c.request ? { request: c.request } : {}),
    ...(Object.keys(answers).length ? { questionnaire: answers } : {}),
    channel: "web",
  };
}

export interface BookingSetup {
  api: string;
  dealer: DealerInfo;
  visit: VisitQuery;
  hold: Hold;
  lang: Lang;
  onBooked: (a: Appointment) => void;
  onLost: (p: Problem, alternatives: Option[]) => void;
  onFix: (step: VisitStep, p: Problem) => void;
}

export function useBooking({ api, dealer, visit, hold, lang, onBooked, onLost, onFix }: BookingSetup) {
  const [busy, setBusy] = useState(false);
  // Set before the first await: a second click or Enter before the button shows busy sends nothing.
  const sending = useRef(false);
  const key = useRef(idempotencyKey());

  /** Sends the booking; the refusal the form must say comes back (null: the step is left). */
  const book = async (c: Contact): Promise<Problem | null> => {
    sending.current = true;
    setBusy(true);
    const r = await apiCall<Appointment>(
      api,
      "POST",
      `${dealerPath(dealer.id)}/appointments`,
      bookingBody(dealer, visit, hold, c, lang),
      {
        "Idempotency-Key": key.current,
      },
    );
    sending.current = false;
    setBusy(false);
    if (r.ok) {
      onBooked(r.data);
      return null;
    }
    // Before the lost time: a time refused for its mobility alone is the mobility's to change.
    const to = stepOfRefusal(r.problem);
    if (to) {
      onFix(to, r.problem);
      return null;
    }
    if (r.problem.code === "slot_unavailable" || r.problem.code === "rule_violation") {
      onLost(r.problem, alternativesOf(r.problem));
      return null;
    }
    // A new key only after a refusal that stored nothing. After a network failure or a
    // 5xx the booking may have been made all the same: a retry with the same key gets that
    // booking back (the server replays it) instead of booking the slot twice.
    if (r.problem.status > 0 && r.problem.status < 500) key.current = idempotencyKey();
    return r.problem;
  };
  return { busy, sending, book };
}
