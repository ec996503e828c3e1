import { onPhone, WHILE_AT_WORKSHOP } from "../../core/visit-words.js";
import type { CustomerKind, Render, TemplateVars } from "./template-vars.js";

// The customer's messages, in the dealer's voice towards a car owner (formal "Lei" in
// Italian). Times are in words on the dealer's wall clock ("mercoledì 25 novembre alle
// 9:00", when-words.ts) and the services in running text ("per la manutenzione"); no
// machine string ("2026-11-25 09:00") reaches a customer. A part's arrival is in
// parts-templates.ts.

type Kind = Exclude<CustomerKind, "parts_arrived">;

// The reminder: the time, who welcomes them and how they get around ("confirm appointment
// and mobility 24 hours before"), then parking and what to bring. A text message says the
// first part alone: with the list of papers it would not fit two segments, and the page
// behind its link has the rest.
const reminderEn = (v: TemplateVars) =>
  `Dear ${v.customer}, we expect you on ${v.when} for ${v.service}. ${v.greeter} will welcome you. ${WHILE_AT_WORKSHOP.en}: ${v.mobility}.`;
const reminderIt = (v: TemplateVars) =>
  `Gentile ${v.customer}, la aspettiamo ${v.when} per ${v.service}. La accoglierà ${v.greeter}. ${WHILE_AT_WORKSHOP.it}: ${v.mobility}.`;

// A text message starts with the dealer's name (sms-text.ts), so its short forms below do
// not name the dealer again, nor the parking and the papers (the page behind the link has
// them): with a usual dealer name (~40 characters) the full sentences did not fit two
// segments, and the text fell back to its subject, without the service or who welcomes them.
const confirmedSmsEn = (v: TemplateVars) =>
  `Dear ${v.customer}, your appointment on ${v.when} for ${v.service} is confirmed. ${v.greeter} will welcome you.`;
const confirmedSmsIt = (v: TemplateVars) =>
  `Gentile ${v.customer}, confermiamo il suo appuntamento di ${v.when} per ${v.service}. La accoglierà ${v.greeter}.`;

// Who gives the car back, and when (a ready time moved): the return's advisor at the
// dealer, or with pickup and delivery a driver at the customer's.
const handBackEn = (v: TemplateVars) =>
  v.returnDelivered
    ? `Our driver will bring it back to you${v.returnWhen ? ` on ${v.returnWhen}` : ""}.`
    : `${v.returnGreeter ?? v.greeter} will hand it back to you at ${v.dealer}${v.returnWhen ? ` on ${v.returnWhen}` : ""}.`;
const handBackIt = (v: TemplateVars) =>
  v.returnDelivered
    ? `Un nostro autista gliela riporterà${v.returnWhen ? ` ${v.returnWhen}` : ""}.`
    : `${v.returnGreeter ?? v.greeter} gliela riconsegnerà presso ${v.dealer}${v.returnWhen ? ` ${v.returnWhen}` : ""}.`;

// The same, where the car was not named before (a moved appointment): named here.
const carBackEn = (v: TemplateVars) =>
  v.returnDelivered
    ? `Our driver will bring your ${v.vehicle} back to you on ${v.returnWhen}.`
    : `${v.returnGreeter ?? v.greeter} will hand your ${v.vehicle} back to you at ${v.dealer} on ${v.returnWhen}.`;
const carBackIt = (v: TemplateVars) =>
  v.returnDelivered
    ? `Un nostro autista le riporterà la sua ${v.vehicle} ${v.returnWhen}.`
    : `${v.returnGreeter ?? v.greeter} le riconsegnerà la sua ${v.vehicle} presso ${v.dealer} ${v.returnWhen}.`;

// A move, said by what changed (messages.ts movedVars): only who hands the car back, only
// who greets, only the return's time (said first), or the reception itself (from when to when).
const movedEn: Render = (v) => {
  const greeter = v.returnGreeter ?? v.greeter;
  const back = v.returnWhen ? ` ${carBackEn(v)}` : "";
  if (v.movedPart === "handBack" && v.returnWhen)
    return {
      subject: `Your ${v.vehicle} on ${v.returnWhen}: handed back by ${greeter}`,
      text: `Dear ${v.customer}, your appointment at ${v.dealer} on ${v.when} for ${v.service} keeps its times. ${carBackEn(v)}`,
      sms: `Dear ${v.customer}, ${greeter} will hand your ${v.vehicle} back on ${v.returnWhen}.`,
    };
  if (v.movedPart === "greeter" || v.movedPart === "handBack")
    return {
      subject: `Your appointment on ${v.when}: ${v.greeter} will welcome you`,
      text: `Dear ${v.customer}, your appointment at ${v.dealer} on ${v.when} for ${v.service} keeps its time; ${v.greeter} will welcome you.${back}`,
      sms: `Dear ${v.customer}, your appointment on ${v.when} keeps its time; ${v.greeter} will welcome you.`,
    };
  if (v.movedPart === "return" && v.returnWhen)
    return {
      subject: `New time to collect your ${v.vehicle}: ${v.returnWhen}`,
      text: `Dear ${v.customer}, your appointment at ${v.dealer} on ${v.when} for ${v.service} stays as it is; the time to collect your car has changed. ${carBackEn(v)}`,
      sms: `Dear ${v.customer}, the time to collect your ${v.vehicle} has changed: ${v.returnWhen}.`,
    };
  return {
    subject: `Appointment moved: ${v.when}`,
    text: `Dear ${v.customer}, your appointment at ${v.dealer} for ${v.service} ${v.previousWhen ? `has moved from ${v.previousWhen} to ${v.when}` : `is now on ${v.when}`}. ${v.greeter} will welcome you.${back}`,
    sms: `Dear ${v.customer}, your appointment for ${v.service} is now on ${v.when}. ${v.greeter} will welcome you.`,
  };
};

const movedIt: Render = (v) => {
  const greeter = v.returnGreeter ?? v.greeter;
  const back = v.returnWhen ? ` ${carBackIt(v)}` : "";
  if (v.movedPart === "handBack" && v.returnWhen)
    return {
      subject: `La sua ${v.vehicle} ${v.returnWhen}: gliela riconsegnerà ${greeter}`,
      text: `Gentile ${v.customer}, il suo appuntamento presso ${v.dealer} di ${v.when} per ${v.service} resta agli orari previsti. ${carBackIt(v)}`,
      sms: `Gentile ${v.customer}, ${greeter} le riconsegnerà la sua ${v.vehicle} ${v.returnWhen}.`,
    };
  if (v.movedPart === "greeter" || v.movedPart === "handBack")
    return {
      subject: `Il suo appuntamento di ${v.when}: la accoglierà ${v.greeter}`,
      text: `Gentile ${v.customer}, il suo appuntamento presso ${v.dealer} di ${v.when} per ${v.service} resta all'orario previsto; la accoglierà ${v.greeter}.${back}`,
      sms: `Gentile ${v.customer}, il suo appuntamento di ${v.when} resta all'orario previsto; la accoglierà ${v.greeter}.`,
    };
  if (v.movedPart === "return" && v.returnWhen)
    return {
      subject: `Nuovo orario di ritiro della sua ${v.vehicle}: ${v.returnWhen}`,
      text: `Gentile ${v.customer}, il suo appuntamento presso ${v.dealer} di ${v.when} per ${v.service} resta invariato; è cambiato l'orario di ritiro dell'auto. ${carBackIt(v)}`,
      sms: `Gentile ${v.customer}, è cambiato l'orario di ritiro della sua ${v.vehicle}: ${v.returnWhen}.`,
    };
  return {
    subject: `Appuntamento spostato: ${v.when}`,
    text: `Gentile ${v.customer}, il suo appuntamento presso ${v.dealer} per ${v.service} è stato spostato ${v.previousWhen ? `da ${v.previousWhen} a ${v.when}` : `a ${v.when}`}. La accoglierà ${v.greeter}.${back}`,
    sms: `Gentile ${v.customer}, il suo appuntamento per ${v.service} è stato spostato a ${v.when}. La accoglierà ${v.greeter}.`,
  };
};

// The service reminder's proposals, or a call when the search found none.
const proposalsEn = (v: TemplateVars) =>
  v.options?.length
    ? `We can welcome you on ${v.options.join(" or on ")}.`
    : `Call us${onPhone("en", v.dealerPhone)} to find a time.`;
const proposalsIt = (v: TemplateVars) =>
  v.options?.length
    ? `Possiamo accoglierla ${v.options.join(" oppure ")}.`
    : `Ci chiami${onPhone("it", v.dealerPhone)} per fissare un orario.`;

export const CUSTOMER_EN: Record<Kind, Render> = {
  confirmed: (v) => ({
    subject: `Appointment confirmed: ${v.when}`,
    text: `Dear ${v.customer}, your appointment at ${v.dealer} on ${v.when} for ${v.service} is confirmed. ${v.greeter} will welcome you. Parking: ${v.parking}. Please bring: ${v.bring.join(", ")}.`,
    sms: confirmedSmsEn(v),
  }),
  reminder: (v) => ({
    subject: `Reminder: ${v.dealer} tomorrow at ${v.time}`,
    text: `${reminderEn(v)} Parking: ${v.parking}. Please bring: ${v.bring.join(", ")}.`,
    sms: reminderEn(v),
  }),
  appointment_moved: movedEn,
  cancelled: (v) => ({
    subject: `Appointment cancelled: ${v.when}`,
    text: `Dear ${v.customer}, your appointment at ${v.dealer} on ${v.when} has been cancelled. Call us${onPhone("en", v.dealerPhone)} to book a new one.`,
    // A text starts with the dealer's name (sms-text.ts): not said twice, so that a long
    // name and the number still fit two segments (it fell back to the subject, no number).
    sms: `Dear ${v.customer}, your appointment on ${v.when} has been cancelled. Call us${onPhone("en", v.dealerPhone)} to book a new one.`,
  }),
  car_ready: (v) => ({
    subject: `Your ${v.vehicle} will be ready on ${v.readyWhen}`,
    text: `Dear ${v.customer}, your ${v.vehicle} will be ready on ${v.readyWhen}. ${v.greeter} is waiting for you at ${v.dealer}.`,
  }),
  follow_up: (v) => ({
    subject: `How was your visit to ${v.dealer}?`,
    text: `Dear ${v.customer}, two days ago we returned your ${v.vehicle}. Is everything as you expected? Reply or call us${onPhone("en", v.dealerPhone)} with any concern.`,
  }),
  service_reminder: (v) => ({
    subject: `Your ${v.vehicle} is due for service on ${v.dueDate}`,
    text: `Dear ${v.customer}, your ${v.vehicle} is due for maintenance on ${v.dueDate}. ${proposalsEn(v)}`,
  }),
  ready_time_changed: (v) => ({
    subject: `New ready time for your ${v.vehicle}: ${v.readyWhen}`,
    // The return follows the car (progress/follow-return.ts): said here, the one message.
    // A return that could not follow (a conflict the desk resolves): not the stale time.
    text: `Dear ${v.customer}, the work on your ${v.vehicle} has changed our plan: it will now be ready on ${v.readyWhen}. ${v.returnOpen ? "We will contact you to agree when to hand it back." : handBackEn(v)}`,
  }),
};

export const CUSTOMER_IT: Record<Kind, Render> = {
  confirmed: (v) => ({
    subject: `Appuntamento confermato: ${v.when}`,
    text: `Gentile ${v.customer}, il suo appuntamento presso ${v.dealer} di ${v.when} per ${v.service} è confermato. La accoglierà ${v.greeter}. Parcheggio: ${v.parking}. Porti con sé: ${v.bring.join(", ")}.`,
    sms: confirmedSmsIt(v),
  }),
  reminder: (v) => ({
    subject: `Promemoria: ${v.dealer} domani ${v.time.startsWith("1:") ? "all'" : "alle "}${v.time}`, // all'1:30
    text: `${reminderIt(v)} Parcheggio: ${v.parking}. Porti con sé: ${v.bring.join(", ")}.`,
    sms: reminderIt(v),
  }),
  appointment_moved: movedIt,
  cancelled: (v) => ({
    subject: `Appuntamento annullato: ${v.when}`,
    text: `Gentile ${v.customer}, il suo appuntamento presso ${v.dealer} di ${v.when} è stato annullato. Ci chiami${onPhone("it", v.dealerPhone)} per fissarne uno nuovo.`,
    sms: `Gentile ${v.customer}, il suo appuntamento di ${v.when} è stato annullato. Ci chiami${onPhone("it", v.dealerPhone)} per fissarne uno nuovo.`,
  }),
  car_ready: (v) => ({
    subject: `La sua ${v.vehicle} sarà pronta ${v.readyWhen}`,
    text: `Gentile ${v.customer}, la sua ${v.vehicle} sarà pronta ${v.readyWhen}. ${v.greeter} la aspetta presso ${v.dealer}.`,
  }),
  follow_up: (v) => ({
    subject: `Com'è andata la sua visita da ${v.dealer}?`,
    text: `Gentile ${v.customer}, due giorni fa le abbiamo riconsegnato la sua ${v.vehicle}. È tutto come si aspettava? Ci risponda o ci chiami${onPhone("it", v.dealerPhone)} per qualsiasi dubbio.`,
    // Trap: "È" is not GSM-7 (è and É are): it made the whole text UCS-2, and even with a
    // short dealer name the text fell back to its subject. plainForSms (sms-text.ts) would
    // write "E' tutto"; ": è tutto" reads better.
    sms: `Gentile ${v.customer}, due giorni fa le abbiamo riconsegnato la sua ${v.vehicle}: è tutto come si aspettava? Ci risponda o ci chiami${onPhone("it", v.dealerPhone)} per qualsiasi dubbio.`,
  }),
  service_reminder: (v) => ({
    subject: `Tagliando della sua ${v.vehicle} previsto il ${v.dueDate}`,
    text: `Gentile ${v.customer}, la manutenzione della sua ${v.vehicle} è prevista il ${v.dueDate}. ${proposalsIt(v)}`,
  }),
  ready_time_changed: (v) => ({
    subject: `Nuovo orario di riconsegna della sua ${v.vehicle}: ${v.readyWhen}`,
    text: `Gentile ${v.customer}, i lavori sulla sua ${v.vehicle} hanno cambiato il nostro programma: sarà pronta ${v.readyWhen}. ${v.returnOpen ? "La contatteremo per concordare quando riconsegnargliela." : handBackIt(v)}`,
  }),
};
