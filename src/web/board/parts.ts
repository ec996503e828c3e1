import type { Lang } from "../shared/i18n.js";
import type { PartsOrder } from "./types.js";

// The appointment dialog's parts list, as data (parts-list.tsx draws it): each order's
// state, the deposit still owed in the reader's way of writing money, and whether the
// desk may mark it arrived. Pure, so the root tsconfig's tests can import it.

export interface PartsRow {
  id: string;
  description: string;
  status: PartsOrder["status"];
  /** "600,00 €" / "€600.00"; null when nothing is owed. */
  depositDue: string | null;
  /** Only an ordered part arrives; arriving twice would send nothing anyway, so no button. */
  canArrive: boolean;
}

/** Integer cents as the reader writes money; an unknown currency code falls back to "12.50 XYZ". */
export function money(cents: number, currency: string, lang: Lang): string {
  try {
    return new Intl.NumberFormat(lang === "it" ? "it-IT" : "en-GB", { style: "currency", currency }).format(
      cents / 100,
    );
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export function partsRows(parts: readonly PartsOrder[], lang: Lang): PartsRow[] {
  return parts.map((p) => ({
    id: p.id,
    description: p.description,
    status: p.status,
    depositDue: p.depositDueCents > 0 ? money(p.depositDueCents, p.currency, lang) : null,
    canArrive: p.status === "ordered",
  }));
}
