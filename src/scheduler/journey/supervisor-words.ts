import type { Locale } from "../../core/dealer-config/locale.js";

// The subject of the supervisor's notice of several bookings at once (supervisor-notice.ts);
// its text is each booking's own notice, a line each.

export function groupSubject(locale: Locale, count: number): string {
  return locale === "it"
    ? `${count} nuove prenotazioni: riservare una postazione per ciascuna`
    : `${count} new bookings: hold a bay for each`;
}
