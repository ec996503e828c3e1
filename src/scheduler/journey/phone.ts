import { sha256Hex } from "../../lib/digest.js";

// Phone numbers for SMS: E.164 ("+393331234567"). A number given without a calling code
// gets the dealer's (messaging.sms.defaultCountryCode, +39 by default). Italy keeps the
// leading 0 of landlines after +39; elsewhere the national trunk 0 is dropped.
// Pure. Never log a number: only its hash (smsStopHash) may leave this module's callers.

const E164 = /^\+[1-9][0-9]{7,14}$/;

export function toE164(raw: string, defaultCountryCode: string): string | null {
  const compact = raw.trim().replace(/[\s().-]/g, "");
  if (!/^(\+|00)?[0-9]+$/.test(compact)) return null;
  let out: string;
  if (compact.startsWith("+")) out = compact;
  else if (compact.startsWith("00")) out = `+${compact.slice(2)}`;
  else {
    const national = defaultCountryCode === "+39" ? compact : compact.replace(/^0/, "");
    out = `${defaultCountryCode}${national}`;
  }
  return E164.test(out) ? out : null;
}

/** Key of a STOP: per E.164 number, so every customer row sharing it is covered. */
export const smsStopHash = (e164: string) => sha256Hex(`pitlane-sms-stop|${e164}`);
