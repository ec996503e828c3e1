import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type AvailabilityResponse, type DealerPublic, json } from "../support/contracts.js";
import { auth } from "../support/app.js";
import { type SpawnedServer, spawnServer } from "../support/server.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Black-box: the real process, started the way `npm start` starts it.

let server: SpawnedServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

// A process start compiles the sources (tsx): seconds on a quiet box, far more on a loaded
// one, and one test here starts two in a row. The budget is for the starts, not a timing check.
describe("the server process", { timeout: 90_000 }, () => {
  it("starts on an empty database, migrates it and seeds the demo dealer", async () => {
    server = await spawnServer();
    expect(await (await fetch(`${server.baseUrl}/health`)).json()).toEqual({ ok: true });
    const demo = await json<DealerPublic>(await fetch(`${server.baseUrl}/v1/dealers/demo`));
    expect(demo).toMatchObject({ id: "demo", timeZone: "Europe/Rome" });
    expect(demo.mobility).toEqual(expect.arrayContaining(["courtesy_car", "pickup_delivery"]));
    // A newcomer's first curl (the README's step 1) gets real, bookable options.
    const res = await fetch(`${server.baseUrl}/v1/dealers/demo/availability`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ interventions: ["maintenance"], mobility: "courtesy_car", count: 3 }),
    });
    expect(res.status).toBe(200);
    const { options } = await json<AvailabilityResponse>(res);
    expect(options.length).toBeGreaterThanOrEqual(3);
    for (const o of options)
      expect(o).toMatchObject({ mobility: "courtesy_car", receptionMinutes: 30, optionId: expect.any(String) });
  });

  it("does not seed when SEED_DEMO=0", async () => {
    server = await spawnServer({ env: { SEED_DEMO: "0" } });
    expect((await fetch(`${server.baseUrl}/v1/dealers/demo`)).status).toBe(404);
  });

  it("uses the frozen SCHEDULER_NOW clock for stored timestamps", async () => {
    server = await spawnServer({ env: { SEED_DEMO: "0", SCHEDULER_NOW: "2027-01-15T10:30:00+01:00" } });
    const res = await fetch(`${server.baseUrl}/v1/dealers/x`, {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "X", timeZone: "Europe/Rome" }),
    });
    expect(await res.json()).toMatchObject({ updatedAt: "2027-01-15T09:30:00.000Z" });
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "on %s stops cleanly with exit code 0 and leaves the database intact",
    async (signal) => {
      server = await spawnServer();
      const put = await fetch(`${server.baseUrl}/v1/dealers/roma-est`, {
        method: "PUT",
        headers: { ...auth, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Roma Est", timeZone: "Europe/Rome", email: undefined }),
      });
      expect(put.status).toBe(201);
      server.kill(signal);
      const { code } = await server.exited;
      expect(code).toBe(0);
      expect(server.stdoutLines().some((l) => l.includes('"msg":"stopped"'))).toBe(true);

      const db = new Database(server.dbPath, { readonly: true });
      try {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(db.prepare("SELECT id FROM dealers ORDER BY id").all()).toEqual([{ id: "demo" }, { id: "roma-est" }]);
      } finally {
        db.close();
      }
    },
  );

  it("drains a request that is still in flight when SIGTERM arrives", async () => {
    server = await spawnServer({ env: { SEED_DEMO: "0" } });
    const body = new TextEncoder().encode(JSON.stringify({ name: "Late", timeZone: "Europe/Rome" }));
    let push!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (push = c) });
    const pending = fetch(`${server.baseUrl}/v1/dealers/late`, {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    push.enqueue(body.subarray(0, 10));
    await sleep(300);
    server.kill("SIGTERM");
    await sleep(300);
    expect(server.child.exitCode).toBeNull(); // still waiting for our request
    push.enqueue(body.subarray(10));
    push.close();
    expect((await pending).status).toBe(201);
    expect((await server.exited).code).toBe(0);
    // New connections are refused once draining started.
    await expect(fetch(`${server.baseUrl}/health`)).rejects.toThrow();
  });

  it("restarts on an existing database without re-seeding or losing data", async () => {
    const first = await spawnServer({ env: { SEED_DEMO: "0" } });
    await fetch(`${first.baseUrl}/v1/dealers/kept`, {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Kept", timeZone: "Europe/Rome" }),
    });
    first.kill("SIGTERM");
    expect((await first.exited).code).toBe(0);
    server = await spawnServer({ dbPath: first.dbPath });
    expect((await fetch(`${server.baseUrl}/v1/dealers/kept`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/v1/dealers/demo`)).status).toBe(404);
    await server.stop();
    server = undefined;
    await first.stop(); // removes the temp dir it owns
  });

  it("logs JSON lines without personal data from request bodies", async () => {
    server = await spawnServer();
    await fetch(`${server.baseUrl}/v1/dealers/demo`, {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "X", timeZone: "Europe/Rome", email: "giulia.verdi@example.com" }),
    });
    await server.stop();
    const lines = server.stdoutLines();
    server = undefined;
    expect(lines.some((l) => l.includes('"route":"/v1/dealers/:dealerId"') && l.includes('"status":400'))).toBe(true);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    expect(lines.join("\n")).not.toContain("giulia.verdi");
  });

  it("refuses to start in production without an admin token", async () => {
    await expect(
      spawnServer({ env: { NODE_ENV: "production", SCHEDULER_ADMIN_TOKEN: "" }, readyTimeoutMs: 10_000 }),
    ).rejects.toThrow(/exited during startup[\s\S]*SCHEDULER_ADMIN_TOKEN is required/);
  });

  it("refuses to start in production without PITLANE_SECRET (the seal's key material)", async () => {
    await expect(
      spawnServer({ env: { NODE_ENV: "production", PITLANE_SECRET: "" }, readyTimeoutMs: 10_000 }),
    ).rejects.toThrow(/exited during startup[\s\S]*PITLANE_SECRET is required/);
  });
});
