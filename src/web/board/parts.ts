import { minorDigits } from "../../core/parts.js";
import type { Lang } from "../shared/i18n.js";
import type { PartsOrder } from "./types.js";

// The appointment dialog's parts list, as data (parts-list.tsx draws it): each order's
// state, the deposit still owed in the reader's way of writing money, and whether the
// desk may mark it arrived or cancel it (and the deposit paid, which a cancel must refund).
// Amounts are integer minor units of their currency, with its own digits (core/parts.ts
// minorDigits: 2 for EUR, none for JPY, 3 for KWD), as the server reads them. Pure, so the
// root tsconfig's tests can import it.

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

const locale = (lang: Lang) => (lang === "it" ? "it-IT" : "en-GB");

/** Integer minor units as the reader writes money ("€600.50", "¥60,050", "KWD 60.050"); a code Intl refuses: "12.50 XYZ". */
export function money(minor: number, currency: string, lang: Lang): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(locale(lang), { style: "currency", currency }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** A currency as the reader says it: "euros" / "euro", "British pounds" / "sterline britanniche", and its sign "€", "£". */
export interface CurrencyWords {
  /** Amounts in it, as a field's label or a sentence says them ("Price in euros"). */
  name: string;
  /** Its sign as an amount is written ("€", "£", "CHF"); the code for one the browser does not know. */
  symbol: string;
}

export function currencyWords(currency: string, lang: Lang): CurrencyWords {
  const part = (display: "name" | "symbol") => {
    try {
      const parts = new Intl.NumberFormat(locale(lang), { style: "currency", currency, currencyDisplay: display });
      // 2, not 1: the plural ("euros"), as "in euros" says it.
      return parts.formatToParts(2).find((p) => p.type === "currency")?.value ?? currency;
    } catch {
      return currency;
    }
  };
  return { name: part("name"), symbol: part("symbol") };
}

/** The signs an amount in `currency` may be typed with: its symbol, its narrow one ("¥" beside "JP¥"), its code. */
export function currencyMarks(currency: string, lang: Lang): string[] {
  let narrow = currency;
  try {
    const f = new Intl.NumberFormat(locale(lang), { style: "currency", currency, currencyDisplay: "narrowSymbol" });
    narrow = f.formatToParts(2).find((p) => p.type === "currency")?.value ?? currency;
  } catch {}
  return [...new Set([currencyWords(currency, lang).symbol, narrow, currency])];
}

/** An amount as the reader writes one with all the currency's decimals: "120.50", "120,500"; null for a currency without (JPY). */
export function amountExample(digits: number, lang: Lang): string | null {
  if (digits === 0) return null;
  return `120${lang === "it" ? "," : "."}${"5".padEnd(digits, "0")}`;
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What an advisor types as an amount ("120", "120.5", "120,50", "€ 1200", "1200 EUR") in
 * integer minor units of a currency with `digits` decimals; null for anything else:
 * thousands separators included ("1.200" is ambiguous between Italian and English, so the
 * form asks for the plain number), more decimals than the currency has (any for JPY), and
 * three decimals after the reader's own thousands mark ("1,200" in English, "1.200" in
 * Italian: a thousand two hundred, or 1.2 KWD?). `marks`: the signs that may stand before
 * or after it (the currency's symbol and code).
 */
export function centsOf(text: string, marks: readonly string[] = ["€"], digits = 2, lang: Lang = "en"): number | null {
  const mark = marks.length ? `(?:${marks.map(escaped).join("|")})` : "(?!)";
  const m = new RegExp(`^\\s*(?:${mark}\\s*)?(\\d{1,9})(?:([.,])(\\d+))?\\s*(?:${mark})?\\s*$`, "i").exec(text);
  if (!m) return null;
  const [, whole, sep, fraction = ""] = m;
  if (fraction.length > digits) return null;
  if (fraction.length === 3 && sep === (lang === "it" ? "." : ",")) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
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
 * most PARTS_MAX_CENTS), so what is left is the API's cap: met here only if the page's
 * copy of it ever fell behind the server's.
 */
export const priceRefused = (problem: { code: string; errors?: unknown }): boolean => refusedAt(problem, "priceCents");

/**
 * A deposit payment refused by the schema (a 400 naming `amountCents`): as for the price,
 * what the page does not check itself is the API's cap. The price's own limit is a 400
 * with `maxCents` instead (maxPaymentOf), looked at first.
 */
export const depositRefused = (problem: { code: string; errors?: unknown }): boolean =>
  refusedAt(problem, "amountCents");
