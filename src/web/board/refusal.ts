import { CAP_CODES } from "../../core/caps.js";
import { ApiFailure, staffSentence } from "./http.js";
import { lang } from "./i18n.js";
import { pageDates } from "./page-dates.js";

// What a refused staff call means to the page (api.ts makes the calls): its sentence in
// the reader's language, the rules it broke and which of them may be forced, and the two
// refusals the page acts on by itself (stale: read the day again; signed out: sign in).

// The rules a refusal lists, in the reader's language: the server's own sentence (it names
// the advisor, the time and the limit), in Italian its `texts.it` (same facts). The words
// below only for a violation that comes without one (the progress report's). Their days
// in the page's words (page-dates.ts).
const RULES_IT: Record<string, string> = {
  in_the_past: "l'orario è già passato o troppo vicino",
  beyond_horizon: "troppo lontano nel futuro",
  invalid_length: "durata dell'accettazione non valida",
  off_grid: "gli orari partono ogni quarto d'ora",
  closed: "la concessionaria è chiusa quel giorno",
  outside_opening_hours: "fuori dall'orario di apertura",
  unknown_advisor: "consulente sconosciuto",
  advisor_off_duty: "il consulente non è in servizio a quell'ora",
  advisor_absent: "il consulente è assente",
  advisor_busy: "il consulente è già occupato a quell'ora",
  hourly_cap: "troppe accettazioni nella stessa ora per questo consulente",
  two_hour_cap: "troppi minuti di accettazione in due ore per questo consulente",
  workshop_full: "l'officina è piena",
  return_before_ready: "la riconsegna sarebbe prima che l'auto sia pronta",
  invalid_return_length: "durata della riconsegna non valida",
};

/** The codes an advisor may force past (with a reason): the buffer caps, as the server rules. */
export const FORCEABLE = CAP_CODES;

export interface Refusal {
  sentence: string;
  rules: string[];
  codes: string[];
}

export function refusalOf(err: unknown): Refusal {
  if (!(err instanceof ApiFailure))
    return { sentence: staffSentence({ status: 0, code: "internal" }, lang), rules: [], codes: [] };
  const p = err.problem;
  const violations: Array<{ code: string; message: string; texts?: { it?: string } }> = Array.isArray(p.violations)
    ? p.violations
    : [];
  const said = (v: (typeof violations)[number]) =>
    lang === "it" ? (v.texts?.it ?? RULES_IT[v.code] ?? v.message) : v.message;
  const rules = violations.map((v) => pageDates(said(v), lang, new Date().getFullYear()));
  return { sentence: staffSentence(p, lang), rules, codes: violations.map((v) => v.code) };
}

export const isStale = (err: unknown) =>
  err instanceof ApiFailure && (err.problem.status === 412 || err.problem.status === 428);
export const isSignedOut = (err: unknown) => err instanceof ApiFailure && err.problem.status === 401;
