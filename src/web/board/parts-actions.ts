import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { board } from "./api.js";
import { ApiFailure } from "./http.js";
import { lang } from "./i18n.js";
import { currencyWords, money } from "./money.js";
import { currencyChangedTo, depositRefused, maxPaymentOf, priceRefused } from "./parts.js";
import { depositAbove, type Outcome, priceAbove } from "./parts-fields.js";
import { pt } from "./parts-words.js";
import type { Appointment, Session } from "./types.js";

// The appointment dialog's parts actions: order a part, mark one arrived, record a deposit,
// cancel an order. The dialog stays open after each (ordering three parts used to mean
// opening it three times): the sentence of what was done is said in the dialog and in the
// page's notice, and the day and the appointment's details are read again (`onChanged`),
// the last details staying drawn meanwhile. The focus then goes to the changed part's row,
// once it is drawn as changed (an arrival's or a cancel's button is gone from it by then);
// an order's form takes it back itself, for the next part.

interface Args {
  /** The session: who writes, and the dealer's currency (a new order's). */
  session: Session;
  appointmentId: string;
  /** The appointment's version as the dialog last read it (its details', else the day's slot's). */
  version: number;
  /** The details drawn (the last read, while new ones are asked). */
  shown: Appointment | undefined;
  /** The dialog's one call at a time, its refusal said in words (refusal-view.ts). */
  attempt: (work: () => Promise<void>) => Promise<void>;
  /** A parts write done: the page's notice says it, and the day and details are read again. */
  onChanged: (sentence: string) => void;
}

type Part = { id: string; description: string };

export function usePartsActions({ session, appointmentId, version, shown, attempt, onChanged }: Args) {
  const [said, setSaid] = useState("");
  // Our own write's answer is a version seen too: a second action before the details are
  // read again sends it (the details' would be the one the first write moved past: 412).
  const written = useRef(0);
  const focusRow = useRef<{ id: string; version: number; from: Element | null } | null>(null);
  useLayoutEffect(() => {
    const want = focusRow.current;
    if (!want || !shown || shown.version < want.version) return;
    focusRow.current = null;
    const row = document.querySelector<HTMLElement>(`li[data-part="${CSS.escape(want.id)}"]`);
    // Not taken from where the advisor has gone meanwhile (typing the next order): only from
    // the button pressed, from the row, or from nothing (the button just left the row).
    const at = document.activeElement;
    if (row && (at === want.from || at === null || at === document.body || row.contains(at))) row.focus();
  }, [shown]);

  /**
   * Runs a write. Done: says `sentence` and, with `row`, moves the focus to that part's row.
   * Refused: `atField` may turn the refusal into its field's sentence; else the dialog says it.
   */
  const write = async (
    send: (v: number) => Promise<{ version: number }>,
    sentence: string,
    row?: string,
    atField: (err: ApiFailure) => string | null = () => null,
  ) => {
    let outcome: Outcome = { ok: false };
    setSaid(""); // emptied first: the same sentence twice is heard twice
    await attempt(async () => {
      let now: number;
      try {
        ({ version: now } = await send(Math.max(version, written.current)));
      } catch (err) {
        const said = err instanceof ApiFailure ? atField(err) : null;
        if (said === null) throw err;
        outcome = { ok: false, atField: said };
        return;
      }
      written.current = Math.max(written.current, now);
      if (row) focusRow.current = { id: row, version: now, from: document.activeElement };
      outcome = { ok: true };
      setSaid(sentence);
      onChanged(sentence);
    });
    return outcome;
  };
  const currencyOf = (id: string) => shown?.parts?.find((p) => p.id === id)?.currency ?? session.currency;

  return {
    said,
    arrived: (part: Part) =>
      write(
        (v) => board.partArrived(session, appointmentId, part.id, v),
        pt("partArrivedDone", { part: part.description }),
        part.id,
      ),
    // A price the server refused (its cap) is said at the price's field, not as "not valid".
    order: (body: { description: string; priceCents: number; specialOrder: boolean }) =>
      write(
        (v) => board.orderPart(session, appointmentId, v, body),
        pt("ordered", { part: body.description }),
        undefined,
        (err) => {
          const changed = currencyChangedTo(err.problem);
          if (changed) return pt("currencyChanged", { currency: currencyWords(changed, lang).name });
          return priceRefused(err.problem) ? priceAbove(session.currency) : null;
        },
      ),
    // An amount above what remains of the price, or above the API's cap, is said at the payment's field.
    pay: (part: Part, amountCents: number) =>
      write(
        (v) => board.payDeposit(session, appointmentId, part.id, v, amountCents),
        pt("paid", { amount: money(amountCents, currencyOf(part.id), lang), part: part.description }),
        part.id,
        (err) => {
          const max = maxPaymentOf(err.problem);
          if (max !== null) return pt("atMost", { amount: money(max, currencyOf(part.id), lang) });
          return depositRefused(err.problem) ? depositAbove(currencyOf(part.id)) : null;
        },
      ),
    cancel: (part: Part & { depositPaid: string | null }) =>
      write(
        (v) => board.cancelPart(session, appointmentId, part.id, v),
        part.depositPaid
          ? pt("cancelledRefund", { part: part.description, amount: part.depositPaid })
          : pt("cancelledDone", { part: part.description }),
        part.id,
      ),
  };
}
