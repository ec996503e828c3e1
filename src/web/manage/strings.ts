import { customerWords } from "../shared/customer-words.js";

// The manage page's own words (the customer's appointment: see, move, cancel).

export const STRINGS = customerWords(
  {
    loading: "Loading your appointment…",
    title: "Your appointment at {dealer}",
    change: "Change date or time",
    cancel: "Cancel the appointment",
    cancelAsk: "Do you really want to cancel your appointment on {when}?",
    cancelYes: "Yes, cancel it",
    cancelNo: "No, keep it",
    cancelled: "Your appointment is cancelled. The workshop has been told.",
    icsCancelled: "Remove it from my calendar (.ics)",
    changeTitle: "Choose a new time",
    noDays: "There are no free times in the next weeks. Please call the workshop.",
    move: "Move my appointment",
    keep: "Keep the current time",
    moved: "Your appointment is moved to {day} at {time}.",
    notFound: "We could not find this appointment. The link may be wrong or out of date.",
  },
  {
    loading: "Caricamento dell'appuntamento…",
    title: "Il suo appuntamento presso {dealer}",
    change: "Modifichi giorno o ora",
    cancel: "Annulli l'appuntamento",
    cancelAsk: "Vuole davvero annullare l'appuntamento di {when}?",
    cancelYes: "Sì, lo annullo",
    cancelNo: "No, lo mantengo",
    cancelled: "Il suo appuntamento è annullato. L'officina è stata avvisata.",
    icsCancelled: "Tolga dal suo calendario (.ics)",
    changeTitle: "Scelga un nuovo orario",
    noDays: "Non ci sono orari liberi nelle prossime settimane. Chiami l'officina.",
    move: "Sposti l'appuntamento",
    keep: "Mantenga l'orario attuale",
    moved: "Il suo appuntamento è spostato a {day} alle {time}.",
    notFound: "Non troviamo questo appuntamento. Il link potrebbe essere errato o scaduto.",
  },
);
export type Key = keyof (typeof STRINGS)["en"];
