import { describe, expect, it } from "vitest";
import { auth, DEALER, enqueueNotices, journeyPerTest, ok, outboxOf } from "../support/journey.js";
import {
  busyUntil,
  DEFAULT_PAUSE_MS,
  destinationOf,
  MAX_PAUSE_MS,
  MIN_PAUSE_MS,
  ProviderPauses,
  retryAfterMs,
} from "../../src/scheduler/journey/back-pressure.js";
import { backoffMs, deliverDue, MAX_HOLD_MS } from "../../src/scheduler/journey/deliver.js";
import type { MessageRow } from "../../src/db/repos/outbox.js";
import { startReceiver } from "../support/webhook-receiver.js";
import { perTest } from "../support/fixture.js";
import type { MessageList } from "../support/contracts.js";

// A provider that answers "too many, later" (429; 503 with a Retry-After; SMTP 421, in
// messaging/email.test.ts; the SMS provider's 429, in messaging/sms.test.ts) holds the
// messages back without using their attempts, and is not called again until it said.

const WALL = Date.parse("2026-12-04T12:00:00Z");
const NOW = 1_000_000;

describe("Retry-After", () => {
  it.each([
    ["120", 120_000],
    [" 5 ", 5_000],
    ["0", MIN_PAUSE_MS],
    ["86400", MAX_PAUSE_MS],
    ["Fri, 04 Dec 2026 12:02:00 GMT", 120_000],
    ["Fri, 04 Dec 2026 11:00:00 GMT", MIN_PAUSE_MS], // already past
    ["", null],
    ["soon", null],
    ["-5", null],
    ["1.5", null],
    [undefined, null],
  ] as const)("%j asks for %j ms", (value, ms) => {
    expect(retryAfterMs(value, WALL)).toBe(ms);
  });

  it.each([
    [429, null, NOW + DEFAULT_PAUSE_MS],
    [429, "30", NOW + 30_000],
    [503, "30", NOW + 30_000],
    [503, null, null], // an outage: retried with backoff, one attempt used
    [500, "30", null],
    [400, "30", null],
    [200, "30", null],
  ] as const)("HTTP %i with Retry-After %j: busy until %j", (status, retryAfter, until) => {
    expect(busyUntil(status, retryAfter, NOW, WALL)).toBe(until);
  });
});

describe("provider pauses", () => {
  it("hold a destination until its instant, each destination on its own, the later pause winning", () => {
    const p = new ProviderPauses();
    p.pause("sms", NOW + 60_000);
    p.pause("sms", NOW + 30_000);
    expect(p.pausedUntil("sms", NOW)).toBe(NOW + 60_000);
    expect(p.pausedUntil("email", NOW)).toBeNull();
    expect(p.pausedUntil("sms", NOW + 60_000)).toBeNull();
    expect(p.pausedUntil("sms", NOW)).toBeNull(); // forgotten once over
  });

  it("ignore a pause further ahead than a provider may ask (set by a tick with a future clock)", () => {
    const p = new ProviderPauses();
    p.pause("sms", NOW + MAX_PAUSE_MS + 1);
    expect(p.pausedUntil("sms", NOW)).toBeNull();
  });

  it("name a webhook by its URL (two dealers posting to one integrator share its limit)", () => {
    const m = (transport: MessageRow["transport"], dealerId: string) => ({ transport, dealerId }) as MessageRow;
    expect(destinationOf(m("webhook", "a"), "https://x.test/h")).toBe(
      destinationOf(m("webhook", "b"), "https://x.test/h"),
    );
    expect(destinationOf(m("webhook", "a"), "https://x.test/h")).not.toBe(
      destinationOf(m("webhook", "a"), "https://y.test/h"),
    );
    expect(destinationOf(m("sms", "a"), undefined)).toBe("sms");
    expect(destinationOf(m("email", "a"), undefined)).toBe("email");
  });
});

const SECRET = "s3cret-s3cret-s3cret";
const rx = perTest(
  () => startReceiver(SECRET),
  (r) => r.close(),
);
const t = journeyPerTest({ dealer: () => ({ webhook: { url: rx.url, secret: SECRET } }) });

const notices = (n: number, at: number, from = 0) => enqueueNotices(t, n, at, "busy", from);

describe("a webhook receiver at its rate limit", () => {
  it("429 with Retry-After: one call, the batch waits that long with no attempt used, then all leave once", async () => {
    const now = t.clock.ms;
    notices(5, now);
    rx.busyNext(1, "120");
    const first = await t.journey.tick(now);
    expect(rx.requests).toHaveLength(1); // not five calls into the same wall
    expect(first.deliveries).toMatchObject({ delivered: [], retried: [], failed: [] });
    expect(first.deliveries.rateLimited).toHaveLength(5);
    expect(outboxOf(t).map((m) => [m.status, m.attempts, m.next_attempt_at, m.state_reason])).toEqual(
      Array.from({ length: 5 }, () => ["pending", 0, now + 120_000, "rate_limited"]),
    );
    // Staff see why it waits.
    const list = await ok<MessageList>(await t.api("GET", `/v1/dealers/${DEALER}/messages`, undefined, auth));
    expect(list.messages.every((m) => m.delivery === "queued" && m.reason === "rate_limited")).toBe(true);

    expect((await t.journey.tick(now + 119_999)).deliveries.claimed).toBe(0);
    expect(rx.requests).toHaveLength(1);
    const later = await t.journey.tick(now + 120_000);
    expect(later.deliveries.delivered).toHaveLength(5);
    expect(rx.accepted.size).toBe(5);
    expect(outboxOf(t).every((m) => m.status === "delivered" && m.attempts === 1)).toBe(true);
  });

  it("the pause outlives the tick: a message due meanwhile waits for its end without a call", async () => {
    const now = t.clock.ms;
    notices(1, now);
    rx.busyNext(1); // no Retry-After: the default pause
    await t.journey.tick(now);
    notices(1, now + 10_000, 1);
    const meanwhile = await t.journey.tick(now + 10_000);
    expect(meanwhile.deliveries.rateLimited).toHaveLength(1);
    expect(rx.requests).toHaveLength(1);
    expect(outboxOf(t).map((m) => m.next_attempt_at)).toEqual([now + DEFAULT_PAUSE_MS, now + DEFAULT_PAUSE_MS]);
    expect((await t.journey.tick(now + DEFAULT_PAUSE_MS)).deliveries.delivered).toHaveLength(2);
  });

  it("503 with a Retry-After is back-pressure; without one it is an outage that uses an attempt", async () => {
    const now = t.clock.ms;
    notices(1, now);
    rx.busyNext(1, "30", 503);
    expect((await deliverDue(t.journey.deps, now)).rateLimited).toHaveLength(1);
    expect(outboxOf(t)[0]).toMatchObject({ attempts: 0, next_attempt_at: now + 30_000 });
    rx.failNext(1); // 503, no Retry-After
    expect((await deliverDue(t.journey.deps, now + 30_000)).retried).toHaveLength(1);
    expect(outboxOf(t)[0]).toMatchObject({ attempts: 1, last_error: "HTTP 503" });
  });

  it("held back more times than its 20 attempts, a message still does not end failed: back-pressure uses none", async () => {
    const now = t.clock.ms;
    notices(1, now);
    let at = now;
    for (let i = 0; i < 25; i++) {
      rx.busyNext(1, "1");
      await deliverDue(t.journey.deps, at);
      at += 1_000;
    }
    expect(outboxOf(t)[0]).toMatchObject({ status: "pending", attempts: 0 });
    expect((await deliverDue(t.journey.deps, at)).delivered).toHaveLength(1);
  });

  it("held back for a day, a message fails: a reminder that late is no use", async () => {
    const now = t.clock.ms;
    notices(1, now);
    let at = now;
    for (; at < now + MAX_HOLD_MS; at += MAX_PAUSE_MS) {
      rx.busyNext(1, String(MAX_PAUSE_MS / 1000));
      expect((await deliverDue(t.journey.deps, at)).rateLimited).toHaveLength(1);
    }
    rx.busyNext(1);
    expect((await deliverDue(t.journey.deps, at)).failed).toHaveLength(1);
    expect(outboxOf(t)[0]).toMatchObject({ status: "failed", last_error: "provider busy for over 24 h" });
  });

  it("staff see 'rate_limited' while it waits, not the error of an earlier attempt", async () => {
    const now = t.clock.ms;
    notices(1, now);
    rx.failNext(1); // 503, no Retry-After: an attempt, with its error
    await deliverDue(t.journey.deps, now);
    expect(outboxOf(t)[0]).toMatchObject({ attempts: 1, last_error: "HTTP 503" });
    rx.busyNext(1, "30");
    await deliverDue(t.journey.deps, now + backoffMs(1));
    expect(outboxOf(t)[0]).toMatchObject({ attempts: 1, last_error: null, state_reason: "rate_limited" });
    const list = await ok<MessageList>(await t.api("GET", `/v1/dealers/${DEALER}/messages`, undefined, auth));
    expect(list.messages[0]).toMatchObject({ delivery: "queued", reason: "rate_limited" });
  });
});
