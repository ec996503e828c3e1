import { hmac } from "@noble/hashes/hmac.js";
import { sha1 } from "@noble/hashes/legacy.js";
import { timingSafeEqualString } from "../../lib/digest.js";
import { audit } from "../../db/repos/appointments.js";
import type { WriteContext } from "../context.js";
import { immediate } from "../../db/tx.js";
import { smsStopHash, toE164 } from "./phone.js";
import { clearStop, recordStop } from "../../db/repos/stops.js";
import { notFound } from "../errors.js";

// The provider's inbound webhook for texts customers send back (Twilio's format). The
// request is trusted only with a valid X-Twilio-Signature: base64(HMAC-SHA1(auth token,
// the full URL Twilio called + every POST field's name and value, sorted by name)).
// STOP and its synonyms record a STOP; START/UNSTOP lift it; anything else is ignored
// (we do not read customers' texts).

const STOP = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ALT"]);
const START = new Set(["START", "UNSTOP", "YES"]);

const enc = new TextEncoder();

export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join("");
  const mac = hmac(sha1, enc.encode(authToken), enc.encode(data));
  let bin = "";
  for (const b of mac) bin += String.fromCharCode(b);
  return btoa(bin);
}

export const validTwilioSignature = (
  authToken: string,
  url: string,
  params: Record<string, string>,
  header: string | undefined,
) => header !== undefined && timingSafeEqualString(twilioSignature(authToken, url, params), header);

/** What the text did: "stop", "start" or "ignored". */
export function inboundText(
  ctx: WriteContext,
  input: { dealerId: string; from: string; body: string },
): "stop" | "start" | "ignored" {
  const { dealerId, from, body } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const countryCode = rt.dealer.config.messaging.sms.defaultCountryCode;
  const word = body.trim().toUpperCase();
  const e164 = toE164(from, countryCode);
  if (!e164 || (!STOP.has(word) && !START.has(word))) return "ignored";
  const at = new Date(ctx.nowMs).toISOString();
  return immediate(ctx.sqlite, () => {
    const changed = STOP.has(word)
      ? recordStop(ctx.sqlite, dealerId, smsStopHash(e164), "inbound", at)
      : clearStop(ctx.sqlite, dealerId, smsStopHash(e164));
    if (changed)
      audit(ctx.db, {
        dealerId,
        appointmentId: null,
        at,
        actor: "sms:inbound",
        action: STOP.has(word) ? "sms.stop" : "sms.start",
        after: { source: "inbound" },
      });
    return STOP.has(word) ? "stop" : "start";
  });
}
