import { DAY_CHOOSER_STRINGS } from "../shared/day-chooser-strings.js";
import type { Lang } from "../shared/i18n.js";

const en = {
  ...DAY_CHOOSER_STRINGS.en,
  loading: "Loading your appointment…",
  title: "Your appointment at {dealer}",
  ics: "Add to my calendar (.ics)",
  change: "Change date or time",
  cancel: "Cancel the appointment",
  cancelAsk: "Do you really want to cancel your appointment on {when}?",
  cancelYes: "Yes, cancel it",
  cancelNo: "No, keep it",
  cancelled: "Your appointment is cancelled. The workshop has been told.",
  changeTitle: "Choose a new time",
  zone: "Times are in the workshop's time zone: {zone}.",
  noDays: "There are no free times in the next weeks. Please call the workshop.",
  pickTime: "Please choose a time.",
  move: "Move my appointment",
  keep: "Keep the current time",
  moved: "Your appointment is moved to {when}.",
  alternativesTitle: "Other free times",
  notFound: "We could not find this appointment. The link may be wrong or out of date.",
};
export type Key = keyof typeof en;

const it: Record<Key, string> = {
  ...DAY_CHOOSER_STRINGS.it,
  loading: "Caricamento dell'appuntamento…",
  title: "Il suo appuntamento presso {dealer}",
  ics: "Aggiungi al mio calendario (.ics)",
  change: "Cambia giorno o ora",
  cancel: "Annulla l'appuntamento",
  cancelAsk: "Vuole davvero annullare l'appuntamento di {when}?",
  cancelYes: "Sì, annulla",
  cancelNo: "No, mantieni",
  cancelled: "Il suo appuntamento è annullato. L'officina è stata avvisata.",
  changeTitle: "Scelga un nuovo orario",
  zone: "Gli orari sono nel fuso orario dell'officina: {zone}.",
  noDays: "Non ci sono orari liberi nelle prossime settimane. Chiami l'officina.",
  pickTime: "Scelga un orario.",
  move: "Sposta l'appuntamento",
  keep: "Mantieni l'orario attuale",
  moved: "Il suo appuntamento è spostato a {when}.",
  alternativesTitle: "Altri orari liberi",
  notFound: "Non troviamo questo appuntamento. Il link potrebbe essere errato o scaduto.",
};

export const STRINGS: Record<Lang, Record<Key, string>> = { en, it };
