import { describe, expect, it } from "vitest";
import { bookAt, DAY, DEALER, jobsOf, journeyPerTest, ok, outboxOf } from "../support/journey.js";
import fc from "fast-check";
import { fold, icsText } from "../../src/scheduler/journey/ics.js";
import type { AppointmentView, AvailabilityResponse } from "../support/contracts.js";

// The customer's side: the recap, the .ics download (RFC 5545) and rescheduling with
// the manage token through the same atomic move as staff.

const t = journeyPerTest();

const START = "2026-11-25T11:00:00+01:00";
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

describe("the recap and the calendar file", () => {
  it("recaps date, time, reason, greeter, parking, what to bring (charging cable for electrified cars) and mobility", async () => {
    const b = await bookAt(t, START, {
      vehicle: { model: "Grecale Folgore", vin: "ZN6XXXXXXXX000002", electrified: true },
      mobility: "courtesy_car",
    });
    expect(b.recap).toEqual({
      date: "2026-11-25",
      time: "11:00",
      reason: "Maintenance",
      greeter: "Anna Rossi",
      parking: "Bays 1-6",
      address: "Via Example 1, Roma",
      bring: [
        "registration certificate",
        "maintenance booklet",
        "driving licence",
        "locking wheel-nut key",
        "charging cable",
      ],
      mobility: "courtesy_car",
    });
    const view = await ok<AppointmentView>(await t.api("GET", `/v1/manage/${b.manageToken}`));
    expect(view.recap).toEqual(b.recap);
    expect(view.manageToken).toBeUndefined();
  });

  it("serves an RFC 5545 calendar: CRLF, folded at 75 octets, UTC instants, stable UID", async () => {
    const b = await bookAt(t, START, {
      request:
        "Rumore strano dalla ruota anteriore sinistra; controllare anche i freni, grazie — è urgente perché parto lunedì",
    });
    const res = await t.api("GET", `/v1/manage/${b.manageToken}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await res.text();
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare CR or LF
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const u = unfold(ics);
    expect(u).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:/);
    expect(u).toContain(`UID:${b.id}-reception@pitlane`);
    expect(u).toContain("DTSTART:20261125T100000Z");
    expect(u).toContain("DTEND:20261125T101500Z");
    expect(u).toContain("STATUS:TENTATIVE");
    expect(u).toContain("SUMMARY:Roma Est: Maintenance · Grecale AB123CD");
    expect(u).toContain("LOCATION:Roma Est\\, Via Example 1\\, Roma");
    expect(u).toContain("Rumore strano dalla ruota anteriore sinistra\\; controllare anche i freni\\, grazie");
    expect(u).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    if (b.return) expect(u).toContain(`UID:${b.id}-return@pitlane`);
    expect(u.match(/BEGIN:VEVENT/g)!.length).toBe(u.match(/END:VEVENT/g)!.length);
    expect((await t.api("GET", `/v1/manage/${"x".repeat(43)}/calendar.ics`)).status).toBe(404);
  });

  it.each([
    ["courtesy_car", "Collecting your car", true],
    ["pickup_delivery", "Your car brought back to you", false],
  ])("names the return of a visit with %s as '%s' (at the dealer's address: %s)", async (mobility, title, there) => {
    const b = await bookAt(t, START, { mobility });
    expect(b.return).not.toBeNull();
    const u = unfold(await (await t.api("GET", `/v1/manage/${b.manageToken}/calendar.ics`)).text());
    const ret = u.slice(u.indexOf(`UID:${b.id}-return@pitlane`));
    const event = ret.slice(0, ret.indexOf("END:VEVENT"));
    expect(event).toContain(`SUMMARY:Roma Est: ${title}`);
    expect(event.includes("LOCATION:")).toBe(there);
  });

  it("folds any text at 75 octets without splitting a character, and unfolds back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        const line = `DESCRIPTION:${icsText(s)}`;
        const folded = fold(line);
        for (const l of folded.split("\r\n")) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, "")).toBe(line);
      }),
      { numRuns: 200 },
    );
  });
});

describe("rescheduling with the manage token", () => {
  it("moves to an option from availability, atomically, and the timers follow", async () => {
    const b = await bookAt(t, START);
    const avail = await ok<AvailabilityResponse>(
      await t.api("POST", `/v1/dealers/${DEALER}/availability`, { interventions: ["maintenance"], from: "2026-11-27" }),
    );
    const option = avail.options[0];
    const moved = await ok<AppointmentView>(
      await t.api("POST", `/v1/manage/${b.manageToken}/reschedule`, { optionId: option.optionId }),
    );
    expect(moved).toMatchObject({
      id: b.id,
      version: 2,
      reception: { start: option.start, advisorId: option.advisorId },
    });
    const reminder = jobsOf(t, b.id).find((j) => j.kind === "reminder" && j.status === "pending")!;
    expect(reminder.due_at).toBe(Date.parse(option.start) - DAY);
    // The customer moved it themselves: no "appointment_moved" message to them.
    expect(outboxOf(t, b.id).map((m) => m.kind)).not.toContain("appointment_moved");
    const audit = t.rows("SELECT actor, action FROM audit_log WHERE appointment_id = ? ORDER BY id", b.id);
    expect(audit.at(-1)).toEqual({ actor: "customer", action: "move" });
    // The calendar follows, with a higher SEQUENCE.
    const ics = unfold(await (await t.api("GET", `/v1/manage/${b.manageToken}/calendar.ics`)).text());
    expect(ics).toContain("SEQUENCE:2");
  });

  it("refuses a slot that breaks the rules, and changes nothing", async () => {
    const other = await bookAt(t, "2026-11-26T10:00:00+01:00");
    const b = await bookAt(t, START);
    const before = t.rows("SELECT * FROM appointments ORDER BY id");
    // Anna is already receiving someone at 10:00 on the 26th: 15-minute receptions overlap.
    const res = await t.api("POST", `/v1/manage/${b.manageToken}/reschedule`, {
      start: "2026-11-26T10:00",
      advisorId: "anna",
    });
    expect(res.status).toBe(409);
    expect(t.rows("SELECT * FROM appointments ORDER BY id")).toEqual(before);
    expect(other.id).not.toBe(b.id);
    const bad = await t.api("POST", `/v1/manage/${b.manageToken}/reschedule`, {
      optionId: "x",
      start: "2026-11-26T10:00",
    });
    expect(bad.status).toBe(400);
  });

  it("cannot reschedule a cancelled appointment", async () => {
    const b = await bookAt(t, START);
    await ok(await t.api("POST", `/v1/manage/${b.manageToken}/cancel`, {}));
    const res = await t.api("POST", `/v1/manage/${b.manageToken}/reschedule`, { start: "2026-11-27T10:00" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: unknown }).code).toBe("invalid_transition");
  });
});
