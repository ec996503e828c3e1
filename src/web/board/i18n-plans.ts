// The advisors' page's words (i18n.ts composes this area with the others): the
// reshuffle plans (late, swap, absence, walk-in). The proposed plan's table, applying
// it, and the absence and walk-in dialogs. English and Italian, same keys.

const en = {
  planTitle: "Proposed plan",
  planEmpty: "Nothing needs to move.",
  who: "Appointment",
  from: "Now",
  to: "Becomes",
  notifyCol: "Tell the customer?",
  notifyYes: "yes: the time changes",
  notifyNo: "no: same time",
  notifyReturn: "yes: the return time changes",
  toContact: "Cannot be placed: call the customer",
  notifyList: "Customers to notify: {n}",
  apply: "Apply the plan",
  applied: "Plan applied: {n} appointments moved.",
  applied1: "Plan applied: 1 appointment moved.",
  absenceTitle: "Mark an advisor absent",
  from2: "From",
  until: "Until",
  planAbsence: "Show the plan",
  walkInTitle: "Walk-in customer",
  customerName: "Customer's name",
  model: "Vehicle model",
  work: "Work",
  planWalkIn: "Find a slot",
  walkInBooked: "Walk-in booked on {day} at {time}.",
} as const;

const it: Record<keyof typeof en, string> = {
  planTitle: "Piano proposto",
  planEmpty: "Non serve spostare nulla.",
  who: "Appuntamento",
  from: "Ora",
  to: "Diventa",
  notifyCol: "Avvisare il cliente?",
  notifyYes: "sì: cambia l'orario",
  notifyNo: "no: stesso orario",
  notifyReturn: "sì: cambia l'orario di riconsegna",
  toContact: "Non collocabili: chiamare il cliente",
  notifyList: "Clienti da avvisare: {n}",
  apply: "Applica il piano",
  applied: "Piano applicato: {n} appuntamenti spostati.",
  applied1: "Piano applicato: 1 appuntamento spostato.",
  absenceTitle: "Segna un consulente assente",
  from2: "Dalle",
  until: "Alle",
  planAbsence: "Mostra il piano",
  walkInTitle: "Cliente senza appuntamento",
  customerName: "Nome del cliente",
  model: "Modello del veicolo",
  work: "Lavoro",
  planWalkIn: "Trova un posto",
  walkInBooked: "Cliente accolto {day} alle {time}.",
};

export const PLANS = { en, it };
