import { z } from "../lib/zod.js";
import { Temporal } from "@js-temporal/polyfill";

// Shared value schemas. Each refine rejects impossible calendar values (2027-02-29,
// 24:30) instead of letting them roll over silently as Date would.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function isValidLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = +m[1],
    mo = +m[2],
    d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Minutes since local midnight for "HH:MM"; "24:00" is allowed only as an end. */
export function parseLocalTime(s: string): number {
  const m = TIME_RE.exec(s);
  if (!m) return NaN;
  const v = +m[1] * 60 + +m[2];
  return v > 1440 ? NaN : v;
}

// .meta(): what the OpenAPI document states of each (format, pattern); the refine is the rule.
export const LocalDate = z
  .string()
  .refine(isValidLocalDate, { message: "expected a real calendar date YYYY-MM-DD" })
  .meta({ format: "date", pattern: DATE_RE.source });
export type LocalDate = z.infer<typeof LocalDate>;

export const LocalTime = z
  .string()
  .refine((s) => !Number.isNaN(parseLocalTime(s)), { message: "expected a local time HH:MM (00:00-24:00)" })
  .meta({ pattern: TIME_RE.source, description: "Local wall time HH:MM (24:00 only as an end)" });
export type LocalTime = z.infer<typeof LocalTime>;

export const TimeRange = z
  .tuple([LocalTime, LocalTime])
  .refine(([a, b]) => parseLocalTime(a) < parseLocalTime(b), { message: "a range must end after it starts" })
  .refine(([a]) => a !== "24:00", { message: "a range cannot start at 24:00" });
export type TimeRange = z.infer<typeof TimeRange>;

/** Sorted, non-overlapping ranges. */
export const TimeRanges = z
  .array(TimeRange)
  .max(12)
  .refine(
    (rs) => {
      const sorted = [...rs].sort((x, y) => parseLocalTime(x[0]) - parseLocalTime(y[0]));
      for (let i = 1; i < sorted.length; i++) {
        if (parseLocalTime(sorted[i][0]) < parseLocalTime(sorted[i - 1][1])) return false;
      }
      return true;
    },
    { message: "ranges must not overlap" },
  );
export type TimeRanges = z.infer<typeof TimeRanges>;

const LOCAL_DT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00(?:\.0+)?)?$/;
const OFFSET_DT_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for "YYYY-MM-DDTHH:MM" (local wall time) with a real date and time < 24:00. */
export function isLocalDateTime(s: string): boolean {
  const m = LOCAL_DT_RE.exec(s);
  return !!m && isValidLocalDate(m[1]) && parseLocalTime(m[2]) < 1440;
}

/** True for an ISO instant with an offset or Z; seconds allowed only when zero (minute precision). */
export function isOffsetDateTime(s: string): boolean {
  const m = OFFSET_DT_RE.exec(s);
  if (!m || !isValidLocalDate(m[1]) || !(parseLocalTime(m[2]) < 1440)) return false;
  if (m[3] !== undefined && +m[3] !== 0) return false;
  try {
    Temporal.Instant.from(s);
    return true;
  } catch {
    return false;
  }
}

/** An instant with offset, or a local date-time read in the dealer's zone. */
export const DateTimeInput = z
  .string()
  .refine((s) => isLocalDateTime(s) || isOffsetDateTime(s), {
    message: "expected an ISO date-time at minute precision, e.g. 2026-11-24T09:15 or 2026-11-24T09:15:00+01:00",
  })
  .meta({
    pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::00(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})?$",
    description:
      "Minute precision: a local wall time in the dealer's zone (2026-11-24T09:15) or an instant with an offset (2026-11-24T09:15:00+01:00)",
  });
export type DateTimeInput = z.infer<typeof DateTimeInput>;

const zoneCache = new Map<string, boolean>();
export function isTimeZone(tz: string): boolean {
  let ok = zoneCache.get(tz);
  if (ok === undefined) {
    try {
      // Only IANA names: offsets such as "+01:00" have no DST rules a dealer would expect.
      ok =
        /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz) &&
        tz !== "" &&
        !!Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(tz);
    } catch {
      ok = false;
    }
    if (zoneCache.size < 1000) zoneCache.set(tz, ok);
  }
  return ok;
}

export const TimeZone = z.string().refine(isTimeZone, { message: "expected an IANA time zone such as Europe/Rome" });
export type TimeZone = z.infer<typeof TimeZone>;

/**
 * Text that must stay on one line: a name or a model goes into an email's From or To
 * header, an SMS greeting and a calendar's SUMMARY, where a line break (CR, LF, or the
 * Unicode line and paragraph separators) splits or garbles it.
 */
export const ONE_LINE = /^[^\r\n\u0085\u2028\u2029]*$/;
export const ONE_LINE_SAID = "must be on one line (no line breaks)";
export const oneLine = (min: number, max: number) => z.string().min(min).max(max).regex(ONE_LINE, ONE_LINE_SAID);
/** As oneLine, trimmed first. */
export const oneLineTrimmed = (min: number, max: number) =>
  z.string().trim().min(min).max(max).regex(ONE_LINE, ONE_LINE_SAID);

/**
 * A phone number as customers read it and dial it: digits, with an optional leading "+"
 * and the usual separators ("+39 02 1234 5678", "(02) 1234-5678"); 6 to 20 digits, at
 * most 40 characters. One line by construction, so it can go into a text or an email's
 * footer as it is. Spaces around it (a pasted value) are trimmed away.
 */
const PHONE_SHAPE = /^\+?[0-9(][0-9 ()./-]*[0-9]$/;
export const DealerPhone = z
  .string()
  .trim()
  .refine((s) => {
    const digits = s.replace(/[^0-9]/g, "").length;
    return s.length <= 40 && PHONE_SHAPE.test(s) && digits >= 6 && digits <= 20;
  }, "expected a phone number of 6 to 20 digits (at most 40 characters), such as +39 02 1234 5678")
  .openapi({
    description:
      "The number customers call (the desk's), as customers read it: 6 to 20 digits, an optional leading +, and spaces, dots, dashes, slashes or parentheses between them; at most 40 characters once the spaces around it are trimmed. The messages and pages that ask the customer to call say it; the email footer and the pages' recap link it (tel:).",
    example: "+39 02 1234 5678",
  });

export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, "expected 1-63 letters, digits, '-' or '_'");
export type Id = z.infer<typeof Id>;
