import { describe, expect, it } from "vitest";
import { auth, bookAt, DEALER, journeyPerTest, ok } from "../support/journey.js";

// The calendar file (GET /v1/manage/{token}/calendar.ics) in each of an appointment's
// states. It always tells the appointment's truth, as a calendar that already holds it
// should update it: the same UIDs, SEQUENCE = its version, STATUS of each event per the
// state, METHOD:PUBLISH (a download is no invitation: no organizer, no attendee). A
// cancelled or missed visit is STATUS:CANCELLED, reception and collection alike, so
// importing it over the event marks it off; the emailed invitation has its own
// METHOD:CANCEL (send-email.ts). The customer's page offers the file only where adding it
// makes sense (src/web/manage/calendar-link.ts).

const t = journeyPerTest();
const A = `/v1/dealers/${DEALER}/appointments`;
const START = "2026-11-25T11:00:00+01:00";
const unfold = (ics: string) => ics.replace(/\r\n /g, "");

/** Takes a fresh booking to `status` through the verbs staff and customers use. */
async function bookIn(status: string) {
  const b = await bookAt(t, START);
  const act = (action: string) => t.api("POST", `${A}/${b.id}/${action}`, {}, auth).then((r) => ok(r));
  if (status === "confirmed") await act("confirm");
  if (status === "checked_in" || status === "completed") {
    t.at(Date.parse(START) - 30 * 60_000); // a check-in opens on the reception's day
    await act("check-in");
  }
  if (status === "completed") await act("complete");
  if (status === "cancelled") await ok(await t.api("POST", `/v1/manage/${b.manageToken}/cancel`, {}));
  if (status === "no_show") {
    t.at(Date.parse(START) + 60_000);
    await act("no-show");
  }
  const now = await ok<{ status: string; version: number }>(await t.api("GET", `/v1/manage/${b.manageToken}`));
  expect(now.status).toBe(status);
  return { b, now };
}

describe("the calendar file in each state", () => {
  it.each([
    ["requested", "TENTATIVE"],
    ["confirmed", "CONFIRMED"],
    ["checked_in", "CONFIRMED"],
    ["completed", "CONFIRMED"],
    ["cancelled", "CANCELLED"],
    ["no_show", "CANCELLED"],
  ])("%s: each event %s, at its version, published", async (status, eventStatus) => {
    const { b, now } = await bookIn(status);
    const res = await t.api("GET", `/v1/manage/${b.manageToken}/calendar.ics`);
    expect(res.status).toBe(200);
    const ics = unfold(await res.text());
    expect(ics).toContain("METHOD:PUBLISH");
    expect(ics).not.toMatch(/ORGANIZER|ATTENDEE/);
    const events = ics.split("BEGIN:VEVENT").slice(1);
    // The collection too, still planned whatever the state: a calendar holding it updates it alike.
    expect(events.map((e) => e.match(/UID:(\S+)/)![1])).toEqual([
      `${b.id}-reception@pitlane`,
      `${b.id}-return@pitlane`,
    ]);
    for (const e of events) {
      expect(e).toContain(`STATUS:${eventStatus}`);
      expect(e).toContain(`SEQUENCE:${now.version}`);
    }
  });
});
