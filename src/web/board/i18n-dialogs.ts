// The advisors' page's words (i18n.ts composes this area with the others): the
// appointment dialog. Its title, its details as read, the lifecycle steps (Confirm to
// Cancel) and the move, force, late and swap forms. English and Italian, same keys.

const en = {
  actionsFor: "Appointment {time}{who}",
  changedMeanwhile: "Changed meanwhile by someone else: now {status}, {time}.",
  detailsUnread: "The appointment's details could not be read. {why}",
  tryAgain: "Try again",
  readingAgain: "Reading again…",
  goneMeanwhile:
    "This appointment is no longer on this day: someone else moved it to another day or cancelled it. Close this window to see the day as it is now.",
  confirm: "Confirm",
  checkIn: "Check in",
  checkInLate: "Arrived late: check in",
  noShow: "No-show",
  complete: "Complete",
  cancel: "Cancel appointment",
  moveTitle: "Move",
  newDate: "New day",
  newTime: "New time",
  newAdvisor: "Advisor",
  move: "Move",
  forceTitle: "Go past the buffer limits",
  forceHelp: "Only the desk's buffer limits may be overridden, with a reason; it is recorded.",
  reason: "Reason",
  forceMove: "Move anyway",
  lateTitle: "Running late",
  lateMinutes: "Minutes late",
  planLate: "Show the plan",
  swapTitle: "Swap with another appointment",
  swapWith: "Other appointment",
  planSwap: "Show the swap",
} as const;

const it: Record<keyof typeof en, string> = {
  actionsFor: "Appuntamento delle {time}{who}",
  changedMeanwhile: "Modificato nel frattempo da un collega: ora {status}, {time}.",
  detailsUnread: "Non è stato possibile leggere i dettagli dell'appuntamento. {why}",
  tryAgain: "Riprova",
  readingAgain: "Nuova lettura in corso…",
  goneMeanwhile:
    "Questo appuntamento non è più in questa giornata: un collega l'ha spostato a un altro giorno o l'ha annullato. Chiudi questa finestra per vedere la giornata com'è adesso.",
  confirm: "Conferma",
  checkIn: "Accetta il veicolo",
  checkInLate: "Arrivato in ritardo: accetta il veicolo",
  noShow: "Non presentato",
  complete: "Completa",
  cancel: "Annulla l'appuntamento",
  moveTitle: "Sposta",
  newDate: "Nuovo giorno",
  newTime: "Nuovo orario",
  newAdvisor: "Consulente",
  move: "Sposta",
  forceTitle: "Supera i limiti di accettazione",
  forceHelp: "Solo i limiti di carico dell'accettazione si possono superare, con un motivo; resta registrato.",
  reason: "Motivo",
  forceMove: "Sposta comunque",
  lateTitle: "In ritardo",
  lateMinutes: "Minuti di ritardo",
  planLate: "Mostra il piano",
  swapTitle: "Scambia con un altro appuntamento",
  swapWith: "Altro appuntamento",
  planSwap: "Mostra lo scambio",
};

export const DIALOGS = { en, it };
