import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../helpers/server.js";
import { auth, fetchApi } from "../http/support.js";
import { bookingBody, journeyDealer, ok } from "./helpers.js";
import { startReceiver } from "./receiver.js";

// Black box: the real server (SCHEDULER_NOW frozen) runs the journey through
// POST /v1/admin/tick { now }, delivers to a webhook, and after a restart on the same
// database fires nothing twice.

const SECRET = "server-secret-0123456789";
let server: SpawnedServer;
let rx: Awaited<ReturnType<typeof startReceiver>>;
let dir: string | undefined;

beforeAll(async () => {
  rx = await startReceiver(SECRET);
  server = await spawnServer({ env: { SEED_DEMO: "0", JOURNEY_INTERVAL_MS: "0" } });
}, 30_000);
afterAll(async () => {
  await server?.stop();
  await rx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the journey in the running server", () => {
  it("ticks timers forward on demand, delivers them, and survives a restart without repeats", async () => {
    let api = fetchApi(server.baseUrl);
    await ok(await api("PUT", "/v1/dealers/rome", journeyDealer({ webhook: { url: rx.url, secret: SECRET } }), auth), 201);
    const b = await ok(await api("POST", "/v1/dealers/rome/appointments", bookingBody("2026-11-25T11:00")), 201);
    expect((await api("POST", "/v1/admin/tick", {})).status).toBe(401);
    const first = await ok(await api("POST", "/v1/admin/tick", {}, auth));
    expect(first.jobs.map((j: any) => j.kind)).toEqual(["supervisor_notice"]);
    expect(first.deliveries).toEqual({ delivered: 1, retried: 0, failed: 0 });
    const reminderAt = new Date(Date.parse(b.reception.start) - 86_400_000).toISOString();
    const second = await ok(await api("POST", "/v1/admin/tick", { now: reminderAt }, auth));
    expect(second.jobs.map((j: any) => [j.kind, j.outcome])).toEqual([["confirm_overdue", "staff:service_desk"], ["reminder", "sent:sms"]]);
    expect(rx.accepted.size).toBe(3);
    // Restart on the same database: nothing due fires again, nothing is re-delivered.
    const dbPath = server.dbPath;
    server.kill("SIGTERM"); // not stop(): that would delete the database with its temp dir
    await server.exited;
    dir = dirname(dbPath);
    server = await spawnServer({ dbPath, env: { SEED_DEMO: "0", JOURNEY_INTERVAL_MS: "0" } });
    api = fetchApi(server.baseUrl);
    const again = await ok(await api("POST", "/v1/admin/tick", { now: reminderAt }, auth));
    expect(again.jobs).toEqual([]);
    expect(again.deliveries).toEqual({ delivered: 0, retried: 0, failed: 0 });
    const messages = await ok(await api("GET", "/v1/dealers/rome/messages", undefined, auth));
    expect(messages.messages.map((m: any) => m.status)).toEqual(["delivered", "delivered", "delivered"]);
    expect(rx.requests).toHaveLength(3);
  }, 40_000);
});
