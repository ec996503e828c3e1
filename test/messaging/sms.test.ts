import { describe, expect, it } from "vitest";
import { json, type ValidationProblem } from "../support/contracts.js";
import { auth, bookAt, CONSENTING, DAY, DEALER, journeyPerTest, ok, outboxOf } from "../support/journey.js";
import { segments } from "../../src/scheduler/journey/sms-text.js";
import { DEFAULT_PAUSE_MS } from "../../src/scheduler/journey/back-pressure.js";
import { startSmsProvider } from "../support/sms-provider.js";
import { perTest } from "../support/fixture.js";
import { createHmac } from "node:crypto";
import type { MessageList } from "../support/contracts.js";

// Texts through the Twilio-compatible adapter, against a local endpoint speaking
// Twilio's request format: E.164 numbers, the dealer's window, STOP.

const A = `/v1/dealers/${DEALER}/appointments`;
const START = "2026-11-25T11:00:00+01:00";

const sms = perTest(
  async () => {
    const s = await startSmsProvider();
    s.useClock(() => t.clock.ms); // the app's clock, read when a text arrives
    return s;
  },
  (s) => s.close(),
);
const t = journeyPerTest({ deps: () => ({ messaging: { sms: sms.config, publicUrl: "https://pitlane.test" } }) });

const tick = (ms?: number) => t.journey.tick(ms ?? t.clock.ms);
const messages = async (id: string) =>
  (await ok<MessageList>(await t.api("GET", `/v1/dealers/${DEALER}/messages?appointmentId=${id}`, undefined, auth)))
    .messages;

describe("SMS", () => {
  it("sends the confirmation as a text in Twilio's format: E.164 number, the manage link, at most two segments", async () => {
    const b = await bookAt(t, START, { customer: { ...CONSENTING(), phone: "333 123 4567" } });
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await tick();
    expect(sms.texts).toHaveLength(1);
    expect(sms.texts[0]).toMatchObject({ to: "+393331234567", from: "+390600000000" });
    expect(sms.texts[0].body).toMatch(/^Roma Est: .*https:\/\/pitlane\.test\/m\/\S+\?lang=(it|en)$/);
    expect(segments(sms.texts[0].body)).toBeLessThanOrEqual(2);
    expect((await messages(b.id)).find((m) => m.kind === "confirmed")).toMatchObject({
      transport: "sms",
      channel: "sms",
      delivery: "sent",
    });
  });

  it("a text due at 22:00 waits for the window and goes at 08:00 local", async () => {
    const b = await bookAt(t, START);
    t.at("2026-11-23T21:00:00Z"); // 22:00 in Rome
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await tick();
    expect(sms.texts).toHaveLength(0);
    const waiting = (await messages(b.id)).find((m) => m.kind === "confirmed");
    expect(waiting).toMatchObject({
      delivery: "queued",
      reason: "window",
      nextAttemptAt: "2026-11-24T07:00:00.000Z",
      attempts: 0,
    });
    t.at("2026-11-24T06:59:59Z");
    await tick();
    expect(sms.texts).toHaveLength(0);
    t.at("2026-11-24T07:00:00Z");
    await tick();
    expect(sms.texts).toHaveLength(1);
    expect(new Date(sms.texts[0].at).toISOString()).toBe("2026-11-24T07:00:00.000Z");
  });

  it("the window is the dealer's local time across DST: 08:00 in Rome is 06:00Z in summer", async () => {
    t.at("2027-03-27T20:30:00Z"); // Saturday 21:30 CET; the clocks go forward that night
    const b = await bookAt(t, "2027-04-02T11:00:00+02:00");
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await tick();
    expect((await messages(b.id)).find((m) => m.kind === "confirmed")!.nextAttemptAt).toBe("2027-03-28T06:00:00.000Z");
  });

  it("after STOP (recorded by staff) no later text goes, queued ones included", async () => {
    const phone = "+39 333 765 4321";
    const b = await bookAt(t, START, { customer: { ...CONSENTING(), phone } });
    t.at("2026-11-23T21:00:00Z");
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth)); // waits for the window
    expect(
      await ok(await t.api("POST", `/v1/dealers/${DEALER}/sms-stops`, { phone: "0039 333 7654321" }, auth)),
    ).toMatchObject({ stopped: true, alreadyStopped: false });
    await tick(Date.parse(START) - DAY); // the window is open, the reminder falls due too
    expect(sms.texts).toHaveLength(0);
    const ms = await messages(b.id);
    expect(
      ms
        .filter((m) => m.audience === "customer")
        .map((m) => [m.kind, m.delivery, m.reason])
        .sort(),
    ).toEqual([
      ["confirmed", "suppressed", "stop"],
      ["reminder", "suppressed", "stop"],
    ]);
  });

  it("a STOP texted back through the provider's signed inbound webhook stops later texts; a forged one changes nothing", async () => {
    const phone = "+39 333 765 4322";
    const b = await bookAt(t, START, { customer: { ...CONSENTING(), phone } });
    const path = `/v1/dealers/${DEALER}/sms/inbound`;
    const form = {
      MessageSid: "SM1",
      AccountSid: sms.config.accountSid,
      From: "+393337654322",
      To: sms.config.from,
      Body: "Stop",
    };
    // Twilio's scheme, computed here with node:crypto: base64(HMAC-SHA1(token, url + sorted name/value pairs)).
    const sign = (token: string) =>
      createHmac("sha1", token)
        .update(
          `https://pitlane.test${path}` +
            Object.keys(form)
              .sort()
              .map((k) => k + form[k as keyof typeof form])
              .join(""),
        )
        .digest("base64");
    const post = (signature: string) =>
      t.api2(path, new URLSearchParams(form).toString(), {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": signature,
      });
    expect((await post(sign("not-the-token"))).status).toBe(401);
    expect(t.rows("SELECT * FROM sms_stops")).toEqual([]);
    expect((await post(sign(sms.config.authToken))).status).toBe(204);
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await tick();
    expect(sms.texts).toHaveLength(0);
    expect((await messages(b.id)).find((m) => m.kind === "confirmed")).toMatchObject({
      delivery: "suppressed",
      reason: "stop",
    });
  });

  it("a phone that cannot be normalised to E.164 is refused at booking time with a clear 400, and nothing is stored", async () => {
    for (const phone of ["12", "+0 333 1234567", "333-12x4567"]) {
      const res = await t.api("POST", A, {
        start: START,
        advisorId: "anna",
        vehicle: { model: "Grecale" },
        interventions: ["maintenance"],
        customer: { ...CONSENTING(), phone },
        mobility: "none",
        channel: "web",
      });
      expect(res.status, phone).toBe(400);
      const p = await json<ValidationProblem>(res);
      expect(p.code).toBe("validation_failed");
      expect(JSON.stringify(p)).toMatch(/customer\.phone/);
    }
    expect(t.rows("SELECT id FROM appointments")).toEqual([]);
  });

  it("the provider's 429: the text waits a minute without using an attempt, then goes once", async () => {
    const b = await bookAt(t, START);
    sms.busyNext(1);
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    const t0 = t.clock.ms;
    expect((await tick(t0)).deliveries.rateLimited).toHaveLength(1);
    expect((await messages(b.id)).find((m) => m.kind === "confirmed")).toMatchObject({
      delivery: "queued",
      reason: "rate_limited",
      attempts: 0,
      nextAttemptAt: new Date(t0 + DEFAULT_PAUSE_MS).toISOString(),
    });
    expect((await tick(t0 + DEFAULT_PAUSE_MS - 1)).deliveries.claimed).toBe(0);
    expect((await tick(t0 + DEFAULT_PAUSE_MS)).deliveries.delivered).toHaveLength(1);
    expect(sms.texts).toHaveLength(1);
    expect(outboxOf(t, b.id).find((m) => m.kind === "confirmed")).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("logs never carry a phone number", async () => {
    const b = await bookAt(t, START);
    await sms.close(); // down for this test (closing it again after the test is harmless)
    await ok(await t.api("POST", `${A}/${b.id}/confirm`, {}, auth));
    await tick();
    expect(outboxOf(t, b.id).find((m) => m.kind === "confirmed")).toMatchObject({ status: "pending", attempts: 1 });
    // Request ids are random UUIDs the server makes: "7f333127-…" once read as a number.
    const logged = JSON.stringify(t.logs).replace(/"requestId":"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}"/g, "");
    expect(logged).not.toMatch(/\+?39 ?333|333 ?12/);
  });
});
