import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  clockIn,
  isMorning,
  monthEnd,
  monthGrid,
  weekday,
  weekdayDate,
} from "../../src/web/shared/dates.js";
import { pickLang, translator } from "../../src/web/shared/i18n.js";
import { problemSentence } from "../../src/web/shared/problem-sentence.js";
import { dayClass, dayState } from "../../src/web/shared/day-state.js";

// The pages' shared pure pieces (src/web/shared): calendar arithmetic the date picker's
// keys rely on, the dealer's wall clock for UTC instants across DST, the language choice,
// and problems as sentences (never codes).

describe("calendar arithmetic", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"], // clamped to the shorter month
    ["2028-01-31", 1, "2028-02-29"], // leap year
    ["2026-03-15", -1, "2026-02-15"],
    ["2026-12-10", 1, "2027-01-10"],
    ["2026-11-23", -12, "2025-11-23"], // Shift+PageUp
  ])("addMonths(%s, %i) = %s", (d, n, want) => expect(addMonths(d, n)).toBe(want));

  it("crosses DST and year ends by whole days", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("lays a month out in Monday-first weeks", () => {
    const grid = monthGrid("2026-11-23");
    expect(grid[0]).toEqual([null, null, null, null, null, null, "2026-11-01"]); // 1 Nov 2026 is a Sunday
    expect(grid.flat().filter(Boolean)).toHaveLength(30);
    expect(grid.at(-1)).toEqual(["2026-11-30", null, null, null, null, null, null]);
    expect(weekday("2026-11-23")).toBe(0);
    expect(monthEnd("2026-02-10")).toBe("2026-02-28");
  });
});

describe("the dealer's wall clock", () => {
  it.each([
    ["2026-03-29T00:30:00Z", "Europe/Rome", "01:30"], // before the spring change (UTC+1)
    ["2026-03-29T01:30:00Z", "Europe/Rome", "03:30"], // after it (UTC+2)
    ["2026-10-25T00:30:00Z", "Europe/Rome", "02:30"],
    ["2026-10-25T01:30:00Z", "Europe/Rome", "02:30"], // the repeated hour
    ["2026-11-23T09:10:00.000Z", "Europe/Rome", "10:10"],
  ])("%s in %s is %s", (instant, zone, want) => expect(clockIn(instant, zone)).toBe(want));

  it("names a day by weekday, day and month in the reader's language (the board's walk-in notice)", () => {
    // Node's ICU writes "Tuesday 8 December"; some others put a comma after the weekday.
    expect(weekdayDate("2026-12-08", "en")).toMatch(/^Tuesday,? 8 December$/);
    expect(weekdayDate("2026-12-08", "it")).toBe("martedì 8 dicembre");
  });

  it("reads morning and afternoon off the offset-carrying instant, whatever the browser's zone", () => {
    expect(isMorning("2026-11-24T12:45:00+01:00")).toBe(true);
    expect(isMorning("2026-11-24T13:00:00+01:00")).toBe(false);
  });
});

describe("languages", () => {
  it.each([
    ["en", "it", "en"], // the widget's lang wins
    [null, "en", "en"], // else the dealer's locale
    ["EN-gb", "it", "en"],
    ["fr", "en", "en"], // a language we do not speak falls back to the dealer's
    [null, null, "it"],
  ])("pickLang(%s, %s) = %s", (asked, dealer, want) => expect(pickLang(asked, dealer)).toBe(want));

  it("fills placeholders", () => {
    const t = translator({ en: { hi: "Hello {name}, {n} times" }, it: { hi: "Ciao {name}, {n} volte" } }, "it");
    expect(t("hi", { name: "Anna", n: 2 })).toBe("Ciao Anna, 2 volte");
  });
});

describe("problems as sentences", () => {
  const codes = [
    "network",
    "validation_failed",
    "not_found",
    "slot_unavailable",
    "rule_violation",
    "too_many_bookings",
    "too_many_holds",
    "rate_limited",
    "version_conflict",
    "invalid_transition",
    "something_new",
  ];
  it.each(["en", "it"] as const)("in %s: a sentence for every code, never the code itself", (lang) => {
    for (const code of codes) {
      const s = problemSentence({ status: code === "something_new" ? 500 : 409, code }, lang);
      expect(s).toMatch(/^[A-Z].*\.$/);
      expect(s).not.toContain(code);
    }
  });

  it.each([
    ["en", "too_many_bookings", "Please call the workshop on +39 06 1234 5678 to book another one."],
    [
      "en",
      "invalid_transition",
      "This appointment can no longer be changed online. Please call the workshop on +39 06 1234 5678.",
    ],
    ["en", "network", "or call the workshop on +39 06 1234 5678."],
    ["it", "too_many_bookings", "Chiami l'officina al numero +39 06 1234 5678 per prenotarne un altro."],
    ["it", "invalid_transition", "Chiami l'officina al numero +39 06 1234 5678."],
    ["it", "network", "oppure chiami l'officina al numero +39 06 1234 5678."],
  ] as const)("in %s, %s asks for a call with the dealer's number, when it has one", (lang, code, said) => {
    const p = { status: code === "network" ? 0 : 409, code };
    expect(problemSentence(p, lang, "+39 06 1234 5678")).toContain(said);
    expect(problemSentence(p, lang)).not.toMatch(/\d/);
    // A sentence that asks for no call stays as it is.
    const other = { status: 409, code: "slot_unavailable" };
    expect(problemSentence(other, lang, "+39 06 1234 5678")).toBe(problemSentence(other, lang));
  });

  it("names the fields to check, in words", () => {
    const p = {
      status: 400,
      code: "validation_failed",
      errors: [
        { path: "customer.email", message: "Invalid email" },
        { path: "vehicle.vin", message: "x" },
      ],
    };
    expect(problemSentence(p, "en")).toBe(
      "Some details are not valid. Please check them and try again. Please check: email, VIN.",
    );
    expect(problemSentence(p, "it")).toContain("Da controllare: email, numero di telaio (VIN).");
  });
});

describe("what a day of the date picker says", () => {
  const range = { min: "2026-11-23", max: "2027-11-23" };
  // The words themselves are the pages' (customer-words.ts); here, which one is said.
  const labels = {
    title: "",
    prevMonth: "",
    nextMonth: "",
    close: "",
    free: "free from {first}",
    freeQuiet: "quiet",
    full: "FULL",
    closed: "CLOSED",
    past: "PAST",
    beyond: "BEYOND",
    loading: "LOADING",
  };
  const day = (date: string, bookable: boolean, closed?: boolean) => ({
    date,
    bookable,
    quiet: bookable,
    first: bookable ? "08:00" : null,
    closed,
  });
  it.each([
    ["a day gone by", "2026-11-22", undefined, true, false, "PAST", "past"],
    ["a day past the horizon", "2027-11-24", undefined, true, false, "BEYOND", "beyond"],
    ["the horizon's last day", "2027-11-23", day("2027-11-23", true), true, true, "free from 08:00, quiet", "free"],
    ["a day still loading", "2026-11-24", undefined, false, false, "LOADING", "loading"],
    ["a free day", "2026-11-24", day("2026-11-24", true), true, true, "free from 08:00, quiet", "free"],
    ["a Sunday or a holiday", "2026-11-29", day("2026-11-29", false, true), true, false, "CLOSED", "closed"],
    ["a full day", "2026-11-26", day("2026-11-26", false, false), true, false, "FULL", "full"],
    [
      "a full day from an older server (no closed)",
      "2026-11-26",
      day("2026-11-26", false),
      true,
      false,
      "FULL",
      "full",
    ],
  ] as const)("%s", (_, d, info, loaded, free, state, kind) => {
    expect(dayState(d, info, range, loaded, labels)).toEqual({ free, state, kind });
  });

  it("only a full day is styled as one that lost its times (struck through); a day gone by or closed is just unavailable", () => {
    const cls = (d: string, info: Parameters<typeof dayState>[1]) =>
      dayClass(dayState(d, info, range, true, labels).kind);
    const full = cls("2026-11-26", day("2026-11-26", false, false));
    const closed = cls("2026-11-29", day("2026-11-29", false, true));
    const past = cls("2026-11-22", undefined);
    const beyond = cls("2027-11-24", undefined);
    expect(full).toBe("pl-full");
    for (const other of [closed, past, beyond]) {
      expect(other.split(" ")).toContain("pl-off");
      expect(other.split(" ")).not.toContain("pl-full");
    }
    expect(new Set([closed, past, beyond]).size).toBe(3); // each says its own reason
    expect(dayClass("free", true)).toBe("pl-free pl-free-quiet");
    // How each looks (only .pl-full struck through) is checked by computed style in
    // test/browser/widget-steps.test.ts.
  });
});
