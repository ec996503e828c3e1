import { describe, expect, it } from "vitest";
import { decide } from "../../src/scheduler/journey/decide.js";
import { JOB_KINDS } from "../../src/db/repos/jobs.js";
import {
  CUSTOMER_TEMPLATES,
  render,
  STAFF_TEMPLATES,
  type TemplateVars,
} from "../../src/scheduler/journey/templates.js";

const VARS: TemplateVars = {
  dealer: "Roma Est",
  // As a customer reads them (journey/when-words.ts); staff's short forms differ only in length.
  date: "mercoledì 25 novembre",
  time: "11:00",
  when: "mercoledì 25 novembre alle 11:00",
  reason: "Maintenance",
  service: "maintenance",
  greeter: "Anna Rossi",
  parking: "Bays 1-6",
  address: "Via Example 1",
  vehicle: "Grecale AB123CD",
  mobility: "courtesy car",
  bring: ["driving licence"],
  customer: "Marco",
  options: ["ven 27/11 alle 10:00 (Anna Rossi)", "ven 27/11 alle 11:15 (Bruno Neri)"],
  readyWhen: "mercoledì 25 novembre alle 16:30",
  readyTime: "2026-11-25 16:30",
  dueDate: "2027-01-15",
};

describe("templates", () => {
  it.each(["it", "en"] as const)("renders every message in %s, with no hole", (locale) => {
    for (const kind of [...CUSTOMER_TEMPLATES, ...STAFF_TEMPLATES]) {
      const m = render(kind, locale, VARS);
      expect(m.subject.length, kind).toBeGreaterThan(5);
      expect(m.subject + m.text, kind).not.toMatch(/\bundefined\b|\bnull\b|\$\{/);
    }
    expect(render("reminder", locale, VARS).text).toContain("courtesy car");
    expect(render("no_show_task", locale, VARS).text).toContain("ven 27/11 alle 11:15");
  });
});

describe("the Italian staff texts of a no-show", () => {
  // One term, as the advisors' page says it (status "non presentato"): before, the task
  // said "Mancata presentazione" while the page said "non presentato" and "mancato arrivo".
  it.each(["no_show_task", "no_show_withdrawn"] as const)("%s says 'non presentato', never another name", (kind) => {
    const m = render(kind, "it", VARS);
    expect(m.subject).toMatch(/non presentato/i);
    expect(m.subject + m.text).not.toMatch(/mancat[ao]|no-show|assente/i);
  });
});

describe("a cancelled appointment's parts task", () => {
  // The wording agrees with the count: one part used to read "parts are still ordered".
  const lamp = { part: "Left headlamp unit", state: "ordered" as const, depositPaid: "600.00 EUR" };
  const wipers = { part: "Wiper blades", state: "arrived" as const };
  const said = (locale: "en" | "it", liveParts: TemplateVars["liveParts"]) => {
    const m = render("parts_on_cancelled", locale, { ...VARS, liveParts });
    return `${m.subject} | ${m.text}`;
  };

  it("speaks of one part in the singular, in English and Italian", () => {
    const en = said("en", [lamp]);
    expect(en).toContain("Cancelled with a part: call Marco |");
    expect(en).toContain("and a part is still ordered for it: Left headlamp unit (on order, deposit paid 600.00 EUR).");
    expect(en).toContain("rebook or cancel the order. If the order is cancelled, refund the deposit at the desk.");
    expect(en).not.toMatch(/\bparts\b|\borders\b/);
    const it = said("it", [lamp]);
    expect(it).toContain("Annullato con un ricambio: chiamare Marco |");
    expect(it).toContain(
      "ma ha ancora un ricambio ordinato: Left headlamp unit (in ordine, acconto versato 600.00 EUR).",
    );
    expect(it).toContain("o annullare l'ordine. Se l'ordine viene annullato, restituire l'acconto in accettazione.");
    expect(it).not.toMatch(/ricambi\b|ordini\b/);
  });

  it("speaks of two parts in the plural, in English and Italian", () => {
    const en = said("en", [lamp, wipers]);
    expect(en).toContain("Cancelled with parts: call Marco |");
    expect(en).toContain(
      "and parts are still ordered for it: Left headlamp unit (on order, deposit paid 600.00 EUR); Wiper blades (arrived, on the shelf).",
    );
    expect(en).toContain("rebook or cancel the orders. If an order is cancelled, refund its deposit at the desk.");
    const it = said("it", [lamp, wipers]);
    expect(it).toContain("Annullato con ricambi: chiamare Marco |");
    expect(it).toContain(
      "ma ha ancora ricambi ordinati: Left headlamp unit (in ordine, acconto versato 600.00 EUR); Wiper blades (arrivato, a magazzino).",
    );
    expect(it).toContain(
      "o annullare gli ordini. Se un ordine viene annullato, restituirne l'acconto in accettazione.",
    );
  });
});

describe("decide (what a due timer does)", () => {
  const base = { nowMs: 1000, receptionStartMs: 2000, readyAtMs: 3000, reachable: true };
  it("never reaches a customer without consent", () => {
    for (const kind of JOB_KINDS) {
      for (const status of ["requested", "confirmed", "checked_in", "completed", "cancelled", "no_show"]) {
        expect(decide(kind, { ...base, status, reachable: false }).act, `${kind} ${status}`).not.toBe("customer");
      }
    }
  });
  it("does nothing late or for the wrong status", () => {
    expect(decide("reminder", { ...base, status: "confirmed", nowMs: 2000 })).toEqual({ act: "skip", why: "late" });
    expect(decide("car_ready", { ...base, status: "checked_in", nowMs: 3000 })).toEqual({ act: "skip", why: "late" });
    expect(decide("no_show_check", { ...base, status: "checked_in" })).toEqual({
      act: "skip",
      why: "status:checked_in",
    });
    expect(decide("follow_up", { ...base, status: "completed", reachable: false })).toEqual({ act: "staff" });
  });

  it("no-shows only from the reception start on, as staff may (a timer a move left behind does nothing early)", () => {
    expect(decide("no_show_check", { ...base, status: "confirmed", nowMs: 1999 })).toEqual({
      act: "skip",
      why: "early",
    });
    expect(decide("no_show_check", { ...base, status: "confirmed", nowMs: 2000 })).toEqual({ act: "no_show" });
    expect(decide("no_show_check", { ...base, status: "requested", nowMs: 2030 })).toEqual({ act: "no_show" });
  });
});
