import type { Mobility } from "./types.js";

// How a visit's recap names things to the customer, in Italian and English, read alike by
// the customer's pages (web/shared/recap-words.ts), the messages (journey/templates.ts)
// and the calendar files (journey/calendar.ts): how they get around while the car is at
// the workshop, and what to bring. Plain words: a car owner does not say "mobility"
// (test/messaging/visit-words.test.ts, test/web/customer-words.test.ts).

type Lang = "it" | "en";

/** What says "how you get around": the recap's label, the reminder's and the calendar file's. */
export const WHILE_AT_WORKSHOP: Record<Lang, string> = {
  en: "While your car is at the workshop",
  it: "Mentre l'auto è in officina",
};

/** Where to ask anything, before the dealer's number: the recap's label and the calendar file's. */
export const CALL_US: Record<Lang, string> = {
  en: "Questions? Call us",
  it: "Domande? Ci chiami",
};

/**
 * The dealer's number after a request to call ("call us", "chiami l'officina"): " on +39 …",
 * " al numero +39 …"; nothing without one. The messages and the pages' sentences alike.
 */
export const onPhone = (lang: Lang, phone: string | undefined): string =>
  phone ? ` ${lang === "it" ? "al numero" : "on"} ${phone}` : "";

/** The visit's mobility as the customer reads it, after WHILE_AT_WORKSHOP. */
export const MOBILITY_NAMES: Record<Lang, Record<Mobility, string>> = {
  en: {
    none: "No courtesy car or lift",
    courtesy_car: "Courtesy car",
    pickup_delivery: "Pickup and delivery",
    rental: "Rental car",
    taxi: "Taxi",
    shuttle: "Dealer shuttle",
  },
  it: {
    none: "Nessuna auto di cortesia né passaggio",
    courtesy_car: "Auto di cortesia",
    pickup_delivery: "Ritiro e riconsegna",
    rental: "Auto a noleggio",
    taxi: "Taxi",
    shuttle: "Navetta del concessionario",
  },
};

/**
 * The return appointment as the customer reads it: the recap's label and the calendar
 * event's title. With pickup and delivery a driver brings the car back; the customer
 * collects nothing (the recap would otherwise say "Collecting the car" beside "a driver
 * ... brings it back").
 */
export const RETURN_NAMES: Record<Lang, { collect: string; delivered: string }> = {
  en: { collect: "Collecting your car", delivered: "Your car brought back to you" },
  it: { collect: "Ritiro dell'auto", delivered: "Riconsegna dell'auto a domicilio" },
};

/** The return's name in `lang` for a visit with mobility `m`. */
export const returnIn = (lang: Lang, m: string): string =>
  m === "pickup_delivery" ? RETURN_NAMES[lang].delivered : RETURN_NAMES[lang].collect;

/** What to bring (AppointmentView.recap.bring, English) in Italian. */
export const BRING_IT: Record<string, string> = {
  "registration certificate": "carta di circolazione",
  "maintenance booklet": "libretto di manutenzione",
  "driving licence": "patente di guida",
  "locking wheel-nut key": "chiave dei bulloni antifurto",
  "charging cable": "cavo di ricarica",
};

/** A mobility code in `lang`'s words (an unknown one as written). */
export const mobilityIn = (lang: Lang, m: string): string => MOBILITY_NAMES[lang][m as Mobility] ?? m;

/** What to bring in `lang`'s words. */
export const bringIn = (lang: Lang, items: string[]): string[] =>
  lang === "it" ? items.map((i) => BRING_IT[i] ?? i) : items;
