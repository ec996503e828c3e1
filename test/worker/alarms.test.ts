import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../support/server.js";
import { auth, fetchApi, search } from "../support/http.js";
import { bookingBody, journeyDealer, ok } from "../support/journey.js";
import { startReceiver } from "../support/webhook-receiver.js";
import type { MessageList } from "../support/contracts.js";

// The Durable Object's alarm replaces Node's JOURNEY_INTERVAL_MS timer: with the REAL
// clock (no SCHEDULER_NOW) a booking's first message (the supervisor's notice, which the
// booking writes itself) is pending at once, and it reaches the dealer's webhook with
// nobody calling POST /v1/admin/tick. Timers falling due wake the object the same way
// (worker/alarms.ts nextWakeAt plans both).

const SECRET = "alarm-secret-0123456789";
let server: SpawnedServer;
let rx: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  rx = await startReceiver(SECRET);
  server = await spawnServer({ runtime: "worker", env: { SEED_DEMO: "0", RATE_LIMITS: "off", SCHEDULER_NOW: "" } });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await rx?.close();
});

describe("alarms (real clock)", () => {
  it("deliver a booking's first message by themselves", async () => {
    const api = fetchApi(server.baseUrl);
    await ok(
      await api("PUT", "/v1/dealers/rome", journeyDealer({ webhook: { url: rx.url, secret: SECRET } }), auth),
      201,
    );
    const option = (await search(api, "rome", { interventions: ["maintenance"] })).options[0];
    await ok(
      await api("POST", "/v1/dealers/rome/appointments", { ...bookingBody(option.start), advisorId: option.advisorId }),
      201,
    );

    const deadline = Date.now() + 20_000;
    while (rx.accepted.size === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect([...rx.accepted.values()].map((m) => m.type)).toEqual(["supervisor_notice"]);
    const messages = await ok<MessageList>(await api("GET", "/v1/dealers/rome/messages", undefined, auth));
    expect(messages.messages.map((m) => [m.kind, m.status])).toEqual([["supervisor_notice", "delivered"]]);
    // The alarm logs after its report is complete, and the line travels workerd → wrangler →
    // our pipe: it can trail the delivery the receiver already saw. Wait for it, briefly.
    const logged = () => server.stdoutLines().some((l) => l.includes('"msg":"alarm"'));
    const logDeadline = Date.now() + 10_000;
    while (!logged() && Date.now() < logDeadline) await new Promise((r) => setTimeout(r, 100));
    expect(logged()).toBe(true);
  }, 60_000);
});
