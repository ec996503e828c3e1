import { describe, expect, it } from "vitest";
import { dateInWords, dayInWords, instantInWords, timeInWords, whenInWords } from "../../src/core/date-words.js";
import { reasonInText } from "../../src/core/intervention-labels.js";
import { segments } from "../../src/scheduler/journey/sms-text.js";

// Dates and times as a car owner reads them (core/date-words.ts), and a visit's services
// in running text (core/intervention-labels.ts reasonInText). Our own tables, not Intl:
// the same words in Node and in the Worker, and every one of them GSM-7.

// The day a message is written (a day near it goes without its year; the first table
// writes each on its own day).
const TODAY = "2026-11-23";

describe("a day and time in words", () => {
  it.each([
    { date: "2026-11-25", time: "09:00", it: "mercoledì 25 novembre alle 9:00", en: "Wednesday 25 November at 9:00" },
    { date: "2026-11-23", time: "08:05", it: "lunedì 23 novembre alle 8:05", en: "Monday 23 November at 8:05" },
    { date: "2026-10-25", time: "09:00", it: "domenica 25 ottobre alle 9:00", en: "Sunday 25 October at 9:00" },
    { date: "2027-01-01", time: "13:30", it: "venerdì 1 gennaio alle 13:30", en: "Friday 1 January at 13:30" },
    { date: "2027-02-06", time: "10:15", it: "sabato 6 febbraio alle 10:15", en: "Saturday 6 February at 10:15" },
    { date: "2028-02-29", time: "17:45", it: "martedì 29 febbraio alle 17:45", en: "Tuesday 29 February at 17:45" },
    { date: "2026-12-31", time: "01:30", it: "giovedì 31 dicembre all'1:30", en: "Thursday 31 December at 1:30" },
  ])("$date $time: '$it' / '$en'", (c) => {
    expect(whenInWords("it", c.date, c.time, c.date)).toBe(c.it);
    expect(whenInWords("en", c.date, c.time, c.date)).toBe(c.en);
  });

  it("reads an instant on its own wall clock, whatever its offset (the dealer's), never the machine's zone", () => {
    expect(instantInWords("it", "2026-11-25T08:30:00+09:00", TODAY)).toBe("mercoledì 25 novembre alle 8:30");
    expect(instantInWords("en", "2026-10-26T09:00:00+01:00", TODAY)).toBe("Monday 26 October at 9:00");
    expect(instantInWords("en", "2026-11-24T18:00:00-05:00", TODAY)).toBe("Tuesday 24 November at 18:00");
  });

  it("says a service's due date with its year, and the time without a leading zero", () => {
    expect(dateInWords("it", "2027-01-15")).toBe("15 gennaio 2027");
    expect(dateInWords("en", "2027-01-15")).toBe("15 January 2027");
    expect(timeInWords("09:00")).toBe("9:00");
    expect(timeInWords("00:05")).toBe("0:05");
  });

  it("names every weekday and month in GSM-7 (a text message stays at 160 characters a segment)", () => {
    const days = Array.from({ length: 7 }, (_, i) => `2026-11-${23 + i}`);
    const months = Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, "0")}-01`);
    for (const lang of ["it", "en"] as const) {
      const words = [...days.map((d) => dayInWords(lang, d, TODAY)), ...months.map((d) => dateInWords(lang, d))];
      expect(new Set(words).size, lang).toBe(19);
      for (const w of words) expect(segments(w.padEnd(160, " ")), w).toBe(1); // UCS-2 would need 3
    }
  });
});

describe("a day far from the message's own carries its year", () => {
  // About five months either way (FAR_DAYS = 150): nearer, the weekday and the month can
  // only mean one day; further, the reader may wonder which year.
  it.each([
    {
      today: "2026-11-23",
      date: "2026-11-25",
      it: "mercoledì 25 novembre alle 9:00",
      en: "Wednesday 25 November at 9:00",
    },
    { today: "2026-12-28", date: "2027-01-04", it: "lunedì 4 gennaio alle 9:00", en: "Monday 4 January at 9:00" },
    { today: "2026-11-23", date: "2027-04-22", it: "giovedì 22 aprile alle 9:00", en: "Thursday 22 April at 9:00" },
    {
      today: "2026-11-23",
      date: "2027-04-23",
      it: "venerdì 23 aprile 2027 alle 9:00",
      en: "Friday 23 April 2027 at 9:00",
    },
    {
      today: "2026-11-23",
      date: "2027-11-25",
      it: "giovedì 25 novembre 2027 alle 9:00",
      en: "Thursday 25 November 2027 at 9:00",
    },
    {
      today: "2027-06-01",
      date: "2026-11-25",
      it: "mercoledì 25 novembre 2026 alle 9:00",
      en: "Wednesday 25 November 2026 at 9:00",
    },
  ])("$date written on $today: '$it' / '$en'", (c) => {
    expect(whenInWords("it", c.date, "09:00", c.today)).toBe(c.it);
    expect(whenInWords("en", c.date, "09:00", c.today)).toBe(c.en);
    expect(instantInWords("it", `${c.date}T09:00:00+01:00`, c.today)).toBe(c.it);
  });
});

describe("a visit's services in running text", () => {
  const visit = (interventions: string[], reason: string) => ({ interventions, recap: { reason } });
  it.each([
    { codes: ["maintenance"], reason: "Maintenance", it: "la manutenzione", en: "maintenance" },
    { codes: ["service"], reason: "Scheduled service", it: "il tagliando programmato", en: "a scheduled service" },
    {
      codes: ["service", "tyres"],
      reason: "Scheduled service, Tyre change",
      it: "il tagliando programmato e il cambio pneumatici",
      en: "a scheduled service and a tyre change",
    },
    {
      codes: ["diagnosis", "bodywork", "recall"],
      reason: "Diagnosis of a fault, Bodywork repair, Recall campaign",
      it: "la diagnosi di un guasto, la riparazione di carrozzeria e la campagna di richiamo",
      en: "the diagnosis of a fault, a bodywork repair and recall work",
    },
    // The dealer's own words: the first letter lowered only when the first word is a common
    // service word; a brand or an acronym keeps its capitals, wherever they are.
    { codes: ["service"], reason: "Tagliando", it: "tagliando", en: "tagliando" },
    { codes: ["clima"], reason: "Controllo clima", it: "controllo clima", en: "controllo clima" },
    { codes: ["oil"], reason: "Cambio olio Castrol", it: "cambio olio Castrol", en: "cambio olio Castrol" },
    {
      codes: ["ac"],
      reason: "Air conditioning service",
      it: "air conditioning service",
      en: "air conditioning service",
    },
    { codes: ["check"], reason: "Maserati check", it: "Maserati check", en: "Maserati check" },
    { codes: ["classic"], reason: "Ferrari classiche", it: "Ferrari classiche", en: "Ferrari classiche" },
    { codes: ["tyres"], reason: "Michelin tyres", it: "Michelin tyres", en: "Michelin tyres" },
    { codes: ["smart"], reason: "Smart repair", it: "Smart repair", en: "Smart repair" },
    { codes: ["adas"], reason: "ADAS calibration", it: "ADAS calibration", en: "ADAS calibration" },
    { codes: ["mot"], reason: "MOT test", it: "MOT test", en: "MOT test" },
    { codes: ["care"], reason: "Maserati Care check", it: "Maserati Care check", en: "Maserati Care check" },
    {
      codes: ["check", "clima"],
      reason: "Maserati check, Controllo clima",
      it: "Maserati check e controllo clima",
      en: "Maserati check and controllo clima",
    },
    // A label with a comma in it does not split into one per service: read whole.
    { codes: ["x"], reason: "Oil, filters", it: "oil, filters", en: "oil, filters" },
  ])("$reason: 'per $it' / 'for $en'", (c) => {
    expect(reasonInText(visit(c.codes, c.reason), "it")).toBe(c.it);
    expect(reasonInText(visit(c.codes, c.reason), "en")).toBe(c.en);
  });
});
