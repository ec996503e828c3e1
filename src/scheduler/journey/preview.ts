import type { Locale } from "../../core/dealer-config.js";
import type { CustomerKind } from "../../core/messaging-config.js";
import { notFound } from "../errors.js";
import { compose, LINKED_KINDS, withLink } from "./compose.js";
import type { MessagePreview, PreviewQuery } from "./messaging-contracts.js";
import { smsText, segments } from "./sms-text.js";
import { bringIn, mobilityIn } from "../../core/visit-words.js";
import type { TemplateVars } from "./templates.js";
import type { Ctx } from "../context.js";

// Staff preview of any template with sample data, in the dealer's wording (overrides
// included): what a customer would read by email and by text.

const SAMPLE_LINK = "https://example.invalid/v1/manage/sample-token";

export function sampleVars(dealer: { name: string; address: string; parking: string }, locale: Locale): TemplateVars {
  return {
    dealer: dealer.name,
    date: "2026-11-25",
    time: "11:00",
    reason: locale === "it" ? "Tagliando" : "Maintenance",
    greeter: "Anna Rossi",
    parking: dealer.parking || "-",
    address: dealer.address,
    vehicle: "Grecale AB123CD",
    mobility: mobilityIn(locale, "courtesy_car"),
    bring: bringIn(locale, ["driving licence"]),
    customer: "Marco Bianchi",
    readyTime: "2026-11-25 16:30",
    dueDate: "2027-01-15",
    options: ["2026-11-27 10:00 (Anna Rossi)", "2026-11-27 11:15 (Bruno Neri)"],
    part: locale === "it" ? "Gruppo ottico anteriore sinistro" : "Left headlamp unit",
    depositDue: "600.00 EUR",
    visitAhead: "yes",
    dueBy: "2026-11-24 18:00",
    liveParts: [
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
  const m = compose(q.kind, locale, sampleVars(cfg, locale), {
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
