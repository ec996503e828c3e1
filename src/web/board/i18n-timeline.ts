// The advisors' page's words (i18n.ts composes this area with the others): the timeline
// (its help, the keyboard move's announcements, the buttons above it), and the words that
// name an appointment on it: its kind, marks and status, the customer, car and work. The
// dialog, the plans and the tooltips say an appointment in these same words. English and
// Italian, same keys.

const en = {
  timeline: "Timeline per advisor",
  timelineHelp:
    "Each appointment is a button. Enter opens its actions; Space picks it up, the arrows move it (left/right 15 minutes, up/down another advisor), Enter drops it, Escape puts it back. You can also drag it with the mouse.",
  reception: "reception",
  return: "return",
  express: "express",
  forced: "forced",
  slotLabel: "{kind} {start}–{end}, {status}{flags}{who}",
  grabbed: "Picked up: {kind} at {time}, {advisor}. Arrows move it, Enter drops it, Escape cancels.",
  grabMoved: "{time}, {advisor}",
  grabCancelled: "Put back.",
  moved: "Moved to {time}, {advisor}.",
  movedToDay: "Moved to {day} at {time}, {advisor}.",
  notMoved: "Not moved: it is still at the same time, with the same advisor.",
  walkIn: "Walk-in",
  absent: "Advisor absent",
  status_requested: "requested",
  status_confirmed: "confirmed",
  status_checked_in: "checked in",
  status_completed: "completed",
  status_no_show: "no-show",
  status_cancelled: "cancelled",
  customer: "Customer",
  phone: "Phone",
  vehicle: "Vehicle",
  interventions: "Work",
  readyAt: "Ready at",
  unknown: "—",
  possibleMatch: "May be the known customer {name}",
} as const;

const it: Record<keyof typeof en, string> = {
  timeline: "Agenda per consulente",
  timelineHelp:
    "Ogni appuntamento è un pulsante. Invio apre le azioni; Spazio lo prende, le frecce lo spostano (sinistra/destra 15 minuti, su/giù un altro consulente), Invio lo lascia, Esc lo rimette a posto. Puoi anche trascinarlo con il mouse.",
  reception: "accettazione",
  return: "riconsegna",
  express: "express",
  forced: "forzato",
  slotLabel: "{kind} {start}–{end}, {status}{flags}{who}",
  grabbed: "Preso: {kind} alle {time}, {advisor}. Le frecce lo spostano, Invio lo lascia, Esc annulla.",
  grabMoved: "{time}, {advisor}",
  grabCancelled: "Rimesso a posto.",
  moved: "Spostato alle {time}, {advisor}.",
  movedToDay: "Spostato a {day} alle {time}, {advisor}.",
  notMoved: "Non spostato: è ancora allo stesso orario, con lo stesso consulente.",
  walkIn: "Cliente senza appuntamento",
  absent: "Consulente assente",
  status_requested: "richiesto",
  status_confirmed: "confermato",
  status_checked_in: "accettato",
  status_completed: "completato",
  status_no_show: "non presentato",
  status_cancelled: "annullato",
  customer: "Cliente",
  phone: "Telefono",
  vehicle: "Veicolo",
  interventions: "Lavori",
  readyAt: "Pronto alle",
  unknown: "—",
  possibleMatch: "Potrebbe essere il cliente noto {name}",
};

export const TIMELINE = { en, it };
