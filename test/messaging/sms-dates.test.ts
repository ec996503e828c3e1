import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/core/dealer-config/locale.js";
import { compose, LINKED_KINDS } from "../../src/scheduler/journey/compose.js";
import { sampleVars } from "../../src/scheduler/journey/preview.js";
import { isGsm7, plainForSms, segments, smsText } from "../../src/scheduler/journey/sms-text.js";
import { CUSTOMER_TEMPLATES } from "../../src/scheduler/journey/templates.js";

// A text message stays within its two segments with the dates in words, which are longer
// than "2026-11-25 11:00"; a long dealer name is the worst case (it starts every text, and
// the reminder's subject names it again). The words are GSM-7, so a text stays at 153
// characters a segment; one that does not fit says its subject, and that has the day and
// time in words too where the kind has one. A message written months before its day says
// the year as well ("mercoledì 25 novembre 2026"; the service reminder's two options each):
// the longest texts there are, and still two segments.

const LINK = "https://pitlane.example/m/rome_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx?lang=it";
const NAMES = [
  "Roma Est",
  "Concessionaria Ufficiale Maserati Roma Est", // a real dealer's name
  "Concessionaria Ufficiale ".repeat(5).slice(0, 120), // the longest the configuration takes
];
const DATED = new Set(["confirmed", "reminder", "appointment_moved", "car_ready", "ready_time_changed"]);
const WRITTEN = [
  {
    written: "two days before",
    today: "2026-11-23",
    words: { it: /mercoledì 25 novembre all/, en: /Wednesday 25 November at/ },
  },
  {
    written: "seven months before",
    today: "2026-04-20",
    words: { it: /mercoledì 25 novembre 2026 all/, en: /Wednesday 25 November 2026 at/ },
  },
];

describe.each(NAMES.flatMap((name) => WRITTEN.map((w) => ({ name, length: name.length, ...w }))))(
  "a dealer named with $length characters, written $written",
  ({ name, today, words }) => {
    const dealer = { name, address: "Via Tiburtina 1234, 00156 Roma", parking: "Bays 1-6" };
    it.each(LOCALES)("every customer text in %s: at most two GSM-7 segments, the link whole", (locale) => {
      for (const kind of CUSTOMER_TEMPLATES) {
        const m = compose(kind, locale, sampleVars(dealer, locale, "customer", today), {
          persona: "unique",
          link: LINKED_KINDS.has(kind),
        });
        const link = LINKED_KINDS.has(kind) ? LINK : null;
        const sms = smsText(name, m.subject, m.sms, link);
        expect(segments(sms), `${kind}: ${sms}`).toBeLessThanOrEqual(2);
        expect(isGsm7(sms), `${kind} is GSM-7: ${sms}`).toBe(true);
        if (link) expect(sms.endsWith(` ${link}`), kind).toBe(true);
        if (name.length >= 60 || !DATED.has(kind)) continue;
        // The reminder goes the day before: "domani alle 11:00" / "tomorrow at 11:00", no day.
        expect(sms, kind).toMatch(kind === "reminder" ? { it: /alle 11:00/, en: /at 11:00/ }[locale] : words[locale]);
      }
    });
  },
);

describe("the reminder's text with a usual dealer name", () => {
  it.each(LOCALES)("in %s says the whole short body: the day and time, who welcomes them", (locale) => {
    const dealer = { name: NAMES[1], address: "Via Tiburtina 1234", parking: "Bays 1-6" };
    const m = compose("reminder", locale, sampleVars(dealer, locale), { link: true });
    const sms = smsText(dealer.name, m.subject, m.sms, LINK);
    expect(sms).toBe(`${dealer.name}: ${m.sms} ${LINK}`);
    expect(sms).toContain(locale === "it" ? "mercoledì 25 novembre alle 11:00" : "Wednesday 25 November at 11:00");
  });
});

// A text starts with the dealer's name, so each customer kind has a body short enough to go
// whole beside a usual name: before, the Italian confirmation and move, both locales'
// confirmation and parts arrival, and the Italian follow-up (its "È" is not GSM-7) fell
// back to the subject, which lacks the service, who welcomes them, or the deposit due.
describe.each(NAMES.slice(0, 2).map((name) => ({ name, length: name.length })))(
  "a dealer named with $length characters",
  ({ name }) => {
    it.each(LOCALES)("every customer text in %s says its body, not its subject alone", (locale) => {
      const dealer = { name, address: "Via Tiburtina 1234, 00156 Roma", parking: "Bays 1-6" };
      for (const kind of CUSTOMER_TEMPLATES) {
        const m = compose(kind, locale, sampleVars(dealer, locale, "customer", "2026-11-23"), {
          persona: "unique",
          link: LINKED_KINDS.has(kind),
        });
        const sms = smsText(name, m.subject, m.sms, LINKED_KINDS.has(kind) ? LINK : null);
        expect(sms, kind).toContain(plainForSms(m.sms));
        expect(isGsm7(sms), kind).toBe(true);
      }
    });
  },
);

describe("the details a text keeps beside a usual dealer name", () => {
  const dealer = { name: NAMES[1], address: "Via Tiburtina 1234", parking: "Bays 1-6" };
  const sms = (kind: (typeof CUSTOMER_TEMPLATES)[number], locale: "it" | "en") => {
    const m = compose(kind, locale, sampleVars(dealer, locale, "customer", "2026-11-23"), {
      link: LINKED_KINDS.has(kind),
    });
    return smsText(dealer.name, m.subject, m.sms, LINKED_KINDS.has(kind) ? LINK : null);
  };
  it.each([
    { kind: "confirmed", locale: "it", has: ["mercoledì 25 novembre alle 11:00", "per il tagliando", "Anna Rossi"] },
    { kind: "confirmed", locale: "en", has: ["Wednesday 25 November at 11:00", "for maintenance", "Anna Rossi"] },
    { kind: "appointment_moved", locale: "it", has: ["spostato a mercoledì 25 novembre", "Anna Rossi"] },
    {
      kind: "parts_arrived",
      locale: "it",
      has: ["Gruppo ottico anteriore sinistro", "mercoledì 25 novembre", "600.00 EUR"],
    },
    { kind: "parts_arrived", locale: "en", has: ["Left headlamp unit", "Wednesday 25 November", "600.00 EUR"] },
    { kind: "follow_up", locale: "it", has: ["è tutto come si aspettava?"] },
  ] as const)("$kind in $locale keeps its details", ({ kind, locale, has }) => {
    for (const words of has) expect(sms(kind, locale)).toContain(words);
  });
});

describe("a dealer's own wording in a text", () => {
  it.each([
    { typed: "l’auto è pronta… “grazie” – È tutto", plain: "l'auto è pronta... \"grazie\" - E' tutto" },
    { typed: "À presto, Ì, Ò, Ù", plain: "A' presto, I', O', U'" },
    { typed: "il «tagliando»", plain: 'il "tagliando"' },
    { typed: "1° tagliando, 2ª rata", plain: "1o tagliando, 2a rata" },
    {
      typed: "Citroën, Hélène, Françoise, José, Škoda, Núñez",
      plain: "Citroen, Hélène, Francoise, José, Skoda, Nuñez",
    },
    { typed: "l’œuvre", plain: "l'oeuvre" },
    // Typed decomposed (a letter, then its accent): composed first, so GSM-7's own letters
    // stay, È still reads E', and a mark on a letter with no plain form is kept.
    { typed: "Jose\u0301, He\u0301le\u0300ne, E\u0300 pronta", plain: "José, Hélène, E' pronta" },
    { typed: "α\u0301", plain: "ά" },
    // Letters with a stroke have no accent to strip: written as the Latin letter under it,
    // as such names are in ASCII (one alone made a greeting's text UCS-2, then the subject alone).
    { typed: "Łukasz Żółkiewski, Đurđa, Þóra", plain: "Lukasz Zolkiewski, Durda, Thora" },
    { typed: "ciao 👋", plain: "ciao 👋" }, // an emoji stays too
  ])("$typed reads $plain", ({ typed, plain }) => {
    expect(plainForSms(typed)).toBe(plain);
  });

  it("a confirmation for Łukasz Żółkiewski greets him in GSM-7, not with the subject alone", () => {
    const m = compose(
      "confirmed",
      "en",
      {
        ...sampleVars({ name: "Roma Est", address: "Via Example 1", parking: "Bays 1-6" }, "en", "customer"),
        customer: "Łukasz Żółkiewski",
      },
      {},
    );
    const sms = smsText("Roma Est", m.subject, m.sms, "https://pitlane.test/m/x");
    expect(sms).toContain("Dear Lukasz Zolkiewski,");
    expect(isGsm7(sms)).toBe(true);
  });

  it("typed with curly quotes and È still goes whole, in GSM-7", () => {
    const text = "Gentile cliente, la sua auto è pronta: l’aspettiamo in accettazione. È aperto fino alle 19:00.";
    const sms = smsText("Concessionaria Ufficiale Maserati Roma Est", "Auto pronta", text, null);
    expect(sms).toBe(`Concessionaria Ufficiale Maserati Roma Est: ${plainForSms(text)}`);
    expect(isGsm7(sms)).toBe(true);
    expect(segments(sms)).toBe(1);
  });
});
