import { minorDigits } from "../../core/parts.js";
import type { Lang } from "../shared/i18n.js";

// Money as the advisors' page writes it and reads what is typed: integer minor units of a
// currency, with its own digits (core/parts.ts minorDigits, the server's rule too: 2 for
// EUR, none for JPY, 3 for KWD), in the reader's language, and the currency's words and
// signs. Pure, so the root tsconfig's tests can import it.

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
  // Up to 15 digits: the largest cap (core/parts-cap.ts) has 13 in its whole part (IRR), and
  // a longer number is then said as above the cap, not as unreadable.
  const m = new RegExp(`^\\s*(?:${mark}\\s*)?(\\d{1,15})(?:([.,])(\\d+))?\\s*(?:${mark})?\\s*$`, "i").exec(text);
  if (!m) return null;
  const [, whole, sep, fraction = ""] = m;
  if (fraction.length > digits) return null;
  if (fraction.length === 3 && sep === (lang === "it" ? "." : ",")) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}
