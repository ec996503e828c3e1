import { BOOK_PAGE_WORDS } from "../../src/routes/web/book-page.js";
import { MANAGE_PAGE_WORDS } from "../../src/routes/web/manage-page.js";
import type { Lang } from "../../src/web/shared/i18n.js";
import type { Problem } from "../../src/web/shared/problem.js";
import { problemSentence } from "../../src/web/shared/problem-sentence.js";
import {
  MOBILITY_CHOICES,
  MOBILITY_LABELS,
  MOBILITY_MEANS,
  RECAP_LABELS,
  STATUS_LABELS,
} from "../../src/web/shared/recap-words.js";
import { STRINGS as MANAGE } from "../../src/web/manage/strings.js";
import { STRINGS as WIDGET } from "../../src/web/widget/strings.js";

// Every word the customer pages (the booking widget, the manage page) can say in a
// language, each named by where it comes from ("widget.book", "recap.status"…): their
// dictionaries, the recap's, the API's problems as the pages say them, and the hosted
// pages' own (/book, /m: their titles).

const PROBLEMS: Record<string, Problem> = {
  network: { status: 0, code: "network" },
  // Every field the API can name, so each field's words are said.
  validation_failed: {
    status: 400,
    code: "validation_failed",
    errors: [
      "customer.email",
      "customer.phone",
      "customer.name",
      "vehicle.vin",
      "vehicle.model",
      "vehicle.plate",
      "interventions",
      "mobility",
      "request",
      "questionnaire.since",
    ].map((path) => ({ path, message: "x" })),
  },
  mobility_unavailable: {
    status: 409,
    code: "slot_unavailable",
    violations: [{ code: "mobility_unavailable", message: "x" }],
  },
  client: { status: 400, code: "something_new" },
  server: { status: 500, code: "something_new" },
  ...Object.fromEntries(
    [
      "not_found",
      "slot_unavailable",
      "rule_violation",
      "too_many_bookings",
      "invalid_transition",
      "version_conflict",
      "rate_limited",
      "payload_too_large",
      "too_many_holds",
      "service_unavailable",
    ].map((code) => [code, { status: 409, code }]),
  ),
};

const named = (where: string, words: Partial<Record<string, string>>): [string, string][] =>
  Object.entries(words).map(([k, v]) => [`${where}.${k}`, v ?? ""]);

/** [where, words] for everything the customer pages say in `lang`. */
export function customerWords(lang: Lang): [string, string][] {
  return [
    ...named("widget", WIDGET[lang]),
    ...named("manage", MANAGE[lang]),
    ...named("bookPage", BOOK_PAGE_WORDS[lang]),
    ...named("managePage", MANAGE_PAGE_WORDS[lang]),
    ...named("recap", RECAP_LABELS[lang]),
    ...named("mobility", MOBILITY_LABELS[lang]),
    ...named("mobilityChoice", MOBILITY_CHOICES[lang]),
    ...named("mobilityMeans", MOBILITY_MEANS[lang]),
    ...named("status", STATUS_LABELS[lang]),
    ...Object.entries(PROBLEMS).map(([k, p]): [string, string] => [`problem.${k}`, problemSentence(p, lang)]),
  ];
}

// What addresses the reader as "tu": its pronouns and possessives, and at the head of a
// sentence, clause or button the informal imperatives of the verbs such pages use (the
// formal ones differ: "Prenoti", "Scelga", "Annulli", "Chiuda"…). "Modifica" is one too
// here: as a button it reads as "tu" ("Modifica l'appuntamento").
const TU = [
  /\b(tu|ti|te|tuo|tua|tuoi|tue)\b/i,
  /(^|[.,:;!?«(]\s*)(aggiungi|annulla|cambia|chiama|chiudi|conferma|conserva|continua|controlla|elimina|indica|inserisci|invia|mantieni|modifica|prenota|premi|ricarica|ricordami|riprova|rimuovi|salva|scarica|scegli|seleziona|sposta|togli|torna|usa|vai)\b/i,
];

/** Whether `s` says "tu" to its reader (the Italian pages speak formally: "Lei"). */
export const saysTu = (s: string) => TU.some((re) => re.test(s));
