import { describe, expect, it } from "vitest";
import { MOBILITY } from "../../src/core/types.js";
import { segments, smsText } from "../../src/scheduler/journey/sms-text.js";
import { MOBILITY_LABELS, RECAP_LABELS } from "../../src/web/shared/recap-words.js";
import { bookAt, CONSENTING, DAY, journeyPerTest, outboxOf } from "../support/journey.js";

// How the customer gets around while the car is at the workshop, as the reminder (email
// and text) and the calendar file say it: in the customer pages' words, never "Mobility:
// none" / "Mobilità: nessuna" (the desk's word, and a "none" that reads as no way home).
// The dealer offers every way of getting around, so each can be booked.

const t = journeyPerTest({
  dealer: () => ({ mobility: { courtesyCars: 2, pickupDelivery: 1, taxi: true, rental: true, shuttle: true } }),
});
const START = "2026-11-25T11:00:00+01:00";
const unfold = (ics: string) => ics.replace(/\r\n /g, "");
// A manage link as delivery builds it: PUBLIC_URL, the dealer's prefix and 256 random bits.
const LINK = `https://pitlane.example/m/rome_${"x".repeat(43)}?lang=it`;

const CASES = (["en", "it"] as const).flatMap((locale) => MOBILITY.map((mobility) => ({ locale, mobility })));

/** A booking with this mobility, by a customer who reads `locale`, and its reminder as stored in the outbox. */
async function reminderOf(locale: "en" | "it", mobility: string) {
  const b = await bookAt(t, START, {
    mobility,
    // Electrified: the longest list of things to bring, the longest text.
    vehicle: { model: "Grecale Folgore", vin: "ZN6XXXXXXXX000002", plate: "AB123CD", electrified: true },
    customer: { ...CONSENTING(), locale },
  });
  t.run(Date.parse(START) - DAY);
  const row = outboxOf(t, b.id).find((m) => m.kind === "reminder");
  if (!row) throw new Error(`no reminder for ${b.id}`);
  return { b, body: JSON.parse(row.body_json) as { subject: string; text: string; html: string; sms: string } };
}

describe("the reminder says how the customer gets around, as the pages do", () => {
  it.each([
    ["en", "While your car is at the workshop: No courtesy car or lift."],
    ["it", "Mentre l'auto è in officina: Nessuna auto di cortesia né passaggio."],
  ] as const)("in %s, no courtesy car or lift is said so, not 'none'", async (locale, said) => {
    const { body } = await reminderOf(locale, "none");
    expect(body.text).toContain(said);
  });

  it.each(CASES)("in $locale, for $mobility: the recap's label and name, and no 'mobility'", async (c) => {
    const { body } = await reminderOf(c.locale, c.mobility);
    for (const s of [body.subject, body.text, body.html]) expect(s).not.toMatch(/mobilit(y|à)/i);
    expect(body.text).toContain(`${RECAP_LABELS[c.locale].mobility}: ${MOBILITY_LABELS[c.locale][c.mobility]}.`);
  });

  // The whole reminder with its list of papers does not fit two segments (the subject
  // alone went, and said nothing of it): the text says the time, who welcomes them and
  // how they get around, and the link gives the rest.
  it.each(CASES)(
    "in $locale, for $mobility: the text message says it too, within two segments, the link whole",
    async (c) => {
      const { body } = await reminderOf(c.locale, c.mobility);
      const sms = smsText("Roma Est", body.subject, body.sms, LINK);
      expect(sms).toContain(`${RECAP_LABELS[c.locale].mobility}: ${MOBILITY_LABELS[c.locale][c.mobility]}.`);
      expect(sms).toMatch(c.locale === "it" ? /mercoledì 25 novembre alle 11:00/ : /on Wednesday 25 November at 11:00/);
      expect(segments(sms)).toBeLessThanOrEqual(2);
      expect(sms.endsWith(` ${LINK}`)).toBe(true);
    },
  );
});

describe("the calendar file says how the customer gets around, as the pages do", () => {
  it.each(CASES)("in $locale, for $mobility", async (c) => {
    const b = await bookAt(t, START, { mobility: c.mobility, customer: { ...CONSENTING(), locale: c.locale } });
    const ics = unfold(await (await t.api("GET", `/v1/manage/${b.manageToken}/calendar.ics`)).text());
    const description = ics.split("\r\n").find((l) => l.startsWith("DESCRIPTION:"))!;
    const said = `${RECAP_LABELS[c.locale].mobility}: ${MOBILITY_LABELS[c.locale][c.mobility]}`;
    expect(description).toContain(`\\n${said}\\n`);
    expect(ics).not.toMatch(/mobilit(y|à)/i);
  });
});
