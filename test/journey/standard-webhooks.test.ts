import { afterEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { json, type ValidationProblem } from "../support/contracts.js";
import { auth, bookAt, DEALER, journeyApp, type JourneyApp, outboxOf, setupDealer } from "../support/journey.js";
import { deliverDue } from "../../src/scheduler/journey/deliver.js";
import { startReceiver, whsecOf } from "../support/webhook-receiver.js";

// Deliveries per the Standard Webhooks spec, checked by the reference `standardwebhooks`
// package itself: a receiver that does `new Webhook(secret).verify(body, headers)`
// accepts them, refuses a replay older than its tolerance (5 min) and a tampered body;
// the webhook-id is the same on every retry while each attempt carries its own timestamp.

const WHSEC = `whsec_${Buffer.alloc(32, 7).toString("base64")}`; // 32 bytes, as the spec's secrets
const LEGACY = "s3cret-s3cret-s3cret";
const START = "2026-11-25T11:00:00+01:00";

let t: JourneyApp;
let rx: Awaited<ReturnType<typeof startReceiver>>;
afterEach(async () => {
  t.close();
  await rx.close();
});

async function withDealer(secret: string) {
  rx = await startReceiver(secret);
  t = journeyApp("2026-11-23T09:00:00Z");
  await setupDealer(t, { webhook: { url: rx.url, secret } });
  await bookAt(t, START);
  // The booking wrote the supervisor's notice: the message these tests deliver.
}

describe("Standard Webhooks deliveries", () => {
  it("verify with the standardwebhooks package under the dealer's whsec_ secret, and carry no legacy header", async () => {
    await withDealer(WHSEC);
    expect((await deliverDue(t.journey.deps, t.clock.ms)).delivered).toHaveLength(1);
    const [r] = rx.requests;
    expect(r.signatureOk).toBe(true);
    expect(r.headers["webhook-id"]).toBe(outboxOf(t)[0].id);
    expect(r.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Number(r.headers["webhook-timestamp"])).toBeCloseTo(Date.now() / 1000, -1);
    expect(r.legacySignatureOk).toBeNull();
    expect(r.headers["x-pitlane-delivery"]).toBeUndefined();
    // The package's verify() returns the parsed payload.
    expect(new Webhook(WHSEC).verify(r.raw, r.headers as Record<string, string>)).toMatchObject({
      id: r.deliveryId,
      type: "supervisor_notice",
    });
  });

  it("a captured delivery replayed after the tolerance is rejected by the package; a tampered body too", async () => {
    await withDealer(WHSEC);
    await deliverDue(t.journey.deps, t.clock.ms);
    const [r] = rx.requests;
    const wh = new Webhook(WHSEC);
    expect(() =>
      wh.verify(r.raw.replace("supervisor_notice", "reminder"), r.headers as Record<string, string>),
    ).toThrow(/signature/i);
    // The same bytes and headers, presented six minutes later.
    const realNow = Date.now;
    Date.now = () => realNow() + 6 * 60_000;
    try {
      expect(() => wh.verify(r.raw, r.headers as Record<string, string>)).toThrow(/too old/);
    } finally {
      Date.now = realNow;
    }
  });

  it("a delivery whose attempt is older than the tolerance is refused by the receiver (timestamps are per attempt, not per message)", async () => {
    await withDealer(WHSEC);
    const stale = await deliverDue(t.journey.deps, t.clock.ms, fetch, { wallNow: () => Date.now() - 6 * 60_000 });
    expect(stale.retried).toHaveLength(1);
    expect(rx.requests[0]).toMatchObject({ signatureOk: false, status: 401 });
    // The retry is a new attempt: fresh timestamp, same webhook-id, accepted.
    const retry = await deliverDue(t.journey.deps, t.clock.ms + 3_600_000);
    expect(retry.delivered).toHaveLength(1);
    expect(rx.requests[1]).toMatchObject({ signatureOk: true, status: 200, deliveryId: rx.requests[0].deliveryId });
    expect(Number(rx.requests[1].headers["webhook-timestamp"])).toBeGreaterThan(
      Number(rx.requests[0].headers["webhook-timestamp"]),
    );
  });

  it("keeps sending X-Pitlane-Signature while the dealer still has a pre-whsec secret; the standard headers verify with its whsec_ form", async () => {
    await withDealer(LEGACY);
    await deliverDue(t.journey.deps, t.clock.ms);
    const [r] = rx.requests;
    expect(r).toMatchObject({ signatureOk: true, legacySignatureOk: true });
    expect(r.headers["x-pitlane-delivery"]).toBe(r.headers["webhook-id"]);
    expect(() => new Webhook(whsecOf(LEGACY)).verify(r.raw, r.headers as Record<string, string>)).not.toThrow();
  });

  it.each([
    ["whsec_ with a body that is not base64", "whsec_not*base64*at*all*but*long*enough"],
    ["whsec_ with too few bytes", `whsec_${Buffer.alloc(16, 1).toString("base64")}`],
    ["whsec_ with too many bytes", `whsec_${Buffer.alloc(65, 1).toString("base64")}`],
    ["a short free-text secret", "short-secret"],
  ])("refuses a dealer configuration with %s (400, nothing stored)", async (_, secret) => {
    rx = await startReceiver(WHSEC);
    t = journeyApp("2026-11-23T09:00:00Z");
    const res = await t.api(
      "PUT",
      `/v1/dealers/${DEALER}`,
      { name: "Roma Est", timeZone: "Europe/Rome", webhook: { url: rx.url, secret } },
      auth,
    );
    expect(res.status).toBe(400);
    expect((await json<ValidationProblem>(res)).errors.map((e) => e.path).join()).toContain("webhook");
    expect((await t.api("GET", `/v1/dealers/${DEALER}`)).status).toBe(404);
  });
});
