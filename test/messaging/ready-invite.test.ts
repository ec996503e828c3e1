import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { auth, bookAt, CONSENTING, DEALER, journeyPerTest, ok, outboxOf } from "../support/journey.js";
import { headerText, leaves } from "../support/mime.js";
import { mailVia, startSmtp } from "../support/smtp.js";
import { perTest } from "../support/fixture.js";
import type { AppointmentView } from "../support/contracts.js";

// A ready time that moves the return (the workshop's report) tells the customer by email
// with the invitation updated: the return's event at its new time, a higher SEQUENCE.
// The message went as plain text only, and the return the confirmation had put in the
// customer's calendar stayed at the old time.

const START = "2026-11-25T11:00:00+01:00";
const A = `/v1/dealers/${DEALER}/appointments`;
const smtp = perTest(startSmtp, (s) => s.close());
const t = journeyPerTest({
  deps: () => mailVia(smtp),
  dealer: () => ({ messaging: { email: { from: "service@romaest.test", replyTo: "desk@romaest.test" } } }),
});

describe("ready_time_changed by email", () => {
  it("carries the updated invitation (the return's new time, a higher SEQUENCE)", async () => {
    const b = await bookAt(t, START, { customer: { ...CONSENTING(), reminders: { consent: true, channel: "email" } } });
    t.at(Date.parse(START));
    const checkedIn = await ok<AppointmentView>(
      await t.api("POST", `${A}/${b.id}/check-in`, {}, { ...auth, "If-Match": String(b.version) }),
    );
    const moved = await ok<AppointmentView>(
      await t.api(
        "POST",
        `${A}/${b.id}/progress`,
        { state: "started", remainingHours: 16 },
        { ...auth, "If-Match": String(checkedIn.version) },
      ),
    );
    expect(moved.return!.start).not.toBe(b.return!.start);
    expect(outboxOf(t, b.id).map((m) => m.kind)).toContain("ready_time_changed");
    await t.journey.tick(t.clock.ms);
    const mail = smtp.received.find((r) => headerText(r.mail.headers.subject).startsWith("New ready time"));
    expect(mail, "the ready_time_changed email").toBeDefined();
    const parts = leaves(mail!.mail);
    const ics = parts.find((p) => (p.headers["content-type"] ?? "").startsWith("text/calendar"));
    expect(ics, "an invitation").toBeDefined();
    const cal = new ICAL.Component(ICAL.parse(ics!.body));
    expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
    const ret = cal
      .getAllSubcomponents("vevent")
      .find((e) => String(e.getFirstPropertyValue("uid")).endsWith("-return@pitlane"))!;
    const start = ret.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.toJSDate().getTime()).toBe(Date.parse(moved.return!.start));
    expect(Number(ret.getFirstPropertyValue("sequence"))).toBe(moved.version);
  });
});
