import type { Lang } from "../shared/i18n.js";
import { money } from "./money.js";
import type { PartsOrder } from "./types.js";

// The appointment dialog's parts list, as data (parts-list.tsx draws it): each order's
// state, the deposit still owed in the reader's way of writing money, and whether the
// desk may mark it arrived or cancel it (and the deposit paid, which a cancel must refund).
// Amounts are written by money.ts, in their currency's own digits. Pure, so the root
// tsconfig's tests can import it.

export interface PartsRow {
  id: string;
  description: string;
  /** The order's currency (ISO 4217): its payment's words and amounts. */
  currency: string;
  status: PartsOrder["status"];
  /** "600,00 €" / "€600.00"; null when nothing is owed. */
  depositDue: string | null;
  /** Only an ordered part arrives; arriving twice would send nothing anyway, so no button. */
  canArrive: boolean;
  /** A payment may be recorded: the deposit asked is not paid yet, and the part is not cancelled. */
  canPay: boolean;
  /** The order may be cancelled: as the server rules (…/cancel), only while it is still on order, not once arrived. */
  canCancel: boolean;
  /** "€600.00" paid towards it; null when nothing was paid. Pitlane does not track refunds: a cancel says to refund it at the desk. */
  depositPaid: string | null;
  /** "€1,200.00": the part's price. */
  price: string;
  /** "€600.00": the deposit the order asks; null when it asks none. */
  deposit: string | null;
  /** A cancelled order whose deposit was paid: the row keeps saying to refund it at the desk. */
  toRefund: boolean;
}

export function partsRows(parts: readonly PartsOrder[], lang: Lang): PartsRow[] {
  return parts.map((p) => ({
    id: p.id,
    description: p.description,
    currency: p.currency,
    status: p.status,
    depositDue: p.depositDueCents > 0 ? money(p.depositDueCents, p.currency, lang) : null,
    canArrive: p.status === "ordered",
    canPay: p.depositDueCents > 0 && p.status !== "cancelled",
    canCancel: p.status === "ordered",
    depositPaid: p.depositPaidCents > 0 ? money(p.depositPaidCents, p.currency, lang) : null,
    price: money(p.priceCents, p.currency, lang),
    deposit: p.depositRequiredCents > 0 ? money(p.depositRequiredCents, p.currency, lang) : null,
    toRefund: p.status === "cancelled" && p.depositPaidCents > 0,
  }));
}

/**
 * The most a refused deposit payment could have been (scheduler/parts/orders.ts: a 400
 * naming `maxCents`, the price less what was paid), for the sentence at its field; null
 * for any other refusal.
 */
export function maxPaymentOf(problem: { code: string; maxCents?: unknown }): number | null {
  return problem.code === "validation_failed" && typeof problem.maxCents === "number" ? problem.maxCents : null;
}

/** A 400 whose schema errors name `path` (the body's field), for the sentence at that field. */
function refusedAt(problem: { code: string; errors?: unknown }, path: string): boolean {
  const errors: unknown[] = Array.isArray(problem.errors) ? problem.errors : [];
  return (
    problem.code === "validation_failed" &&
    errors.some((e) => typeof e === "object" && e !== null && (e as { path?: unknown }).path === path)
  );
}

/**
 * An order refused for its price (a 400 naming `priceCents`), for the sentence at the
 * price's field. The page checks the rest of a price itself (a number, above zero, at
 * most the currency's cap, core/parts-cap.ts), so what is left is the API's cap: met here only if the page's
 * copy of it ever fell behind the server's.
 */
export const priceRefused = (problem: { code: string; errors?: unknown }): boolean => refusedAt(problem, "priceCents");

/**
 * An order refused for its currency: the dealer changed the parts currency after this page
 * signed in, so the price typed means another amount. The new currency, for the sentence.
 */
export function currencyChangedTo(problem: { code: string; errors?: unknown; currency?: unknown }): string | null {
  return refusedAt(problem, "currency") && typeof problem.currency === "string" ? problem.currency : null;
}

/**
 * A deposit payment refused by the schema (a 400 naming `amountCents`): as for the price,
 * only if the page's check (the currency's cap) ever fell behind the server's. The price's
 * own limit is a 400 with `maxCents` instead (maxPaymentOf), looked at first.
 */
export const depositRefused = (problem: { code: string; errors?: unknown }): boolean =>
  refusedAt(problem, "amountCents");
