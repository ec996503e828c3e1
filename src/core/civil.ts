// Calendar arithmetic on plain integers (proleptic Gregorian), so the hot path never
// builds a Temporal object to step through days. Day number 0 is 1970-01-01.

export function dayNumberFromYmd(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDayNumber(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** "2026-11-24" → day number. The string must already be a valid date. */
export function dayNumberFromIso(s: string): number {
  return dayNumberFromYmd(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
}

const pad2 = (n: number) => (n < 10 ? "0" : "") + n;

export function isoFromDayNumber(n: number): string {
  const [y, m, d] = ymdFromDayNumber(n);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

export function hhmm(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** Formats an epoch minute at a fixed UTC offset as 2026-11-24T09:15:00+01:00. */
export function formatWithOffset(epochMinute: number, offsetMinutes: number): string {
  const local = epochMinute + offsetMinutes;
  const day = Math.floor(local / 1440);
  const mod = local - day * 1440;
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${isoFromDayNumber(day)}T${hhmm(mod)}:00${sign}${hhmm(abs)}`;
}

export const MS_PER_MINUTE = 60_000;

/** The epoch minute (the core's unit of time) an epoch-millisecond instant falls in. */
export function epochMinute(ms: number): number {
  return Math.floor(ms / MS_PER_MINUTE);
}
