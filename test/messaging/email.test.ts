import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { auth, bookAt, CONSENTING, DAY, DEALER, journeyPerTest, ok, outboxOf, SILENT } from "../support/journey.js";
import { backoffMs } from "../../src/scheduler/journey/deliver.js";
import { DEFAULT_PAUSE_MS } from "../../src/scheduler/journey/back-pressure.js";
import { headerText, leaves } from "../support/mime.js";
import { mailVia, startSmtp } from "../support/smtp.js";
import { perTest } from "../support/fixture.js";
import type { AppointmentView, MessageList } from "../support/contracts.js";

// Customer email over a real SMTP server on 127.0.0.1, through the outbox: the
// confirmation with both parts and an invitation a real iCalendar parser reads, the
// reminder at its instant, retries while SMTP is down, nothing without consent.

const START = "2026-11-25T11:00:00+01:00";
const A = `/v1/dealers/${DEALER}/appointments`;
const byEmail = (over: Record<string, unknown> = {}) => ({
  ...CONSENTING(),
  reminders: { consent: true, channel: "email" },
  ...over,
});

const smtp = perTest(startSmtp, (s) => s.close());
const t = journeyPerTest({
  deps: () => mailVia(smtp),
  dealer: () => ({ messaging: { email: { from: "service@romaest.test", replyTo: "desk@romaest.test" } } }),
});

const tick = (ms?: number) => t.journey.tick(ms ?? t.clock.ms);
const part = (type: string) => (i: number) =>
  leaves(smtp.received[i].mail).find((p) => (p.headers["content-type"] ?? "").startsWith(type));

describe("email over SMTP", () => {
  it("a booking with consent gets exactly one confirmation email: text and HTML, a valid invitation, the manage link", async () => {
    const b = await bookAt(t, START, { customer: byEmail({ locale: "it", persona: "performance" }) });
    await tick();
    expect(smtp.received).toHaveLength(0); // requested: the dealer has not confirmed yet
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await tick();
    await tick(t.clock.ms + DAY - 1); // later ticks send nothing more
    const mails = smtp.received.filter((m) => /confermato/.test(m.mail.headers.subject ?? ""));
    expect(mails).toHaveLength(1);
    const m = mails[0];
    expect(m.to).toEqual([b.customer?.email ?? expect.stringMatching(/^marco\d+@example\.com$/)]);
    expect(m.mail.headers.from).toContain("service@romaest.test");
    expect(m.mail.headers["reply-to"]).toContain("desk@romaest.test");
    // A machine's mail (RFC 3834): out-of-office responders do not answer it.
    expect(m.mail.headers["auto-submitted"]).toBe("auto-generated");
    expect(m.messageId).toMatch(/^<[0-9a-f-]{36}@romaest\.test>$/);
    const text = part("text/plain")(smtp.received.indexOf(m))!.body;
    const html = part("text/html")(smtp.received.indexOf(m))!.body;
    expect(text).toContain("Gentile Marco Bianchi");
    expect(text).toContain("prestazioni"); // the performance persona's line
    expect(html).toContain("<p>Gentile Marco Bianchi");
    // What a car owner reads: the day and time in words on the dealer's wall clock (11:00
    // in Rome), the service in running text; no "2026-11-25 11:00" anywhere.
    expect(headerText(m.mail.headers.subject)).toBe("Appuntamento confermato: mercoledì 25 novembre alle 11:00");
    expect(text).toContain(
      "il suo appuntamento presso Roma Est di mercoledì 25 novembre alle 11:00 per la manutenzione è confermato.",
    );
    expect(html).toContain("di mercoledì 25 novembre alle 11:00 per la manutenzione");
    expect(text + html).not.toMatch(/2026-11-25|11:00:00/);
    // The manage link is the customer's page (not the API's JSON), in the message's language,
    // and its token opens this appointment.
    const link = text.match(/https:\/\/pitlane\.test(\/m\/([^\s?]+)\?lang=it)/)!;
    expect(html).toContain(link[0].replace(/&/g, "&amp;"));
    const page = await t.api("GET", link[1]);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<html lang="it"/);
    const view = await ok<AppointmentView>(await t.api("GET", `/v1/manage/${decodeURIComponent(link[2])}`));
    expect(view.id).toBe(b.id);
    // The invitation: text/calendar; method=REQUEST, parsed by ical.js.
    const ics = part("text/calendar")(smtp.received.indexOf(m))!;
    expect(ics.headers["content-type"]).toMatch(/method=REQUEST/i);
    const cal = new ICAL.Component(ICAL.parse(ics.body));
    expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
    const ev = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
    expect(ev.startDate.toJSDate().toISOString()).toBe(new Date(START).toISOString());
    expect(ev.uid).toBe(`${b.id}-reception@pitlane`);
    expect(String(cal.getFirstSubcomponent("vevent")!.getFirstPropertyValue("status"))).toBe("CONFIRMED");
    const row = outboxOf(t, b.id).find((r) => r.kind === "confirmed");
    expect(row).toMatchObject({ transport: "email", status: "delivered", attempts: 1 });
  });

  it("the reminder arrives at its instant (24 h before), once", async () => {
    const b = await bookAt(t, START, { customer: byEmail() });
    const due = Date.parse(START) - DAY;
    await tick(due - 1);
    expect(smtp.received.filter((m) => /^Reminder/.test(m.mail.headers.subject ?? ""))).toHaveLength(0);
    await tick(due);
    await tick(due + 60_000);
    const reminders = smtp.received.filter((m) => /^Reminder/.test(m.mail.headers.subject ?? ""));
    expect(reminders).toHaveLength(1);
    const text = part("text/plain")(smtp.received.indexOf(reminders[0]))!.body;
    expect(text).toMatch(/\/m\/\S+\?lang=en/);
    expect(headerText(reminders[0].mail.headers.subject)).toBe("Reminder: Roma Est tomorrow at 11:00");
    expect(text).toContain("Dear Marco Bianchi, we expect you on Wednesday 25 November at 11:00 for maintenance.");
    expect(outboxOf(t, b.id).find((r) => r.kind === "reminder")).toMatchObject({
      status: "delivered",
      transport: "email",
    });
  });

  it("SMTP down: retried with backoff, then delivered once the server is back", async () => {
    const b = await bookAt(t, START, { customer: byEmail() });
    await smtp.down();
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    const t0 = t.clock.ms;
    expect((await tick(t0)).deliveries.retried).toHaveLength(1);
    const list = await ok<MessageList>(
      await t.api("GET", `/v1/dealers/${DEALER}/messages?appointmentId=${b.id}`, undefined, auth),
    );
    const queued = list.messages.find((m) => m.kind === "confirmed");
    expect(queued).toMatchObject({ delivery: "queued", transport: "email", attempts: 1 });
    expect(queued!.reason).toMatch(/SMTP/);
    expect(queued!.nextAttemptAt).toBe(new Date(t0 + backoffMs(1)).toISOString());
    await smtp.up();
    expect((await tick(t0 + backoffMs(1) - 1)).deliveries.delivered).toHaveLength(0); // not before the backoff
    expect((await tick(t0 + backoffMs(1))).deliveries.delivered).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    const sent = (
      await ok<MessageList>(await t.api("GET", `/v1/dealers/${DEALER}/messages?appointmentId=${b.id}`, undefined, auth))
    ).messages.find((m) => m.kind === "confirmed");
    expect(sent).toMatchObject({ delivery: "sent", attempts: 2, reason: null });
  });

  it("SMTP 421 (the server takes no mail now): the email waits a minute without using an attempt, then goes once", async () => {
    const b = await bookAt(t, START, { customer: byEmail() });
    smtp.busyNext(1);
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    const t0 = t.clock.ms;
    expect((await tick(t0)).deliveries.rateLimited).toHaveLength(1);
    expect(smtp.received).toHaveLength(0);
    expect(outboxOf(t, b.id).find((r) => r.kind === "confirmed")).toMatchObject({
      status: "pending",
      attempts: 0,
      next_attempt_at: t0 + DEFAULT_PAUSE_MS,
      state_reason: "rate_limited",
    });
    expect((await tick(t0 + DEFAULT_PAUSE_MS - 1)).deliveries.claimed).toBe(0);
    expect((await tick(t0 + DEFAULT_PAUSE_MS)).deliveries.delivered).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    expect(outboxOf(t, b.id).find((r) => r.kind === "confirmed")).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("a cancellation carries the invitation's cancellation (METHOD:CANCEL)", async () => {
    const b = await bookAt(t, START, { customer: byEmail() });
    await ok(await t.api("POST", `${A}/${b.id}/cancel`, {}, auth));
    await tick();
    expect(smtp.received).toHaveLength(1);
    const ics = part("text/calendar")(0)!;
    expect(ics.headers["content-type"]).toMatch(/method=CANCEL/i);
    const cal = new ICAL.Component(ICAL.parse(ics.body));
    expect(cal.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(String(cal.getFirstSubcomponent("vevent")!.getFirstPropertyValue("status"))).toBe("CANCELLED");
  });

  it("without consent nothing is sent: staff see the message suppressed by consent", async () => {
    const b = await bookAt(t, START, { customer: SILENT() });
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await tick();
    expect(smtp.received).toHaveLength(0);
    const list = await ok<MessageList>(
      await t.api("GET", `/v1/dealers/${DEALER}/messages?appointmentId=${b.id}`, undefined, auth),
    );
    expect(list.messages.find((m) => m.kind === "confirmed")).toMatchObject({
      delivery: "suppressed",
      reason: "consent",
    });
  });

  it("logs never carry an email address or a phone number", async () => {
    const b = await bookAt(t, START, { customer: byEmail() });
    await smtp.down();
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await tick();
    expect(t.logs.some((l) => l.msg === "delivery failed")).toBe(true);
    expect(JSON.stringify(t.logs)).not.toMatch(/@example\.com|\+39 ?333|romaest\.test/);
  });
});
