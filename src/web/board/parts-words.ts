import { translator } from "../shared/i18n.js";
import { lang } from "./i18n.js";

// The parts list's words (Italian and English), apart from i18n.ts like the Messages
// panel's: states as the API names them, the arrival button and the cancel's confirmation,
// and the parts dialog a desk task opens (parts-dialog.tsx).
// Money is the order's currency (the dealer's, for a new order): never "euros" by itself.

const en = {
  parts: "Parts ordered",
  partsFor: "Parts ordered: {who}",
  noParts: "No part is ordered for this appointment.",
  readingParts: "Reading the parts…",
  partsUnread: "The parts could not be read. {why}",
  part_ordered: "ordered",
  part_arrived: "arrived",
  part_cancelled: "cancelled",
  depositAsked: "deposit {amount}",
  depositPaidSoFar: "paid {amount}",
  depositStillDue: "due {amount}",
  depositToRefund: "deposit paid {amount} — to refund at the desk",
  // One button per part: the singular, as the Italian says it ("Parts arrived" read as if all had).
  partArrived: "Part arrived",
  partArrivedFor: "Part arrived: {part}",
  partArrivedDone: "Marked arrived: {part}. The customer is told (or the desk asked to call).",
  orderTitle: "Order a part",
  orderHelp:
    "A special-order part priced at or above the dealer's threshold needs a deposit of at least half its price; the server works it out.",
  description: "Part",
  // {currency}: the amounts' currency as the reader says it (parts.ts currencyWords), {symbol} its sign.
  price: "Price in {currency}",
  specialOrder: "Special order (not from stock)",
  order: "Record the order",
  ordered: "Ordered: {part}.",
  payTitle: "Deposit received for {part}",
  amount: "Deposit received ({symbol})",
  pay: "Record the payment",
  paid: "Payment recorded: {amount} for {part}.",
  // {example}: the currency's decimals as the reader writes them ("120.50", "120.500").
  badAmount: "Write the amount in {currency} as a plain number, for example 120 or {example}.",
  badWhole: "Write the amount in {currency} as a whole number, for example 120.",
  zeroPrice: "The price must be more than zero.",
  zeroAmount: "The amount must be more than zero.",
  priceAbove: "The price can be at most {amount}.",
  currencyChanged:
    "Parts are now priced in {currency}: reload the page, then type the price in {currency}. Nothing was recorded.",
  depositAbove: "The deposit received can be at most {amount}.",
  noDescription: "Write the part's name.",
  atMost: "At most {amount} more can be recorded for this part.",
  cancelOrder: "Cancel order",
  cancelOrderFor: "Cancel order: {part}",
  cancelAsk: "Cancel the order for {part}? It cannot be taken back.",
  cancelDeposit: "A deposit of {amount} was paid: refund it at the desk.",
  cancelKeep: "Keep the order",
  cancelYes: "Yes, cancel the order",
  cancelledDone: "Order cancelled: {part}.",
  cancelledRefund: "Order cancelled: {part}. Refund the deposit of {amount} at the desk.",
};
type Keys = keyof typeof en;

const it: Record<Keys, string> = {
  parts: "Ricambi ordinati",
  partsFor: "Ricambi ordinati: {who}",
  noParts: "Nessun ricambio è ordinato per questo appuntamento.",
  readingParts: "Lettura dei ricambi…",
  partsUnread: "Non è stato possibile leggere i ricambi. {why}",
  part_ordered: "ordinato",
  part_arrived: "arrivato",
  part_cancelled: "annullato",
  depositAsked: "acconto {amount}",
  depositPaidSoFar: "versato {amount}",
  depositStillDue: "da versare {amount}",
  depositToRefund: "acconto versato {amount} — da restituire in accettazione",
  partArrived: "Ricambio arrivato",
  partArrivedFor: "Ricambio arrivato: {part}",
  partArrivedDone: "Segnato come arrivato: {part}. Il cliente viene avvisato (o l'accettazione lo chiama).",
  orderTitle: "Ordina un ricambio",
  orderHelp:
    "Un ricambio su ordinazione con prezzo pari o superiore alla soglia del concessionario richiede un acconto di almeno metà del prezzo; lo calcola il server.",
  description: "Ricambio",
  price: "Prezzo in {currency}",
  specialOrder: "Su ordinazione (non a magazzino)",
  order: "Registra l'ordine",
  ordered: "Ordinato: {part}.",
  payTitle: "Acconto ricevuto per {part}",
  amount: "Acconto ricevuto ({symbol})",
  pay: "Registra il pagamento",
  paid: "Pagamento registrato: {amount} per {part}.",
  badAmount: "Scrivi l'importo in {currency} come numero semplice, per esempio 120 oppure {example}.",
  badWhole: "Scrivi l'importo in {currency} come numero intero, per esempio 120.",
  zeroPrice: "Il prezzo deve essere maggiore di zero.",
  zeroAmount: "L'importo deve essere maggiore di zero.",
  priceAbove: "Il prezzo può essere al massimo {amount}.",
  currencyChanged:
    "Ora i ricambi hanno prezzi in {currency}: ricarica la pagina, poi scrivi il prezzo in {currency}. Non è stato registrato nulla.",
  depositAbove: "L'acconto ricevuto può essere al massimo {amount}.",
  noDescription: "Scrivi il nome del ricambio.",
  atMost: "Per questo ricambio puoi registrare al massimo altri {amount}.",
  cancelOrder: "Annulla ordine",
  cancelOrderFor: "Annulla ordine: {part}",
  cancelAsk: "Annullare l'ordine di {part}? Non si potrà ripristinare.",
  cancelDeposit: "È stato versato un acconto di {amount}: restituiscilo in accettazione.",
  cancelKeep: "Mantieni l'ordine",
  cancelYes: "Sì, annulla l'ordine",
  cancelledDone: "Ordine annullato: {part}.",
  cancelledRefund: "Ordine annullato: {part}. Restituisci l'acconto di {amount} in accettazione.",
};

export const pt = translator({ en, it }, lang);
