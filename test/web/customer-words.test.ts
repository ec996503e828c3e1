import { describe, expect, it } from "vitest";
import {
  MOBILITY_CHOICES,
  MOBILITY_LABELS,
  MOBILITY_MEANS,
  returnIn,
  STATUS_LABELS,
} from "../../src/web/shared/recap-words.js";
import { STRINGS as WIDGET } from "../../src/web/widget/strings.js";
import { customerWords, saysTu } from "../support/customer-words.js";

// What the customer pages say (the booking widget, the manage page), read as a car owner
// reads it: plain words, not the workshop's.

describe("plain words for a car owner", () => {
  it.each(["en", "it"] as const)("in %s: nothing says 'mobility', the workshop's word for getting around", (lang) => {
    expect(customerWords(lang).filter(([, s]) => /mobilit(y|à)/i.test(s))).toEqual([]);
  });

  it("in en: nothing says 'reception', the desk's word for where cars are received", () => {
    expect(customerWords("en").filter(([, s]) => /\breception\b/i.test(s))).toEqual([]);
  });

  it.each([
    ["en", "ready for you when you arrive; you give it back when you collect your car."],
    ["it", "pronta per lei al suo arrivo; la restituisce quando ritira la sua auto."],
  ] as const)("in %s: a courtesy car is ready when the customer arrives", (lang, said) => {
    expect(MOBILITY_MEANS[lang].courtesy_car).toBe(said);
  });

  it.each([
    ["en", "I don't need a courtesy car or a lift", "No courtesy car or lift"],
    ["it", "Non mi serve un'auto di cortesia né un passaggio", "Nessuna auto di cortesia né passaggio"],
  ] as const)(
    "in %s: no courtesy car is chosen in the customer's words, and recapped as such",
    (lang, choice, recap) => {
      expect(MOBILITY_CHOICES[lang].none).toBe(choice);
      expect(MOBILITY_LABELS[lang].none).toBe(recap);
      // The other ways of getting around are named alike on the step and in the recap.
      expect({ ...MOBILITY_CHOICES[lang], none: "" }).toEqual({ ...MOBILITY_LABELS[lang], none: "" });
    },
  );
});

describe("the return, as the customer will live it", () => {
  it.each([
    ["en", "courtesy_car", "Collecting your car"],
    ["en", "pickup_delivery", "Your car brought back to you"],
    ["it", "none", "Ritiro dell'auto"],
    ["it", "pickup_delivery", "Riconsegna dell'auto a domicilio"],
  ] as const)("in %s, with %s: %s", (lang, mobility, said) => {
    // With pickup and delivery a driver brings the car back: nothing to collect.
    expect(returnIn(lang, mobility)).toBe(said);
  });
});

describe("a booking is a request until the workshop confirms it", () => {
  it.each([
    ["en", /request/i, /^Requested:/, /within 24 hours/],
    ["it", /richiesta/i, /^Richiesto:/, /entro 24 ore/],
  ] as const)(
    "in %s: the confirmation says a request is sent, as its status does, and when the workshop confirms it",
    (lang, request, status, within) => {
      const { doneTitle, doneIntro } = WIDGET[lang];
      expect(doneTitle).toMatch(request);
      expect(STATUS_LABELS[lang].requested).toMatch(status);
      expect(doneIntro).toMatch(within);
      // Not "booked": the status below it says the workshop has yet to confirm.
      expect(`${doneTitle} ${doneIntro}`).not.toMatch(/booked|prenotat/i);
    },
  );
});

describe("a missed appointment, as its customer reads it", () => {
  it.each([
    ["en", "You did not come to this appointment: the workshop will contact you to find a new time"],
    ["it", "Appuntamento mancato: l'officina la contatterà per fissarne un altro"],
  ] as const)("in %s: what happened, and what the workshop does next", (lang, said) => {
    expect(STATUS_LABELS[lang].no_show).toBe(said);
  });
});

describe("Italian in the formal register, on both pages", () => {
  it("no word says 'tu' to the customer", () => {
    expect(customerWords("it").filter(([, s]) => saysTu(s))).toEqual([]);
  });

  it.each([
    ["the manage page's change", "manage.change", "Modifichi giorno o ora"],
    ["the manage page's cancel", "manage.cancel", "Annulli l'appuntamento"],
    ["its confirmation's yes", "manage.cancelYes", "Sì, lo annullo"],
    ["its confirmation's no", "manage.cancelNo", "No, lo mantengo"],
    ["the widget's next step", "widget.next", "Avanti"],
    ["the widget's booking", "widget.book", "Prenoti l'appuntamento"],
    ["the widget's reminders", "widget.reminders", "Desidero un promemoria il giorno prima dell'appuntamento"],
    ["the calendar file", "widget.ics", "Aggiunga al suo calendario (.ics)"],
    ["the booking page's title", "bookPage.title", "Prenotazione di un appuntamento"],
  ])("%s: %s", (_, where, said) => {
    expect(Object.fromEntries(customerWords("it"))[where]).toBe(said);
  });
});
