import { translator } from "../shared/i18n.js";
import { lang } from "./i18n.js";

// The parts list's words (Italian and English), apart from i18n.ts like the Messages
// panel's: states as the API names them, and the arrival button.

const en = {
  parts: "Parts ordered",
  part_ordered: "ordered",
  part_arrived: "arrived",
  part_cancelled: "cancelled",
  depositDue: "deposit due {amount}",
  partArrived: "Parts arrived",
  partArrivedFor: "Parts arrived: {part}",
  partArrivedDone: "Marked arrived: {part}. The customer is told (or the desk asked to call).",
};
type Keys = keyof typeof en;

const it: Record<Keys, string> = {
  parts: "Ricambi ordinati",
  part_ordered: "ordinato",
  part_arrived: "arrivato",
  part_cancelled: "annullato",
  depositDue: "acconto da versare {amount}",
  partArrived: "Ricambio arrivato",
  partArrivedFor: "Ricambio arrivato: {part}",
  partArrivedDone: "Segnato come arrivato: {part}. Il cliente viene avvisato (o l'accettazione lo chiama).",
};

export const pt = translator({ en, it }, lang);
