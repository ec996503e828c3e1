import { describe, expect, it } from "vitest";
import { auth, bookAt, DEALER, enqueueNotices, journeyPerTest, ok, outboxOf, SILENT } from "../support/journey.js";
import { backoffMs, deliverDue, DELIVERY_LEASE_MS } from "../../src/scheduler/journey/deliver.js";
import { startReceiver } from "../support/webhook-receiver.js";
import { perTest } from "../support/fixture.js";
import type { MessageList } from "../support/contracts.js";

// Outbox delivery to a real HTTP receiver on 127.0.0.1: signed, retried with backoff
// until a 2xx, and exactly one distinct delivery per message even when the worker dies
// between the POST and recording it.

const SECRET = "s3cret-s3cret-s3cret";
const rx = perTest(
  () => startReceiver(SECRET),
  (r) => r.close(),
);
const t = journeyPerTest({ dealer: () => ({ webhook: { url: rx.url, secret: SECRET } }) });

const START = "2026-11-25T11:00:00+01:00";
const deliver = (at?: number) => deliverDue(t.journey.deps, at ?? t.clock.ms);

describe("outbox delivery", () => {
  it("POSTs each message signed with HMAC-SHA256, with its delivery id and the customer's address", async () => {
    const b = await bookAt(t, START);
    t.run(Date.parse(START) - 24 * 3600_000); // the overdue alert and the reminder (the supervisor's notice went with the booking)
    const report = await deliver();
    const rows = outboxOf(t, b.id);
    expect(report.delivered.sort()).toEqual(rows.map((r) => r.id).sort());
    expect(rx.requests.every((r) => r.signatureOk)).toBe(true);
    const reminder = rx.requests.find((r) => r.body.type === "reminder")!;
    expect(reminder.body).toMatchObject({
      audience: "customer",
      channel: "sms",
      locale: "en",
      to: { name: "Marco Bianchi", phone: expect.stringMatching(/^\+39 333 12\d{5}$/) },
      appointmentId: b.id,
    });
    expect(reminder.body.text).toContain("Anna Rossi");
    expect(rx.requests.find((r) => r.body.type === "supervisor_notice")!.body.to).toEqual({ role: "supervisor" });
    expect(outboxOf(t, b.id).every((m) => m.status === "delivered")).toBe(true);
    // No contact details in the logs.
    expect(JSON.stringify(t.logs)).not.toMatch(/\+39 333|@example\.com/);
  });

  it("retries with exponential backoff until the receiver answers 2xx", async () => {
    const b = await bookAt(t, START);
    // The supervisor's notice, written by the booking, is the one message waiting.
    rx.failNext(3);
    const t0 = t.clock.ms;
    expect((await deliver(t0)).retried).toHaveLength(1);
    expect((await deliver(t0 + backoffMs(1) - 1)).retried).toHaveLength(0); // not yet
    expect((await deliver(t0 + backoffMs(1))).retried).toHaveLength(1);
    const t2 = t0 + backoffMs(1);
    expect((await deliver(t2 + backoffMs(2))).retried).toHaveLength(1);
    const t3 = t2 + backoffMs(2);
    expect((await deliver(t3 + backoffMs(3))).delivered).toHaveLength(1);
    expect(rx.requests.map((r) => r.status)).toEqual([503, 503, 503, 200]);
    expect(new Set(rx.requests.map((r) => r.deliveryId)).size).toBe(1);
    const [m] = outboxOf(t);
    expect(m).toMatchObject({ status: "delivered", attempts: 4, last_error: null });
    expect([backoffMs(1), backoffMs(2), backoffMs(3), backoffMs(10)]).toEqual([60_000, 120_000, 240_000, 3_600_000]);
    const list = await ok<MessageList>(await t.api("GET", `/v1/dealers/${DEALER}/messages`, undefined, auth));
    expect(list.messages[0]).toMatchObject({
      id: m.id,
      status: "delivered",
      attempts: 4,
      kind: "supervisor_notice",
      recipient: "supervisor",
      // Which appointment it is about, as staff know it (the board's tasks name it on any day).
      appointment: { receptionStart: START, customer: { name: "Marco Bianchi" }, vehicle: { model: b.vehicle.model } },
    });
  });

  it("delivers exactly one distinct message after a crash between the POST and its record", async () => {
    await bookAt(t, START);
    t.run();
    // The worker POSTs, the receiver accepts, and the process dies before recording it.
    const crashing = async (url: string, init?: RequestInit) => {
      const res = await fetch(url, init);
      t.crash();
      return res;
    };
    await expect(deliverDue(t.journey.deps, t.clock.ms, crashing)).rejects.toThrow();
    t.restart();
    expect(outboxOf(t)[0]).toMatchObject({ status: "pending", attempts: 1 });
    // Within the dead worker's lease nothing is re-sent; after it, the same delivery id is.
    expect((await deliver(t.clock.ms + DELIVERY_LEASE_MS - 1)).delivered).toHaveLength(0);
    expect((await deliver(t.clock.ms + DELIVERY_LEASE_MS + 1)).delivered).toHaveLength(1);
    expect(rx.requests).toHaveLength(2);
    expect(rx.requests[0].deliveryId).toBe(rx.requests[1].deliveryId);
    expect(rx.accepted.size).toBe(1);
    expect((await deliver(t.clock.ms + 10 * DELIVERY_LEASE_MS)).delivered).toHaveLength(0);
  });

  it("keeps one distinct delivery per message over many messages and repeated runs", async () => {
    for (const [i, s] of [
      "2026-11-25T10:00:00+01:00",
      "2026-11-25T14:00:00+01:00",
      "2026-11-26T10:00:00+01:00",
    ].entries()) {
      await bookAt(t, s, { ...(i === 1 ? { customer: SILENT() } : {}), vehicle: { model: "Grecale" } });
    }
    t.run("2026-11-26T12:00:00Z");
    rx.failNext(2);
    for (let k = 0; k < 6; k++) await deliver(t.clock.ms + k * 3_600_000);
    const rows = outboxOf(t);
    expect(rows.every((r) => r.status === "delivered")).toBe(true);
    expect(rx.accepted.size).toBe(rows.length);
    expect([...rx.accepted.keys()].sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it("drains more than one batch in a tick: 120 due messages all leave, each once", async () => {
    const now = t.clock.ms;
    enqueueNotices(t, 120, now, "drain");
    const { deliveries } = await t.journey.tick(now);
    expect(deliveries.delivered).toHaveLength(120);
    expect(deliveries.claimed).toBe(120);
    expect(rx.accepted.size).toBe(120);
    expect(outboxOf(t).every((m) => m.status === "delivered")).toBe(true);
  });

  it("marks messages failed, without sending, when the dealer has no webhook", async () => {
    // Replace the dealer with one without a webhook.
    await ok(await t.api("PUT", `/v1/dealers/${DEALER}`, { name: "Roma Est", timeZone: "Europe/Rome" }, auth));
    await bookAt(t, START, { advisorId: undefined });
    t.run();
    const r = await deliver();
    expect(r.failed).toHaveLength(1);
    expect(rx.requests).toHaveLength(0);
    const list = await ok<MessageList>(
      await t.api("GET", `/v1/dealers/${DEALER}/messages?status=failed`, undefined, auth),
    );
    expect(list.messages[0]).toMatchObject({ status: "failed", lastError: "no webhook configured" });
  });
});
