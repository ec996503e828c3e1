import type { Locale } from "../../core/dealer-config/locale.js";
import type { CustomerKind } from "../../core/dealer-config/messaging.js";
import { notFound } from "../errors.js";
import { compose, LINKED_KINDS, withLink } from "./compose.js";
import type { MessagePreview, PreviewQuery } from "./messaging-contracts.js";
import { smsText, segments } from "./sms-text.js";
import { bringIn, mobilityIn } from "../../core/visit-words.js";
import { CUSTOMER_TEMPLATES, type TemplateVars } from "./templates.js";
import { shortInstant } from "../../core/date-short.js";
import { whenInWords } from "../../core/date-words.js";
import { type Audience, dueDateWords, optionWords, staffMoveWords, staffOptionWords, timeVars } from "./when-words.js";
import type { Ctx } from "../context.js";

// Staff preview of any template with sample data, in the dealer's wording (overrides
// included): what a customer would read by email and by text.

const SAMPLE_LINK = "https://example.invalid/v1/manage/sample-token";

// The sample's times, on a dealer's wall clock (with its offset, as Dealer.format writes
// them), printed as a real message would print them for its reader (when-words.ts), as
// if written on SAMPLE_TODAY, two days before (a day far from the one it is written on
// would carry its year).
const SAMPLE_TODAY = "2026-11-23";
const SAMPLE_READY = "2026-11-25T16:30:00+01:00";
/** The return that follows it (an advisor other than the greeter: the message names who hands the car back). */
const SAMPLE_RETURN = "2026-11-25T17:00:00+01:00";
const SAMPLE_OPTIONS = [
  { start: "2026-11-27T10:00:00+01:00", advisorName: "Anna Rossi" },
  { start: "2026-11-27T11:15:00+01:00", advisorName: "Bruno Neri" },
];
const CUSTOMER: ReadonlySet<string> = new Set(CUSTOMER_TEMPLATES);
/** Who reads a kind: its times in words for a customer, compact for staff. */
export const audienceOf = (kind: string): Audience => (CUSTOMER.has(kind) ? "customer" : "staff");

export function sampleVars(
  dealer: { name: string; address: string; parking: string; phone?: string },
  locale: Locale,
  audience: Audience = "customer",
  today = SAMPLE_TODAY,
): TemplateVars {
  const customer = audience === "customer";
  return {
    dealer: dealer.name,
    dealerPhone: dealer.phone,
    ...timeVars(
      audience,
      locale,
      { date: "2026-11-25", time: "11:00", readyAt: SAMPLE_READY, returnAt: SAMPLE_RETURN },
      today,
    ),
    returnGreeter: customer ? "Bruno Neri" : undefined,
    reason: locale === "it" ? "Tagliando" : "Maintenance",
    service: locale === "it" ? "il tagliando" : "maintenance", // the reason in running text (reasonInText)
    greeter: "Anna Rossi",
    parking: dealer.parking || "-",
    address: dealer.address,
    vehicle: "Grecale AB123CD",
    mobility: mobilityIn(locale, "courtesy_car"),
    bring: bringIn(locale, ["driving licence"]),
    customer: "Marco Bianchi",
    dueDate: customer ? dueDateWords(locale, "2027-01-15") : "2027-01-15",
    options: (customer ? optionWords : staffOptionWords)(locale, SAMPLE_OPTIONS, today),
    part: locale === "it" ? "Gruppo ottico anteriore sinistro" : "Left headlamp unit",
    depositDue: "600.00 EUR",
    visitAhead: "yes",
    // The desk's deadline. A PUT no longer takes it in a customer template (journey/
    // template-names.ts), but one stored before still prints it, as the real message does.
    dueBy: shortInstant(locale, "2026-11-24T18:00:00+01:00", today),
    // A move (appointment_moved): the reception's previous time, Tuesday 10:00, in the customer's words.
    previousWhen: customer ? whenInWords(locale, "2026-11-24", "10:00", today) : undefined,
    // A customer's move, for staff (customer_moved): from Tuesday 10:00 to the sample's time.
    moved: customer
      ? undefined
      : staffMoveWords(locale, { date: "2026-11-24", time: "10:00" }, { date: "2026-11-25", time: "11:00" }, today),
    // Staff's alone: a customer template naming it shows it as typed, as real messages do.
    liveParts: customer
      ? undefined
      : [
          {
            part: locale === "it" ? "Gruppo ottico anteriore sinistro" : "Left headlamp unit",
            state: "ordered",
            depositPaid: "600.00 EUR",
          },
        ],
  };
}

export function previewMessage(ctx: Ctx, input: { dealerId: string; query: PreviewQuery }): MessagePreview {
  const { dealerId, query: q } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const cfg = rt.dealer.config;
  const locale = q.locale ?? cfg.locale;
  const linked = LINKED_KINDS.has(q.kind);
  const m = compose(q.kind, locale, sampleVars(cfg, locale, audienceOf(q.kind)), {
    persona: q.persona,
    messaging: cfg.messaging,
    link: linked,
  });
  const link = linked ? SAMPLE_LINK : null;
  const sms = smsText(cfg.name, m.subject, m.sms, link);
  return {
    kind: q.kind as CustomerKind,
    locale,
    subject: m.subject,
    text: withLink(m.text, link),
    html: withLink(m.html, link),
    sms,
    smsSegments: segments(sms),
  };
}
