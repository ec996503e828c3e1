import { audit } from "../../db/repos/appointments.js";
import { invalid, notFound } from "../errors.js";
import type { WriteContext } from "../context.js";
import { immediate } from "../../db/tx.js";
import type { SmsStopResult } from "./messaging-contracts.js";
import { smsStopHash, toE164 } from "./phone.js";
import { recordStop } from "../../db/repos/stops.js";

// A customer's STOP, told to staff (or received by the provider's inbound webhook): no
// later text goes to that number at this dealer, including those already queued. The
// audit row names the source, never the number.

export function stopTexts(
  ctx: WriteContext,
  input: { dealerId: string; phone: string; source: "staff" | "inbound" },
): SmsStopResult {
  const { dealerId, phone, source } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const e164 = toE164(phone, rt.dealer.config.messaging.sms.defaultCountryCode);
  if (!e164) throw invalid("phone", "not a phone number");
  const at = new Date(ctx.nowMs).toISOString();
  const fresh = immediate(ctx.sqlite, () => {
    const added = recordStop(ctx.sqlite, dealerId, smsStopHash(e164), source, at);
    if (added)
      audit(ctx.db, { dealerId, appointmentId: null, at, actor: ctx.actor, action: "sms.stop", after: { source } });
    return added;
  });
  return { dealerId, stopped: true, alreadyStopped: !fresh };
}
