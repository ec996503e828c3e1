import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/core/dealer-config/locale.js";
import { MessagingConfig } from "../../src/core/dealer-config/messaging.js";
import { compose, LINKED_KINDS, withLink } from "../../src/scheduler/journey/compose.js";
import { audienceOf, sampleVars } from "../../src/scheduler/journey/preview.js";
import { segments, smsText } from "../../src/scheduler/journey/sms-text.js";
import { CUSTOMER_TEMPLATES, STAFF_TEMPLATES } from "../../src/scheduler/journey/templates.js";
import { PERSONAS } from "../../src/scheduler/contracts.js";

// Every template in every locale renders for every message kind (one snapshot per
// locale), in each persona's voice, with the dealer's overrides; no template prints an
// email or a phone number, and texts stay within two SMS segments.

const DEALER = { name: "Roma Est", address: "Via Example 1, Roma", parking: "Bays 1-6" };
const LINK = "https://pitlane.test/m/demo_token?lang=it";
const KINDS = [...CUSTOMER_TEMPLATES, ...STAFF_TEMPLATES];

describe("message templates", () => {
  it.each([
    { time: "1:30", subject: "Promemoria: Roma Est domani all'1:30" },
    { time: "11:00", subject: "Promemoria: Roma Est domani alle 11:00" },
  ])("the Italian reminder elides before one o'clock: $subject", ({ time, subject }) => {
    const m = compose(
      "reminder",
      "it",
      { ...sampleVars(DEALER, "it", "customer"), time },
      { persona: "unique", link: false },
    );
    expect(m.subject).toBe(subject);
  });

  it.each(LOCALES)("every kind renders in %s (snapshot)", (locale) => {
    const rendered = Object.fromEntries(
      KINDS.map((kind) => {
        const m = compose(kind, locale, sampleVars(DEALER, locale, audienceOf(kind)), {
          persona: "unique",
          link: LINKED_KINDS.has(kind),
        });
        for (const s of [m.subject, m.text, m.html])
          expect(s, kind).not.toMatch(/\bundefined\b|\bnull\b|\$\{|\{(?!manageLink\})\w+\}/);
        return [
          kind,
          {
            subject: m.subject,
            text: withLink(m.text, LINK),
            sms: smsText(DEALER.name, m.subject, m.sms, LINKED_KINDS.has(kind) ? LINK : null),
          },
        ];
      }),
    );
    expect(rendered).toMatchSnapshot();
  });

  it.each([
    ["en", "Our driver will bring it back to you on Wednesday 25 November at 17:00."],
    ["it", "Un nostro autista gliela riporterà mercoledì 25 novembre alle 17:00."],
  ] as const)("a moved ready time with pickup and delivery in %s: a driver brings the car back", (locale, said) => {
    const m = compose("ready_time_changed", locale, { ...sampleVars(DEALER, locale), returnDelivered: "yes" }, {});
    expect(m.text).toContain(said);
    expect(m.text).not.toContain(DEALER.name);
  });

  it.each(LOCALES)("each persona has its own wording in %s", (locale) => {
    const lines = PERSONAS.map((p) => compose("reminder", locale, sampleVars(DEALER, locale), { persona: p }).text);
    expect(new Set(lines).size).toBe(PERSONAS.length);
    expect(compose("reminder", locale, sampleVars(DEALER, locale), {}).text.length).toBeLessThan(lines[0].length);
  });

  // Staff read their times short ("mer 25/11 alle 16:30", core/date-short.ts): no machine
  // date, and in Italian no article or "alle" before a day (it would have to agree with
  // the weekday: "dalla domenica"), nor "at" before one in English ("ready at Wed").
  const STAFF_SAYS = {
    it: {
      day: /\b(mer 25\/11|ven 27\/11|mar 24\/11)\b/,
      wrong: /\b(il|del|dal|al|alle|dalle|per il) (lun|mar|mer|gio|ven|sab|dom) \d/,
    },
    en: { day: /\b(Wed 25\/11|Fri 27\/11|Tue 24\/11)\b/, wrong: /\b(at|of the) (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d/ },
  };
  it.each(LOCALES)("staff texts in %s say their days short, in sentences", (locale) => {
    for (const kind of STAFF_TEMPLATES) {
      const m = compose(kind, locale, sampleVars(DEALER, locale, "staff"), {});
      const said = `${m.subject} | ${m.text}`;
      expect(said, kind).not.toMatch(/\d{4}-\d\d-\d\d|\b0\d:\d\d/);
      expect(said, kind).not.toMatch(STAFF_SAYS[locale].wrong);
      expect(said, kind).toMatch(STAFF_SAYS[locale].day);
    }
  });

  it.each(LOCALES)("a staff text written months before its day says the year (%s)", (locale) => {
    const m = compose("supervisor_notice", locale, sampleVars(DEALER, locale, "staff", "2026-04-20"), {});
    expect(m.text).toContain(locale === "it" ? "per mer 25/11/2026 alle 11:00" : "for Wed 25/11/2026 at 11:00");
  });

  it("a dealer's template written before the words keeps reading: {readyTime} is still the compact time; {readyWhen} says it in words", () => {
    const messaging = MessagingConfig.parse({
      templates: {
        car_ready: {
          it: { subject: "Pronta alle {readyTime}", text: "La sua auto sarà pronta {readyWhen}." },
        },
      },
    });
    const m = compose("car_ready", "it", sampleVars(DEALER, "it"), { messaging });
    expect(m.subject).toBe("Pronta alle 2026-11-25 16:30");
    expect(m.text).toContain("La sua auto sarà pronta mercoledì 25 novembre alle 16:30.");
  });

  it("a dealer's override replaces subject and text for that kind and locale only, variables filled", () => {
    const messaging = MessagingConfig.parse({
      templates: {
        reminder: {
          it: {
            subject: "{dealer}: a domani alle {time}",
            text: "Ciao {customer}, ti aspettiamo il {date} alle {time}. {manageLink}",
          },
        },
      },
    });
    const it_ = compose("reminder", "it", sampleVars(DEALER, "it"), { messaging, link: true });
    expect(it_.subject).toBe("Roma Est: a domani alle 11:00");
    // The dealer's {date} and {time} are the customer's words too.
    expect(withLink(it_.text, LINK)).toBe(
      `Ciao Marco Bianchi, ti aspettiamo il mercoledì 25 novembre alle 11:00. ${LINK}`,
    );
    expect(compose("reminder", "en", sampleVars(DEALER, "en"), { messaging }).subject).toMatch(/^Reminder/);
    expect(() => MessagingConfig.parse({ templates: { reminder: { it: { subject: "x", body: "y" } } } })).toThrow();
    expect(() => MessagingConfig.parse({ channels: { reminder: ["fax"] } })).toThrow();
  });

  // A one-line template lost all its words in a text: every line holding the mark went.
  it.each([
    [
      "the mark at the end of the only line",
      "Ciao {customer}, a domani alle {time}. {manageLink}",
      "Ciao Marco Bianchi, a domani alle 11:00.",
    ],
    ["the mark inside the line", "Ciao {customer} {manageLink} a domani", "Ciao Marco Bianchi a domani"],
    ["a line that only introduces the mark", "Ciao {customer}.\nGestisca qui: {manageLink}", "Ciao Marco Bianchi."],
    [
      "the mark introduced at the end of the only line",
      "Ciao {customer}, a domani alle {time}. Gestisca qui: {manageLink}",
      "Ciao Marco Bianchi, a domani alle 11:00.",
    ],
    [
      "the same in English",
      "Hi {customer}, see you at {time}! Manage: {manageLink}",
      "Hi Marco Bianchi, see you at 11:00!",
    ],
    // Not cut at an initial's or a company's full stop; a clause after a comma goes alone.
    [
      "an initial in the name, the link after a comma",
      "Gentile J. Smith, a domani alle {time}, gestisca qui: {manageLink}",
      "Gentile J. Smith, a domani alle 11:00",
    ],
    [
      "a company's S.r.l., the link after a comma",
      "Auto Rossi S.r.l. la aspetta alle {time}, gestisca qui: {manageLink}",
      "Auto Rossi S.r.l. la aspetta alle 11:00",
    ],
    ["content before the colon, not an introduction", "Pronta alle {time}: {manageLink}", "Pronta alle 11:00"],
  ])("a dealer's text with %s keeps its words in the SMS, the link added once", (_, text, words) => {
    const messaging = MessagingConfig.parse({ templates: { reminder: { it: { text } } } });
    const m = compose("reminder", "it", sampleVars(DEALER, "it"), { messaging, link: true });
    expect(m.sms).toBe(words);
    const sms = smsText(DEALER.name, m.subject, m.sms, LINK);
    expect(sms).toBe(`${DEALER.name}: ${words} ${LINK}`);
  });

  it("never prints an email or a phone number, whatever the variables", () => {
    for (const locale of LOCALES) {
      for (const kind of KINDS) {
        const m = compose(kind, locale, sampleVars(DEALER, locale), { persona: "excitement", link: true });
        expect(m.subject + m.text + m.html, `${kind} ${locale}`).not.toMatch(/@|\+?\d{2,3}[ ]?\d{3}[ ]?\d{6,7}/);
      }
    }
  });

  it("texts stay within two segments and keep the link whole", () => {
    const long = "x".repeat(600);
    const s = smsText("Roma Est", long, long, LINK);
    expect(segments(s)).toBeLessThanOrEqual(2);
    expect(s.endsWith(` ${LINK}`)).toBe(true);
    expect(segments("a".repeat(160))).toBe(1);
    expect(segments("a".repeat(161))).toBe(2);
    expect(segments("è".repeat(160))).toBe(1); // GSM-7 has è
    expect(segments("ł".repeat(71))).toBe(2); // UCS-2: 70 per single segment
    expect(segments(`👋${"a".repeat(68)}`)).toBe(1); // an emoji is two UCS-2 units: 70 in all
    expect(segments(`👋${"a".repeat(69)}`)).toBe(2); // 71 units
  });
  it.each([
    { locale: "en" as const, carIn: "during this visit", ahead: "at your appointment on", neither: "Call us to book" },
    {
      locale: "it" as const,
      carIn: "durante questa visita",
      ahead: "durante il suo appuntamento",
      neither: "Ci chiami",
    },
  ])("a part's arrival says when it is fitted: car in, visit ahead, or call us ($locale)", (w) => {
    const text = (extra: { carIn?: string; visitAhead?: string }) =>
      compose(
        "parts_arrived",
        w.locale,
        { ...sampleVars(DEALER, w.locale), carIn: undefined, visitAhead: undefined, ...extra },
        {},
      ).text;
    expect(text({ carIn: "yes" })).toContain(w.carIn);
    expect(text({ visitAhead: "yes" })).toContain(w.ahead);
    expect(text({})).toContain(w.neither);
    expect(new Set([text({ carIn: "yes" }), text({ visitAhead: "yes" }), text({})]).size).toBe(3);
  });
});
