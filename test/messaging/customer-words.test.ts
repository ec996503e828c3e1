import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/core/dealer-config/locale.js";
import { PERSONAS } from "../../src/scheduler/contracts.js";
import { compose, LINKED_KINDS } from "../../src/scheduler/journey/compose.js";
import { sampleVars } from "../../src/scheduler/journey/preview.js";
import { CUSTOMER_TEMPLATES } from "../../src/scheduler/journey/templates.js";
import { saysTu } from "../support/customer-words.js";
import { auth, bookAt, CONSENTING, DEALER, journeyPerTest, ok } from "../support/journey.js";

// What reaches the customer outside the pages (messages, the calendar file), read as a
// car owner reads it: no word of the desk's ("attends reception", "open recall",
// "mobility", "slot"), and in Italian the formal "Lei" the pages speak.

const t = journeyPerTest();
const SAMPLE = { name: "Roma Est", address: "Via Example 1, Roma", parking: "Bays 1-6" };
const VIN = "ZN6XXXXXXXX000007";
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

/** The desk's words, per language (Italian "accettazione" alone is the customer's word for the service desk). */
const DESK = {
  en: /\b(mobility|interventions?|reception|return (slot|appointment)|slots?|no-show|attends|open recall)\b/i,
  it: /\b(mobilità|slot|partecipa all'accettazione|richiamo aperto|non presentat[oa]|appuntamento di riconsegna)\b/i,
};

/** Every customer message in `locale`, in every persona's voice, as composed for the outbox. */
const messagesIn = (locale: "en" | "it") =>
  CUSTOMER_TEMPLATES.flatMap((kind) =>
    PERSONAS.map((persona) => {
      const m = compose(kind, locale, sampleVars(SAMPLE, locale), { persona, link: LINKED_KINDS.has(kind) });
      return { kind, persona, words: [m.subject, m.text, m.sms] };
    }),
  );

describe("customer messages", () => {
  it.each(LOCALES)("in %s: no word of the desk's", (locale) => {
    const found = messagesIn(locale).filter((m) => m.words.some((s) => DESK[locale].test(s)));
    expect(found.map((m) => m.kind)).toEqual([]);
  });

  it("in Italian: the formal register, never 'tu'", () => {
    const found = messagesIn("it").filter((m) => m.words.some(saysTu));
    expect(found.map((m) => `${m.kind}/${m.persona}`)).toEqual([]);
  });
});

describe("the calendar file's title, in the customer's words", () => {
  it.each([
    [
      "en",
      "supervisor",
      "Roma Est: Diagnosis of a fault · Grecale GG123HH · with the workshop supervisor · recall campaign open for your car",
    ],
    [
      "en",
      "technician",
      "Roma Est: Diagnosis of a fault · Grecale GG123HH · with a technician · recall campaign open for your car",
    ],
    [
      "it",
      "supervisor",
      "Roma Est: Diagnosi di un guasto · Grecale GG123HH · con il capo officina · campagna di richiamo aperta per la sua auto",
    ],
    [
      "it",
      "technician",
      "Roma Est: Diagnosi di un guasto · Grecale GG123HH · con un tecnico · campagna di richiamo aperta per la sua auto",
    ],
  ] as const)("in %s, with the %s at reception and an open recall", async (locale, attendance, summary) => {
    const recall = { code: "R-2026-07", title: "Brake hose inspection", kind: "recall", vins: [VIN] };
    await ok(await t.api("PUT", `/v1/dealers/${DEALER}/campaigns`, { campaigns: [recall] }, auth));
    const b = await bookAt(
      t,
      "2026-11-25T10:00",
      {
        interventions: ["diagnosis"],
        vehicle: { model: "Grecale", vin: VIN, plate: "GG123HH" },
        customer: { ...CONSENTING(), locale },
        attendance,
      },
      auth, // who attends reception is the desk's call (trust.ts checkAttendance)
    );
    const ics = unfold(await (await t.api("GET", `/v1/manage/${b.manageToken}/calendar.ics`)).text());
    expect(ics).toContain(`SUMMARY:${summary}`);
    // What a calendar shows of it (not its UIDs, "…-reception@pitlane").
    const shown = ics.split("\r\n").filter((l) => /^(SUMMARY|DESCRIPTION|LOCATION):/.test(l));
    expect(shown).toHaveLength(6); // the reception and the collection
    expect(shown.filter((l) => DESK[locale].test(l))).toEqual([]);
    if (locale === "it") expect(shown.filter(saysTu)).toEqual([]);
    // The desk keeps its own words: the appointment's title as staff read it.
    expect(b.title).toMatch(/attends reception · open recall$/);
  });
});
