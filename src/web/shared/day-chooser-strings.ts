import type { DayChooserLabels } from "./day-chooser.js";
import type { Lang } from "./i18n.js";

// The day chooser's own words (calendar dialog, time list), the same on every page that
// shows it (the widget, the customer's manage page); each page spreads them into its
// dictionary and adds the two it words itself ("noDays", "loading").

export const DAY_CHOOSER_STRINGS: Record<Lang, Omit<DayChooserLabels, "noDays" | "loading">> = {
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
    calLoading: "loading",
    morning: "Morning",
    afternoon: "Afternoon",
    quiet: "quiet time",
    withAdvisor: "with {name}",
    noTimes: "No free times on this day. Please choose another day.",
    timesLoaded: "{count} free times on {date}.",
  },
  it: {
    day: "Giorno: {date}",
    chooseDate: "Scegli un altro giorno",
    calHelp: "Usi le frecce per spostarsi tra i giorni, Pagina su e Pagina giù per cambiare mese, Invio per scegliere.",
    prevMonth: "Mese precedente",
    nextMonth: "Mese successivo",
    close: "Chiudi",
    calFree: "libero dalle {first}",
    calQuiet: "orari tranquilli",
    calFull: "nessun orario libero",
    calLoading: "caricamento",
    morning: "Mattina",
    afternoon: "Pomeriggio",
    quiet: "orario tranquillo",
    withAdvisor: "con {name}",
    noTimes: "Nessun orario libero in questo giorno. Scelga un altro giorno.",
    timesLoaded: "{count} orari liberi il {date}.",
  },
};
