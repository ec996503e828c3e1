import { longDate } from "../shared/dates.js";
import { isProblem, type Problem } from "../shared/problem.js";

// fetch for the advisors' page: JSON in, JSON out, the session cookie along (same origin:
// shared/api.ts omits credentials, right for the widget on dealer sites, not here), and
// every refusal as an ApiFailure carrying the problem, said to STAFF as a sentence
// (shared/problem-sentence.ts speaks to customers).

export class ApiFailure extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.code);
  }
}

export interface ApiOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function apiFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiFailure({ status: 0, code: "network" });
  }
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiFailure(isProblem(body) ? body : { status: res.status, code: "internal" });
  return body as T;
}

/** Sentences for the API's closed set of codes, for the desk; the page's own words for `network`. */
export const PROBLEM_SENTENCES: Record<"en" | "it", Record<string, string>> = {
  en: {
    network: "The server cannot be reached. Check the connection and try again.",
    unauthorized: "You are not signed in, or the key is not valid.",
    forbidden: "This is not allowed from here.",
    not_found: "It no longer exists.",
    validation_failed: "Some of the details are not valid.",
    rule_violation: "That would break the day's rules:",
    slot_unavailable: "That time is no longer free:",
    version_conflict: "Someone changed this in the meantime. The day has been refreshed: please look again.",
    invalid_transition: "That step is not possible in the appointment's current state.",
    precondition_required: "The page was out of date. The day has been refreshed.",
    rate_limited: "Too many requests: wait a moment.",
    internal: "Something went wrong on the server. Try again.",
  },
  it: {
    network: "Il server non risponde. Controlla la connessione e riprova.",
    unauthorized: "Non hai effettuato l'accesso, oppure la chiave non è valida.",
    forbidden: "Questa operazione non è consentita da qui.",
    not_found: "Non esiste più.",
    validation_failed: "Alcuni dati non sono validi.",
    rule_violation: "Violerebbe le regole della giornata:",
    slot_unavailable: "Quell'orario non è più libero:",
    version_conflict: "Qualcuno l'ha modificato nel frattempo. La giornata è stata aggiornata: ricontrolla.",
    invalid_transition: "Questo passaggio non è possibile nello stato attuale dell'appuntamento.",
    precondition_required: "La pagina non era aggiornata. La giornata è stata aggiornata.",
    rate_limited: "Troppe richieste: attendi un momento.",
    internal: "Qualcosa è andato storto sul server. Riprova.",
  },
};

/** A no-show refused because the reception has not started (the server's clock): from when it may be marked. */
const TOO_EARLY: Record<"en" | "it", (at: string) => string> = {
  en: (at) => `The reception starts at ${at}: a no-show can be marked from then on.`,
  it: (at) => `L'accettazione inizia alle ${at}: da quell'ora si può segnare il cliente come non presentato.`,
};

/** A check-in refused before the reception's day (`opensOn`): the day it opens, and the reception's time. */
const NOT_THE_DAY: Record<"en" | "it", (day: string, at: string) => string> = {
  en: (day, at) => `Check-in opens on the appointment's day, ${day} (reception at ${at}).`,
  it: (day, at) => `Il veicolo si accetta dal giorno dell'appuntamento, ${day} (accettazione alle ${at}).`,
};

export function staffSentence(p: Problem, lang: "en" | "it"): string {
  // invalid_transition with receptionStart: the step is not open YET (lifecycle.ts), which
  // the generic "not possible in the current state" would hide (a click seconds early).
  const start = (p as { receptionStart?: unknown }).receptionStart;
  const opensOn = (p as { opensOn?: unknown }).opensOn;
  if (p.code === "invalid_transition" && typeof start === "string" && /T\d\d:\d\d/.test(start)) {
    // Trap: a check-in's refusal carries receptionStart too; without this it read as a no-show's.
    if (typeof opensOn === "string" && /^\d{4}-\d\d-\d\d$/.test(opensOn))
      return NOT_THE_DAY[lang](longDate(opensOn, lang), start.slice(11, 16));
    return TOO_EARLY[lang](start.slice(11, 16));
  }
  return PROBLEM_SENTENCES[lang][p.code] ?? PROBLEM_SENTENCES[lang].internal;
}
