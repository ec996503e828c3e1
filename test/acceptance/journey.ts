import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerRuntime, spawnServer, type SpawnedServer } from "../support/server.js";
import { auth, fetchApi } from "../support/http.js";
import { bookingBody, journeyDealer, ok } from "../support/journey.js";
import { startReceiver } from "../support/webhook-receiver.js";
import type { AppointmentView, MessageList, TickResult } from "../support/contracts.js";

// Black box: the real server (SCHEDULER_NOW frozen) runs the journey through
// POST /v1/admin/tick { now }, delivers to a webhook, and after a restart on the same
// state fires nothing twice. On the Worker the tick is fanned out by the edge to every
// dealer's Durable Object (src/worker/admin-tick.ts), and the webhook call leaves from
// the dealer's object.

// A Standard Webhooks secret: the receiver verifies with the standardwebhooks package.
const SECRET = `whsec_${Buffer.alloc(32, 9).toString("base64")}`;
const ENV = { SEED_DEMO: "0", JOURNEY_INTERVAL_MS: "0" };

export function describeJourney(runtime: ServerRuntime): void {
  const servers: SpawnedServer[] = [];
  let rx: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    rx = await startReceiver(SECRET);
    servers.push(await spawnServer({ runtime, env: ENV }));
  }, 90_000);
  afterAll(async () => {
    // Later servers first: the first one owns (and removes) the temp dir with the state.
    for (const s of servers.reverse()) await s.stop();
    await rx?.close();
  });

  describe("the journey in the running server", () => {
    it("ticks timers forward on demand, delivers them, and survives a restart without repeats", async () => {
      let api = fetchApi(servers[0].baseUrl);
      await ok(
        await api("PUT", "/v1/dealers/rome", journeyDealer({ webhook: { url: rx.url, secret: SECRET } }), auth),
        201,
      );
      const b = await ok<AppointmentView>(
        await api("POST", "/v1/dealers/rome/appointments", bookingBody("2026-11-25T11:00")),
        201,
      );
      expect((await api("POST", "/v1/admin/tick", {})).status).toBe(401);
      const first = await ok<TickResult>(await api("POST", "/v1/admin/tick", {}, auth));
      // Nothing is due yet; the supervisor's notice, written by the booking, goes out.
      expect(first.jobs).toEqual([]);
      expect(first.deliveries).toEqual({ delivered: 1, retried: 0, failed: 0, rateLimited: 0 });
      expect(rx.requests.map((r) => r.body.type)).toEqual(["supervisor_notice"]);
      const reminderAt = new Date(Date.parse(b.reception.start) - 86_400_000).toISOString();
      const second = await ok<TickResult>(await api("POST", "/v1/admin/tick", { now: reminderAt }, auth));
      expect(second.jobs.map((j) => [j.kind, j.outcome])).toEqual([
        ["confirm_overdue", "staff:service_desk"],
        ["reminder", "sent:sms"],
      ]);
      expect(rx.accepted.size).toBe(3);
      // Restart on the same state: nothing due fires again, nothing is re-delivered.
      servers[0].kill("SIGTERM"); // not stop(): that would delete the state with its temp dir
      await servers[0].exited;
      servers.push(await spawnServer({ runtime, dbPath: servers[0].dbPath, env: ENV }));
      api = fetchApi(servers[1].baseUrl);
      const again = await ok<TickResult>(await api("POST", "/v1/admin/tick", { now: reminderAt }, auth));
      expect(again.jobs).toEqual([]);
      expect(again.deliveries).toEqual({ delivered: 0, retried: 0, failed: 0, rateLimited: 0 });
      const messages = await ok<MessageList>(await api("GET", "/v1/dealers/rome/messages", undefined, auth));
      expect(messages.messages.map((m) => m.status)).toEqual(["delivered", "delivered", "delivered"]);
      expect(rx.requests).toHaveLength(3);
    }, 120_000);
  });
}
