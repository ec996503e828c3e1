// Minutes since the dealer's local midnight, read off an instant with offset (the API's
// "2026-11-24T10:15:00+01:00"): the timeline's x axis. The browser's zone never enters.

export const minuteOfDay = (iso: string): number => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

/** "HH:MM" of minutes since midnight. */
export const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
