import type { DayChooserLabels } from "./day-labels.js";
import type { Lang } from "./i18n.js";

// The words both customer pages say alike (the booking widget, the manage page): the day
// chooser's (calendar dialog, time list), a refused time's alternatives, the time zone note
// and the calendar download. Each page adds its own with customerWords(); the two words
// of the day chooser each page says its own way ("noDays", "loading") are among those.
// Italian speaks to the customer in the formal register throughout: "Lei" in sentences and
// buttons alike ("Scelga", "Modifichi", "Prenoti"), the customer's own answers in the first
// person ("Sì, lo annullo"), or no person at all ("Avanti", "Promemoria via"); never "tu"
// (test/web/customer-words.test.ts reads every word for it).

type CommonKey =
  | Exclude<keyof DayChooserLabels, "noDays" | "loading">
  | "zone"
  | "pickTime"
  | "alternativesTitle"
  | "ics";

const COMMON: Record<Lang, Record<CommonKey, string>> = {
  en: {
    day: "Day: {date}",
    chooseDate: "Choose another day",
    calHelp: "Use the arrow keys to move between days, Page Up and Page Down to change month, Enter to choose.",
    prevMonth: "Previous month",
    nextMonth: "Next month",
    close: "Close",
    calFree: "free from {first}",
    calQuiet: "quiet times",
    calFull: "no free times",
    calClosed: "closed",
    calPast: "past",
    calBeyond: "not yet open for booking",
    calLoading: "loading",
    morning: "Morning",
    afternoon: "Afternoon",
    quiet: "quiet time",
    withAdvisor: "with {name}",
    noTimes: "No free times on this day. Please choose another day.",
    timeLoaded: "{count} free time on {date}.",
    timesLoaded: "{count} free times on {date}.",
    retry: "Try again",
    zone: "Times are in the workshop's time zone: {zone}.",
    pickTime: "Please choose a time.",
    alternativesTitle: "Other free times",
    ics: "Add to my calendar (.ics)",
  },
  it: {
    day: "Giorno: {date}",
    chooseDate: "Scelga un altro giorno",
    calHelp: "Usi le frecce per spostarsi tra i giorni, Pagina su e Pagina giù per cambiare mese, Invio per scegliere.",
    prevMonth: "Mese precedente",
    nextMonth: "Mese successivo",
    close: "Chiuda",
    calFree: "libero dalle {first}",
    calQuiet: "orari tranquilli",
    calFull: "nessun orario libero",
    calClosed: "chiuso",
    calPast: "giorno passato",
    calBeyond: "prenotazioni non ancora aperte",
    calLoading: "caricamento",
    morning: "Mattina",
    afternoon: "Pomeriggio",
    quiet: "orario tranquillo",
    withAdvisor: "con {name}",
    noTimes: "Nessun orario libero in questo giorno. Scelga un altro giorno.",
    // No article before the weekday: "il lunedì 23 novembre" reads as "on Mondays".
    timeLoaded: "{count} orario libero {date}.",
    timesLoaded: "{count} orari liberi {date}.",
    retry: "Riprovi",
    zone: "Gli orari sono nel fuso orario dell'officina: {zone}.",
    pickTime: "Scelga un orario.",
    alternativesTitle: "Altri orari liberi",
    ics: "Aggiunga al suo calendario (.ics)",
  },
};

/** A page's dictionary: the common words and its own, English and Italian (a key missing in one is a type error). */
export function customerWords<K extends string>(
  en: Record<K, string>,
  it: Record<NoInfer<K>, string>,
): Record<Lang, Record<K | CommonKey, string>> {
  return { en: { ...COMMON.en, ...en }, it: { ...COMMON.it, ...it } };
}
