import { onPhone } from "../../core/visit-words.js";
import type { Render, TemplateVars } from "./template-vars.js";

// A part's messages (scheduler/parts/): the customer told it arrived (its appointment's
// time in words, as every customer message), and the desk's tasks when no message can
// reach them, when none has by the deadline, or when their appointment was cancelled
// with parts still ordered.

type PartsKind = "parts_arrived" | "parts_arrived_call" | "parts_notice_overdue" | "parts_on_cancelled";

// Parts arrival: what to do next depends on whether the car is in the workshop now, its
// visit is still ahead, or neither; and a deposit still owed is said (the part is not held
// back for it).
const partsNextEn = (v: TemplateVars) =>
  (v.carIn
    ? "We will fit it during this visit, while your car is with us."
    : v.visitAhead
      ? `We will fit it at your appointment on ${v.when}.`
      : `Call us${onPhone("en", v.dealerPhone)} to book a time to fit it.`) +
  (v.depositDue ? ` A deposit of ${v.depositDue} is still due; you can pay it at the desk.` : "");
const partsNextIt = (v: TemplateVars) =>
  (v.carIn
    ? "Lo monteremo durante questa visita, mentre l'auto è da noi."
    : v.visitAhead
      ? `Lo monteremo durante il suo appuntamento di ${v.when}.`
      : `Ci chiami${onPhone("it", v.dealerPhone)} per fissare il montaggio.`) +
  (v.depositDue ? ` Resta da versare un acconto di ${v.depositDue}, che può saldare in accettazione.` : "");

// The text message's shorter form (it starts with the dealer's name, sms-text.ts): the
// part, when it is fitted and the deposit still due, in two segments with a usual dealer
// name, where the full sentences fell back to the subject (the part's name alone).
const partsSmsEn = (v: TemplateVars) =>
  `Dear ${v.customer}, the part for your ${v.vehicle} has arrived: ${v.part ?? "ordered part"}. ` +
  (v.carIn
    ? "We will fit it during this visit."
    : v.visitAhead
      ? `We will fit it at your appointment on ${v.when}.`
      : `Call us${onPhone("en", v.dealerPhone)} to book a time to fit it.`) +
  (v.depositDue ? ` Deposit due at the desk: ${v.depositDue}.` : "");
const partsSmsIt = (v: TemplateVars) =>
  `Gentile ${v.customer}, è arrivato il ricambio per la sua ${v.vehicle}: ${v.part ?? "ricambio ordinato"}. ` +
  (v.carIn
    ? "Lo monteremo durante questa visita."
    : v.visitAhead
      ? `Lo monteremo al suo appuntamento di ${v.when}.`
      : `Ci chiami${onPhone("it", v.dealerPhone)} per fissare il montaggio.`) +
  (v.depositDue ? ` Acconto da versare in accettazione: ${v.depositDue}.` : "");

// A cancelled appointment's parts: each with its state and any deposit paid (a refund is
// the till's, not Pitlane's).
const livePartsEn = (v: TemplateVars) =>
  v.liveParts?.length
    ? v.liveParts
        .map(
          (p) =>
            `${p.part} (${p.state === "arrived" ? "arrived, on the shelf" : "on order"}${p.depositPaid ? `, deposit paid ${p.depositPaid}` : ""})`,
        )
        .join("; ")
    : "see the task data";
const livePartsIt = (v: TemplateVars) =>
  v.liveParts?.length
    ? v.liveParts
        .map(
          (p) =>
            `${p.part} (${p.state === "arrived" ? "arrivato, a magazzino" : "in ordine"}${p.depositPaid ? `, acconto versato ${p.depositPaid}` : ""})`,
        )
        .join("; ")
    : "vedere i dati dell'attività";
const anyDeposit = (v: TemplateVars) => v.liveParts?.some((p) => p.depositPaid) === true;
// The wording agrees with the count: one part read "parts are still ordered" (a list not
// given, as in an old task's data, keeps the plural).
const onePart = (v: TemplateVars) => v.liveParts?.length === 1;

export const PARTS_EN: Record<PartsKind, Render> = {
  parts_arrived: (v) => ({
    subject: `Your part has arrived: ${v.part ?? "ordered part"}`,
    text: `Dear ${v.customer}, the part we ordered for your ${v.vehicle} has arrived at ${v.dealer}: ${v.part ?? "ordered part"}. ${partsNextEn(v)}`,
    sms: partsSmsEn(v),
  }),
  parts_arrived_call: (v) => ({
    subject: `Call ${v.customer} by ${v.dueBy ?? "tomorrow's close"}: part arrived`,
    text: `Call ${v.customer} by ${v.dueBy ?? "tomorrow's close"}: the part ordered for the ${v.vehicle} has arrived (${v.part ?? "see the task data"}). No automatic message can reach them (no consent or no address).${v.depositDue ? ` Deposit still due: ${v.depositDue}.` : ""}`,
  }),
  parts_notice_overdue: (v) => ({
    subject: `Not told yet: part arrived for ${v.customer}`,
    text: `The part for the ${v.vehicle} of ${v.customer} (${v.part ?? "see the task data"}) has arrived, and no message has reached them. Call them today, by ${v.dueBy ?? "the close"} (1 business day after arrival).`,
  }),
  parts_on_cancelled: (v) => ({
    subject: `Cancelled with ${onePart(v) ? "a part" : "parts"}: call ${v.customer}`,
    text: `The appointment on ${v.when} (${v.reason}, ${v.vehicle}) of ${v.customer} was cancelled, and ${onePart(v) ? "a part is" : "parts are"} still ordered for it: ${livePartsEn(v)}. Call the customer to rebook or cancel ${onePart(v) ? "the order" : "the orders"}.${anyDeposit(v) ? (onePart(v) ? " If the order is cancelled, refund the deposit at the desk." : " If an order is cancelled, refund its deposit at the desk.") : ""}`,
  }),
};

export const PARTS_IT: Record<PartsKind, Render> = {
  parts_arrived: (v) => ({
    subject: `Il ricambio è arrivato: ${v.part ?? "ricambio ordinato"}`,
    text: `Gentile ${v.customer}, il ricambio ordinato per la sua ${v.vehicle} è arrivato presso ${v.dealer}: ${v.part ?? "ricambio ordinato"}. ${partsNextIt(v)}`,
    sms: partsSmsIt(v),
  }),
  parts_arrived_call: (v) => ({
    subject: `Chiamare ${v.customer} entro ${v.dueBy ?? "la chiusura di domani"}: ricambio arrivato`,
    text: `Chiamare ${v.customer} entro ${v.dueBy ?? "la chiusura di domani"}: il ricambio ordinato per la ${v.vehicle} è arrivato (${v.part ?? "vedere i dati dell'attività"}). Nessun messaggio automatico può raggiungerlo (nessun consenso o nessun recapito).${v.depositDue ? ` Acconto ancora da versare: ${v.depositDue}.` : ""}`,
  }),
  parts_notice_overdue: (v) => ({
    subject: `Cliente non ancora avvisato: ricambio arrivato per ${v.customer}`,
    text: `Il ricambio per la ${v.vehicle} di ${v.customer} (${v.part ?? "vedere i dati dell'attività"}) è arrivato, ma nessun messaggio lo ha raggiunto. Chiamarlo oggi, entro ${v.dueBy ?? "la chiusura"} (1 giorno lavorativo dopo l'arrivo).`,
  }),
  parts_on_cancelled: (v) => ({
    subject: `Annullato con ${onePart(v) ? "un ricambio" : "ricambi"}: chiamare ${v.customer}`,
    text: `L'appuntamento di ${v.when} (${v.reason}, ${v.vehicle}) di ${v.customer} è stato annullato, ma ha ancora ${onePart(v) ? "un ricambio ordinato" : "ricambi ordinati"}: ${livePartsIt(v)}. Chiamare il cliente per fissare un nuovo appuntamento o annullare ${onePart(v) ? "l'ordine" : "gli ordini"}.${anyDeposit(v) ? (onePart(v) ? " Se l'ordine viene annullato, restituire l'acconto in accettazione." : " Se un ordine viene annullato, restituirne l'acconto in accettazione.") : ""}`,
  }),
};
