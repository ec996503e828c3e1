// Dates and times as the pages show them. The API speaks the dealer's local time with its
// offset ("2026-11-23T10:15:00+01:00"): the local clock time is the text itself, so the
// pages never convert zones (the browser's zone may not be the dealer's).

/** "10:15" from an instant with offset (the dealer's wall clock). */
export const clockOf = (iso: string): string => iso.slice(11, 16);

/** Minutes since local midnight of an instant with offset. */
export const minuteOfDay = (iso: string): number => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

/** "HH:MM" of minutes since midnight. */
export const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** A civil date ± days ("2026-11-23", 1 → "2026-11-24"), by UTC arithmetic on the date alone. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "lunedì 23 novembre 2026" / "Monday, 23 November 2026". */
export function longDate(date: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === "it" ? "it-IT" : "en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}
