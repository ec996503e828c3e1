import { describe, expect, it } from "vitest";
import { bookAt, CONSENTING, journeyPerTest, outboxOf } from "../support/journey.js";

// An Italian dealer that kept the default catalogue: its messages and calendar files name
// the services in Italian (core/intervention-labels.ts), as its pages do; a service the
// dealer named itself keeps the dealer's words.

const t = journeyPerTest({ dealer: () => ({ locale: "it" }) });
const START = "2026-11-25T11:00:00+01:00";
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

describe("an Italian dealer with the default services", () => {
  it("tells its staff and its customer 'Manutenzione', not 'Maintenance'", async () => {
    const b = await bookAt(t, START, { customer: { ...CONSENTING(), locale: "it" } });
    const notice = outboxOf(t, b.id).find((m) => m.kind === "supervisor_notice")!;
    const body = JSON.parse(notice.body_json) as { subject: string; text: string };
    expect(body.subject).toBe("Nuova prenotazione mer 25/11 alle 11:00: Manutenzione");
    expect(body.text).not.toContain("Maintenance");
  });

  it("writes the calendar file's title in Italian", async () => {
    const b = await bookAt(t, START, { customer: { ...CONSENTING(), locale: "it" } });
    const ics = unfold(await (await t.api("GET", `/v1/manage/${b.manageToken}/calendar.ics`)).text());
    expect(ics).toContain("SUMMARY:Roma Est: Manutenzione · Grecale AB123CD");
    expect(ics).not.toContain("Maintenance");
  });
});
