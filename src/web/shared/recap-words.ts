import { BRING_IT, CALL_US, MOBILITY_NAMES, returnIn, WHILE_AT_WORKSHOP } from "../../core/visit-words.js";
import type { Lang } from "./i18n.js";
import type { Mobility } from "./types.js";

// The customer recap's words (recap.tsx), English and Italian: its labels, the mobility
// (as the recap names it and as the customer chooses it), what to bring, the status. The
// mobility's names and what to bring are the messages' and calendar files' too
// (core/visit-words.ts).

export { BRING_IT, returnIn };

/** The recap's labels (its <dt>s) and the express visit's sentence. */
export const RECAP_LABELS = {
  en: {
    when: "When",
    reason: "Service",
    greeter: "Who will welcome you",
    address: "Address",
    parking: "Parking",
    phone: CALL_US.en,
    bring: "Please bring",
    mobility: WHILE_AT_WORKSHOP.en,
    ready: "Car ready (estimate)",
    status: "Status",
    express: "Priority",
    expressIs: "Express appointment: your car is worked on with priority.",
  },
  it: {
    when: "Quando",
    reason: "Intervento",
    greeter: "Chi la accoglierà",
    address: "Indirizzo",
    parking: "Parcheggio",
    phone: CALL_US.it,
    bring: "Porti con sé",
    mobility: WHILE_AT_WORKSHOP.it,
    ready: "Auto pronta (stima)",
    status: "Stato",
    express: "Priorità",
    expressIs: "Appuntamento express: la sua auto viene lavorata con priorità.",
  },
};

/** The visit's mobility as the recap names it, after "While your car is at the workshop". */
export const MOBILITY_LABELS: Record<Lang, Record<Mobility, string>> = MOBILITY_NAMES;

/**
 * The mobility step's choices, in the customer's words: the recap's names, but "none" as
 * what the customer says (staff call it "no replacement mobility"; a car owner does not).
 */
export const MOBILITY_CHOICES: Record<Lang, Record<Mobility, string>> = {
  en: { ...MOBILITY_LABELS.en, none: "I don't need a courtesy car or a lift" },
  it: { ...MOBILITY_LABELS.it, none: "Non mi serve un'auto di cortesia né un passaggio" },
};

/** What the visit's mobility means for the customer, where it needs saying (after "Courtesy car: "). */
export const MOBILITY_MEANS: Record<Lang, Partial<Record<Mobility, string>>> = {
  en: {
    courtesy_car: "ready for you when you arrive; you give it back when you collect your car.",
    pickup_delivery:
      "a driver collects your car and brings it back when it is ready; the workshop will agree the address and times with you.",
  },
  it: {
    courtesy_car: "pronta per lei al suo arrivo; la restituisce quando ritira la sua auto.",
    pickup_delivery:
      "un autista ritira la sua auto e gliela riporta quando è pronta; l'officina concorderà con lei indirizzo e orari.",
  },
};

/**
 * The appointment's status as the customer reads it. One that waits on the workshop, or
 * that the customer missed, says what happens next (the desk calls every no-show to
 * rebook: domain, "No-shows"); a missed visit is said plainly, not as a one-word state.
 */
export const STATUS_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    requested: "Requested: the workshop will confirm it",
    confirmed: "Confirmed",
    checked_in: "Car received",
    completed: "Completed",
    cancelled: "Cancelled",
    no_show: "You did not come to this appointment: the workshop will contact you to find a new time",
  },
  it: {
    requested: "Richiesto: l'officina lo confermerà",
    confirmed: "Confermato",
    checked_in: "Auto accettata",
    completed: "Completato",
    cancelled: "Annullato",
    no_show: "Appuntamento mancato: l'officina la contatterà per fissarne un altro",
  },
};
