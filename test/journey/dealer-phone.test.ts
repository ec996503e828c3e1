import { describe, expect, it } from "vitest";
import { auth, bookAt, DEALER, journeyDealer, journeyPerTest, ok, outboxOf } from "../support/journey.js";
import { expectProblem } from "../support/http.js";
import { compose } from "../../src/scheduler/journey/compose.js";
import { sampleVars } from "../../src/scheduler/journey/preview.js";
import { segments, smsText } from "../../src/scheduler/journey/sms-text.js";
import type { TemplateKind } from "../../src/scheduler/journey/templates.js";

// A message that asks the customer to call says the number to call, when the dealer gave
// one (DealerConfig.phone); the email's footer prints it as a tel: link. Without one the
// messages say "call us" alone, as before.

const PHONE = "+39 06 1234 5678";
const DEALER_INFO = { name: "Roma Est", address: "Via Example 1, Roma", parking: "Bays 1-6" };

/** Each message that asks for a call, in each language: the words with the number, and without. */
const CALLS: Array<{ kind: TemplateKind; locale: "en" | "it"; vars?: object; withPhone: string; without: string }> = [
  {
    kind: "cancelled",
    locale: "en",
    withPhone: `Call us on ${PHONE} to book a new one.`,
    without: "Call us to book a new one.",
  },
  {
    kind: "cancelled",
    locale: "it",
    withPhone: `Ci chiami al numero ${PHONE} per fissarne uno nuovo.`,
    without: "Ci chiami per fissarne uno nuovo.",
  },
  {
    kind: "follow_up",
    locale: "en",
    withPhone: `Reply or call us on ${PHONE} with any concern.`,
    without: "Reply or call us with any concern.",
  },
  {
    kind: "follow_up",
    locale: "it",
    withPhone: `Ci risponda o ci chiami al numero ${PHONE} per qualsiasi dubbio.`,
    without: "Ci risponda o ci chiami per qualsiasi dubbio.",
  },
  {
    kind: "service_reminder",
    locale: "en",
    vars: { options: [] },
    withPhone: `Call us on ${PHONE} to find a time.`,
    without: "Call us to find a time.",
  },
  {
    kind: "service_reminder",
    locale: "it",
    vars: { options: [] },
    withPhone: `Ci chiami al numero ${PHONE} per fissare un orario.`,
    without: "Ci chiami per fissare un orario.",
  },
  {
    kind: "parts_arrived",
    locale: "en",
    vars: { carIn: undefined, visitAhead: undefined },
    withPhone: `Call us on ${PHONE} to book a time to fit it.`,
    without: "Call us to book a time to fit it.",
  },
  {
    kind: "parts_arrived",
    locale: "it",
    vars: { carIn: undefined, visitAhead: undefined },
    withPhone: `Ci chiami al numero ${PHONE} per fissare il montaggio.`,
    without: "Ci chiami per fissare il montaggio.",
  },
];

describe("the dealer's phone number in the messages", () => {
  it.each(CALLS)("$kind ($locale) says the number to call, and only when there is one", (row) => {
    const render = (dealer: typeof DEALER_INFO & { phone?: string }) =>
      compose(row.kind, row.locale, { ...sampleVars(dealer, row.locale), ...row.vars }, {});
    const called = render({ ...DEALER_INFO, phone: PHONE });
    expect(called.text).toContain(row.withPhone);
    expect(called.html).toContain(`<a href="tel:+390612345678">${PHONE}</a>`);
    const plain = render(DEALER_INFO);
    expect(plain.text).toContain(row.without);
    expect(plain.text + plain.html).not.toContain("tel:");
  });

  const t = journeyPerTest({ dealer: () => ({ phone: PHONE, locale: "it" }) });

  it("a cancellation by the desk tells the customer the number to call, in the text and the email's footer", async () => {
    const b = await bookAt(t, "2026-11-25T11:00:00+01:00");
    await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${b.id}/cancel`, {}, auth));
    const sent = outboxOf(t, b.id).find((m) => m.kind === "cancelled" && m.audience === "customer");
    const body = JSON.parse(sent?.body_json ?? "{}") as { text?: string; html?: string };
    expect(body.text).toContain(`Ci chiami al numero ${PHONE} per fissarne uno nuovo.`);
    expect(body.html).toContain(`tel:+390612345678`);
    // The customer-facing dealer view gives it to the widget too.
    const dealer = await ok<{ phone?: string }>(await t.api("GET", `/v1/dealers/${DEALER}`));
    expect(dealer.phone).toBe(PHONE);
  });

  it.each([
    ["words", "call the desk"],
    ["too few digits", "+39 061"],
    ["too many digits", "+39 06 1234 5678 9012 3456 78"],
    ["a line break", "+39 06\n1234 5678"],
    ["a trailing separator", "+39 06 1234 5678 -"],
  ])("a phone with %s is refused on the PUT (400 on its path), and nothing is stored", async (_, phone) => {
    const before = t.rows("SELECT id, version, config_json FROM dealers");
    const res = await t.api("PUT", `/v1/dealers/${DEALER}`, journeyDealer({ phone }), auth);
    const problem = await expectProblem(res, 400, "validation_failed");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "phone", in: "body" })]);
    expect(t.rows("SELECT id, version, config_json FROM dealers")).toEqual(before);
  });

  // Names long enough that the full text with the number did not fit two segments, and the
  // text fell back to its subject, without the number (a text starts with the dealer's name).
  it.each([
    [
      "en",
      "Concessionaria Rossi Automobili S.p.A. - Officina Autorizzata Maserati Roma Est Tiburtina",
      `Call us on ${PHONE} to book a new one.`,
    ],
    [
      "it",
      "Concessionaria Rossi Automobili S.p.A. - Officina Autorizzata Maserati Roma",
      `Ci chiami al numero ${PHONE} per fissarne uno nuovo.`,
    ],
  ] as const)(
    "a cancellation's text (%s) keeps the number with a long dealer name, within two segments",
    (locale, name, said) => {
      const dealer = { ...DEALER_INFO, name, phone: PHONE };
      const m = compose("cancelled", locale, sampleVars(dealer, locale), {});
      const sms = smsText(name, m.subject, m.sms, null);
      expect(sms).toContain(said);
      expect(segments(sms)).toBeLessThanOrEqual(2);
    },
  );

  it("a phone pasted with spaces around it is stored without them", async () => {
    await ok(await t.api("PUT", `/v1/dealers/${DEALER}`, journeyDealer({ phone: `  ${PHONE} ` }), auth));
    const dealer = await ok<{ phone?: string }>(await t.api("GET", `/v1/dealers/${DEALER}`));
    expect(dealer.phone).toBe(PHONE);
  });

  it.each([
    ["a configuration without a phone", {}],
    ["a PUT that drops the phone", { phone: undefined }],
  ])("{dealerPhone} in a template of %s is refused (400 on the template's path), nothing stored", async (_, phone) => {
    const before = t.rows("SELECT id, version, config_json FROM dealers");
    const templates = {
      cancelled: { it: { text: "Gentile {customer}, per riprenotare ci chiami al {dealerPhone}." } },
    };
    const config = { ...journeyDealer({ locale: "it", messaging: { templates } }), ...phone };
    const res = await t.api("PUT", `/v1/dealers/${DEALER}`, config, auth);
    const problem = await expectProblem(res, 400, "validation_failed");
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: "messaging.templates.cancelled.it.text", in: "body" }),
    ]);
    expect(problem.errors[0].message).toContain("{dealerPhone}");
    expect(t.rows("SELECT id, version, config_json FROM dealers")).toEqual(before);
    // With the phone, the same template is taken.
    const withPhone = journeyDealer({ phone: PHONE, locale: "it", messaging: { templates } });
    await ok(await t.api("PUT", `/v1/dealers/${DEALER}`, withPhone, auth));
  });

  it("the calendar file says the number to call, in both events", async () => {
    const b = await bookAt(t, "2026-11-25T11:00:00+01:00");
    const res = await t.api("GET", `/v1/manage/${b.manageToken}/calendar.ics`);
    expect(res.status).toBe(200);
    const ics = (await res.text()).replace(/\r\n[ \t]/g, ""); // unfolded
    const said = ics.split("\r\n").filter((l) => l.startsWith("DESCRIPTION:"));
    expect(said.length).toBe(b.return ? 2 : 1);
    for (const line of said) expect(line).toContain(`Domande? Ci chiami: ${PHONE}`);
  });
});
