import { readInstantAt } from "./instants.js";
import { decodeOptionId, type DecodedOption } from "../core/option-id.js";
import type { BookingRequest } from "./contracts.js";
import { invalid } from "./errors.js";
import type { DealerRuntime } from "./runtime.js";
import { advisorIndexOf } from "./search.js";
import { toE164 } from "./journey/phone.js";

// What a booking request asks for, read against the dealer before the transaction (book.ts):
// the slot (an optionId from a search, or a start time and maybe an advisor, which must
// agree with each other), a phone number that can be texted, and, for a public booking, a
// way to reach the customer. Each refusal is a 400 naming the field.

export function requestedSlot(
  rt: DealerRuntime,
  req: BookingRequest,
): { start: number; advisors: number[]; option: DecodedOption | null } {
  let option: DecodedOption | null = null;
  let start: number;
  let advisor: number | undefined;
  if (req.optionId !== undefined) {
    option = decodeOptionId(rt.dealer, req.optionId);
    if (!option) throw invalid("optionId", "not an option of this dealer; search availability again");
    start = option.reception.start;
    advisor = option.reception.advisor;
  } else {
    start = readInstantAt(rt.dealer, req.start!, "start");
  }
  if (req.start !== undefined && option && readInstantAt(rt.dealer, req.start, "start") !== start)
    throw invalid("start", "does not match the chosen optionId");
  const named = advisorIndexOf(rt, req.advisorId, "advisorId");
  if (named !== undefined && advisor !== undefined && named !== advisor)
    throw invalid("advisorId", "does not match the chosen optionId");
  advisor ??= named;
  // No advisor named: any advisor free at that time will do.
  const advisors = advisor !== undefined ? [advisor] : rt.dealer.advisors.map((_, i) => i);
  return { start, advisors, option };
}

/** A public booking (anonymous or client key) must be able to reach its customer. */
export function requireContact(req: BookingRequest): void {
  if (req.customer.email || req.customer.phone) return;
  throw invalid("customer", "give an email or a phone number, so the dealer can reach you about this appointment");
}

/** A number we could never text is refused now, while the customer can still fix it. */
export function requireReachablePhone(rt: DealerRuntime, req: BookingRequest): void {
  if (req.customer.phone && !toE164(req.customer.phone, rt.dealer.config.messaging.sms.defaultCountryCode))
    throw invalid(
      "customer.phone",
      "not a phone number we can reach: give it in international form, e.g. +39 333 123 4567",
    );
}
