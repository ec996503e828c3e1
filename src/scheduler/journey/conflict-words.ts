import type { Locale } from "../../core/dealer-config/locale.js";
import { shortInstant } from "../../core/date-short.js";

// Why a ready time's return could not follow (scheduler/progress/follow-return.ts), in the
// words of the desk that gets the ready_conflict task: the dealer's language, staff's short
// dates. The API's conflict keeps its English `message` for integrations; the task text
// used to quote it, ISO instant and all, to Italian desks too.

export interface ConflictFacts {
  code: "mobility_unavailable" | "no_return_slot";
  mobility: string;
  /** The first free return found, as Dealer.format writes it, when it was the mobility that stopped it. */
  returnStart?: string;
}

/** The visit's mobility as the subject of a staff sentence, with its article. */
const SUBJECT: Record<Locale, Record<string, string>> = {
  en: {
    courtesy_car: "the courtesy car",
    pickup_delivery: "pickup and delivery",
    rental: "the rental car",
    taxi: "the taxi",
    shuttle: "the shuttle",
  },
  it: {
    courtesy_car: "l'auto di cortesia",
    pickup_delivery: "il servizio di ritiro e riconsegna",
    rental: "l'auto a noleggio",
    taxi: "il taxi",
    shuttle: "la navetta",
  },
};

/** The reason, inside "the return could not follow (…)" of the staff templates. */
export function conflictReason(locale: Locale, c: ConflictFacts, today: string): string {
  const it = locale === "it";
  if (c.code === "no_return_slot")
    return it
      ? "nessun consulente è libero per la riconsegna entro tre settimane dal nuovo orario"
      : "no advisor is free for the return within three weeks of the new ready time";
  const what = SUBJECT[locale][c.mobility] ?? c.mobility;
  if (c.returnStart === undefined)
    return it
      ? `${what} non sarebbe disponibile fino al nuovo orario`
      : `${what} would not be free until the new ready time`;
  const when = shortInstant(locale, c.returnStart, today);
  return it
    ? `con la prima riconsegna libera, ${when}, ${what} non sarebbe disponibile`
    : `with the first free return, ${when}, ${what} would not be free`;
}
