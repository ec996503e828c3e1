import type { Dealer } from "../../core/dealer.js";
import type { MessageRow } from "../../db/repos/outbox.js";
import { smsStopHash, toE164 } from "./phone.js";
import type { Contact } from "./recipients.js";
import { nextWindowOpen } from "./sms-window.js";
import { smsText } from "./sms-text.js";
import { isStopped } from "../../db/repos/stops.js";
import type { JourneyDeps } from "./runner.js";
import { sendSms } from "./twilio.js";
import type { DeliveryOutcome as Outcome, FetchFn } from "./transports.js";

// One outbox row as a text: never after the number's STOP, only inside the dealer's SMS
// window (outside it the row waits for the window to open, without using up an
// attempt), to the E.164 form of the customer's number, within two segments.

export async function sendText(
  deps: JourneyDeps,
  dealer: Dealer,
  m: MessageRow,
  c: Contact,
  clock: { nowMs: number; wallNowMs: number },
  fetchFn: FetchFn,
  link: string | null,
): Promise<Outcome> {
  const { nowMs } = clock;
  const sms = dealer.config.messaging.sms;
  const to = c.phone ? toE164(c.phone, sms.defaultCountryCode) : null;
  if (!to) return { suppress: "no_address" };
  if (isStopped(deps.sqlite, dealer.id, smsStopHash(to))) return { suppress: "stop" };
  const open = nextWindowOpen(nowMs, dealer.tz, sms.window);
  if (open > nowMs) return { defer: open, reason: "window" };
  const provider = deps.messaging?.sms;
  if (!provider)
    return {
      error: "SMS is not configured on this server (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)",
      final: true,
    };
  return sendSms(
    provider,
    fetchFn,
    to,
    smsText(dealer.config.name, m.body.subject, m.body.sms ?? m.body.subject, link),
    clock,
  );
}
