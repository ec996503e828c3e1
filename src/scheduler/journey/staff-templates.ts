import { opts, type Render, type StaffKind } from "./template-vars.js";

// The staff's messages (tasks and notices for the desk, the advisors and the supervisor),
// in the dealer's locale. Their times are short, for a list read in passing: `when` and
// `readyWhen` "mer 25/11 alle 9:00" / "Wed 25/11 at 9:00", `date` "mer 25/11" (core/
// date-short.ts). Trap: no article before them in Italian ("il"/"dal" would have to
// agree with the weekday: "la domenica"); "di", "da … a", "entro" need none. The parts
// tasks are in parts-templates.ts.

type StaffNotParts = Exclude<StaffKind, "parts_arrived_call" | "parts_notice_overdue" | "parts_on_cancelled">;

export const STAFF_EN: Record<StaffNotParts, Render> = {
  supervisor_notice: (v) => ({
    subject: `New booking ${v.when}: ${v.reason}`,
    text: `New booking for ${v.when}: ${v.reason}, ${v.vehicle}, ready on ${v.readyWhen}; advisor ${v.greeter}. Hold a bay.`,
  }),
  confirm_overdue: (v) => ({
    subject: `Online request not confirmed within 24 h`,
    text: `The online request for ${v.when} (${v.reason}, ${v.vehicle}) is still unconfirmed after 24 hours. Confirm it or call the customer.`,
  }),
  no_show_task: (v) => ({
    subject: `No-show: contact and reschedule`,
    text: `${v.customer} did not arrive on ${v.when} (${v.reason}, ${v.vehicle}). Call and propose: ${opts(v, "no free slot found; check the board")}.`,
  }),
  next_visit: (v) => ({
    subject: `Offer the next visit to ${v.customer}`,
    text: `At delivery of ${v.vehicle}, offer the next service visit: ${opts(v, "no free slot found")}.`,
  }),
  car_ready_call: (v) => ({
    subject: `Call ${v.customer}: car ready on ${v.readyWhen}`,
    text: `Call ${v.customer}: the ${v.vehicle} will be ready on ${v.readyWhen} (no consent to automatic messages).`,
  }),
  follow_up_call: (v) => ({
    subject: `Follow-up call: ${v.customer}`,
    text: `Call ${v.customer} about the visit on ${v.date} (${v.reason}, ${v.vehicle}): satisfaction and concerns.`,
  }),
  no_show_withdrawn: (v) => ({
    subject: `No-show withdrawn: ${v.customer} arrived late`,
    text: `${v.customer} arrived late for their appointment on ${v.when} (${v.reason}, ${v.vehicle}) and has been checked in. Ignore the no-show task: no call needed.`,
  }),
  progress_check: (v) => ({
    subject: `Progress check: ${v.vehicle}, ready on ${v.readyWhen}`,
    text: `80% of the planned labour on the ${v.vehicle} (${v.reason}) is due now. Check progress with the technician; report it so the promise to ${v.customer} (ready on ${v.readyWhen}) stays true.`,
  }),
  ready_conflict: (v) => ({
    subject: `Ready time moved: the return of ${v.vehicle} needs you`,
    text: `The ${v.vehicle} of ${v.customer} will be ready on ${v.readyWhen}, after its return appointment, and the return could not follow (${v.options?.join("; ") || "see the task data"}). Arrange the return and the mobility with the customer.`,
  }),
  extra_work_approval: (v) => ({
    subject: `Extra work on ${v.vehicle}: ask ${v.customer} for approval`,
    text: `Extra work was found on the ${v.vehicle} (${opts(v, "see the task data")}). Ask ${v.customer} for approval; it is planned only once approved.`,
  }),
  customer_moved: (v) => ({
    subject: `Moved by the customer: ${v.customer}, now ${v.when}`,
    text: `${v.customer} moved their appointment online ${v.moved ?? `from an earlier time to ${v.when}`} (${v.reason}, ${v.vehicle}); ready on ${v.readyWhen}, advisor ${v.greeter}.`,
  }),
  customer_cancelled: (v) => ({
    subject: `Cancelled by the customer: ${v.customer}, ${v.when}`,
    text: `${v.customer} cancelled online the appointment on ${v.when} (${v.reason}, ${v.vehicle}). Its desk time and its bay are free again.`,
  }),
};

export const STAFF_IT: Record<StaffNotParts, Render> = {
  supervisor_notice: (v) => ({
    subject: `Nuova prenotazione ${v.when}: ${v.reason}`,
    text: `Nuova prenotazione per ${v.when}: ${v.reason}, ${v.vehicle}, pronta ${v.readyWhen}; consulente ${v.greeter}. Riservare una postazione.`,
  }),
  confirm_overdue: (v) => ({
    subject: `Richiesta online non confermata entro 24 ore`,
    text: `La richiesta online per ${v.when} (${v.reason}, ${v.vehicle}) non è ancora confermata dopo 24 ore. Confermarla o chiamare il cliente.`,
  }),
  no_show_task: (v) => ({
    subject: `Cliente non presentato: contattare e riprogrammare`,
    text: `${v.customer} non si è presentato all'appuntamento di ${v.when} (${v.reason}, ${v.vehicle}). Chiamare e proporre: ${opts(v, "nessuno slot libero trovato; verificare il planning")}.`,
  }),
  next_visit: (v) => ({
    subject: `Proporre la prossima visita a ${v.customer}`,
    text: `Alla riconsegna della ${v.vehicle}, proporre il prossimo tagliando: ${opts(v, "nessuno slot libero trovato")}.`,
  }),
  car_ready_call: (v) => ({
    subject: `Chiamare ${v.customer}: auto pronta ${v.readyWhen}`,
    text: `Chiamare ${v.customer}: la ${v.vehicle} sarà pronta ${v.readyWhen} (nessun consenso ai messaggi automatici).`,
  }),
  follow_up_call: (v) => ({
    subject: `Chiamata di follow-up: ${v.customer}`,
    text: `Chiamare ${v.customer} per la visita di ${v.date} (${v.reason}, ${v.vehicle}): soddisfazione ed eventuali dubbi.`,
  }),
  no_show_withdrawn: (v) => ({
    subject: `Chiamata al cliente non presentato ritirata: ${v.customer} è arrivato in ritardo`,
    text: `${v.customer} è arrivato in ritardo all'appuntamento di ${v.when} (${v.reason}, ${v.vehicle}) ed è stato accettato. Ignorare l'attività per il cliente non presentato: nessuna chiamata necessaria.`,
  }),
  progress_check: (v) => ({
    subject: `Verifica avanzamento: ${v.vehicle}, pronta ${v.readyWhen}`,
    text: `È stato raggiunto l'80% della manodopera prevista sulla ${v.vehicle} (${v.reason}). Verificare l'avanzamento con il tecnico e registrarlo, perché la promessa a ${v.customer} (pronta ${v.readyWhen}) resti vera.`,
  }),
  ready_conflict: (v) => ({
    subject: `Orario di riconsegna spostato: la riconsegna della ${v.vehicle} richiede un intervento`,
    text: `La ${v.vehicle} di ${v.customer} sarà pronta ${v.readyWhen}, dopo l'appuntamento di riconsegna, che non è stato possibile spostare (${v.options?.join("; ") || "vedere i dati dell'attività"}). Concordare riconsegna e mobilità con il cliente.`,
  }),
  extra_work_approval: (v) => ({
    subject: `Lavori aggiuntivi sulla ${v.vehicle}: chiedere l'approvazione a ${v.customer}`,
    text: `Sono stati rilevati lavori aggiuntivi sulla ${v.vehicle} (${opts(v, "vedere i dati dell'attività")}). Chiedere l'approvazione a ${v.customer}; saranno pianificati solo dopo l'approvazione.`,
  }),
  customer_moved: (v) => ({
    subject: `Spostato dal cliente: ${v.customer}, ora ${v.when}`,
    text: `${v.customer} ha spostato online l'appuntamento ${v.moved ?? `dall'orario precedente a ${v.when}`} (${v.reason}, ${v.vehicle}); pronta ${v.readyWhen}, consulente ${v.greeter}.`,
  }),
  customer_cancelled: (v) => ({
    subject: `Annullato dal cliente: ${v.customer}, ${v.when}`,
    text: `${v.customer} ha annullato online l'appuntamento di ${v.when} (${v.reason}, ${v.vehicle}). L'orario in accettazione e la postazione sono di nuovo liberi.`,
  }),
};
