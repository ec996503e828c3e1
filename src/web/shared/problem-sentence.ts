import type { Lang } from "./i18n.js";
import type { Problem } from "./problem.js";
import { onPhone } from "../../core/visit-words.js";

// An API problem as a sentence for the customer, in their language. Never the code: the
// code picks the sentence. Unknown codes fall back to the status class.

const SENTENCES: Record<Lang, Record<string, string>> = {
  en: {
    network:
      "We could not reach the booking service from this page. Please check your connection and try again, or call the workshop.",
    validation_failed: "Some details are not valid. Please check them and try again.",
    not_found: "We could not find this. The link may be out of date.",
    slot_unavailable: "Sorry, someone has just taken this time. Please choose another one.",
    rule_violation: "This time can no longer be booked. Please choose another one.",
    // Said where the customer can act on it: the widget's mobility step, or among other times.
    mobility_unavailable: "The way of getting around you chose is no longer available at this time.",
    too_many_bookings:
      "You already have the most upcoming appointments we can take online. Please call the workshop to book another one.",
    invalid_transition: "This appointment can no longer be changed online. Please call the workshop.",
    version_conflict: "This appointment was changed in the meantime. Please reload the page and try again.",
    rate_limited: "Too many attempts in a short time. Please wait a minute and try again.",
    payload_too_large: "The text is too long. Please shorten it and try again.",
    too_many_holds: "Too many times are being held at once. Please wait a few minutes and try again.",
    service_unavailable: "The booking service is busy for a moment. Please try again in a few seconds.",
    client: "The request could not be completed. Please check the details and try again.",
    server: "Something went wrong on our side. Please try again in a moment.",
  },
  it: {
    network:
      "Non riusciamo a raggiungere il servizio di prenotazione da questa pagina. Controlli la connessione e riprovi, oppure chiami l'officina.",
    validation_failed: "Alcuni dati non sono validi. Li controlli e riprovi.",
    not_found: "Non abbiamo trovato quanto richiesto. Il link potrebbe essere scaduto.",
    slot_unavailable: "Ci dispiace, questo orario è appena stato preso. Ne scelga un altro.",
    rule_violation: "Questo orario non è più prenotabile. Ne scelga un altro.",
    mobility_unavailable: "Il modo di spostarsi scelto non è più disponibile in questo orario.",
    too_many_bookings:
      "Ha già il numero massimo di appuntamenti prenotabili online. Chiami l'officina per prenotarne un altro.",
    invalid_transition: "Questo appuntamento non può più essere modificato online. Chiami l'officina.",
    version_conflict: "L'appuntamento è stato modificato nel frattempo. Ricarichi la pagina e riprovi.",
    rate_limited: "Troppi tentativi in poco tempo. Attenda un minuto e riprovi.",
    payload_too_large: "Il testo è troppo lungo. Lo accorci e riprovi.",
    too_many_holds: "Troppi orari sono trattenuti in questo momento. Attenda qualche minuto e riprovi.",
    service_unavailable: "Il servizio di prenotazione è momentaneamente occupato. Riprovi tra qualche secondo.",
    client: "Non è stato possibile completare la richiesta. Controlli i dati e riprovi.",
    server: "Si è verificato un problema da parte nostra. Riprovi tra un momento.",
  },
};

const FIELDS: Record<Lang, Record<string, string>> = {
  en: {
    "customer.email": "email",
    "customer.phone": "phone",
    "customer.name": "name",
    "vehicle.vin": "VIN",
    "vehicle.model": "car model",
    vehicle: "car details",
    interventions: "services",
    mobility: "how you get around",
    request: "request",
    questionnaire: "answers to the diagnosis questions",
  },
  it: {
    "customer.email": "email",
    "customer.phone": "telefono",
    "customer.name": "nome",
    "vehicle.vin": "numero di telaio (VIN)",
    "vehicle.model": "modello",
    vehicle: "dati dell'auto",
    interventions: "interventi",
    mobility: "come si sposterà",
    request: "richiesta",
    questionnaire: "risposte alle domande per la diagnosi",
  },
};

/** The request fields a validation_failed names ("customer.email", "vehicle.model"…); none for other codes. */
export function problemFields(p: Problem): string[] {
  if (p.code !== "validation_failed" || !Array.isArray(p.errors)) return [];
  return (p.errors as { path?: unknown }[]).map((e) => (typeof e.path === "string" ? e.path : "")).filter(Boolean);
}

/** The scheduling rules a 409 says the time broke ("advisor_busy", "mobility_unavailable"…); none for other codes. */
export function problemRules(p: Problem): string[] {
  if (p.code !== "slot_unavailable" && p.code !== "rule_violation") return [];
  if (!Array.isArray(p.violations)) return [];
  return (p.violations as { code?: unknown }[]).map((v) => (typeof v.code === "string" ? v.code : "")).filter(Boolean);
}

const MOBILITY_RULES = new Set(["mobility_unavailable", "mobility_not_offered"]);

/**
 * A time refused for its mobility alone (the last courtesy car taken meanwhile): the time
 * itself would do, the way of getting around chosen with it would not.
 */
export function refusedForMobility(p: Problem): boolean {
  const rules = problemRules(p);
  return rules.length > 0 && rules.every((r) => MOBILITY_RULES.has(r));
}

// Where a sentence asks the customer to call ("call the workshop", "chiami l'officina"),
// the number to call when the dealer gave one (DealerConfig.phone). Terse: the widget's
// bundle has a size budget (test/http/web-pages.test.ts).
const ASKS_A_CALL = /call the workshop|chiami l'officina/i;

/** A page's sentence with the dealer's number where it asks for a call; as it is without one. */
export function withPhone(said: string, lang: Lang, phone?: string): string {
  return phone ? said.replace(ASKS_A_CALL, (words) => words + onPhone(lang, phone)) : said;
}

/** The problem as a sentence; `phone`, the dealer's, is said where the sentence asks for a call. */
export function problemSentence(p: Problem, lang: Lang, phone?: string): string {
  return withPhone(sentenceOf(p, lang), lang, phone);
}

function sentenceOf(p: Problem, lang: Lang): string {
  const s = SENTENCES[lang];
  if (refusedForMobility(p)) return s.mobility_unavailable;
  if (p.code === "validation_failed" && Array.isArray(p.errors)) {
    // A field by its path, else by its top part (questionnaire.since, vehicle.plate).
    const nameOf = (f: string) => FIELDS[lang][f] ?? FIELDS[lang][f.split(".")[0]];
    const names = [...new Set(problemFields(p).map(nameOf).filter(Boolean))];
    if (names.length > 0)
      return `${s.validation_failed} ${lang === "it" ? "Da controllare" : "Please check"}: ${names.join(", ")}.`;
  }
  return s[p.code] ?? (p.status >= 500 || p.status === 0 ? s.server : s.client);
}
