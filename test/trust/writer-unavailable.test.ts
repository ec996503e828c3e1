import { createServer, type Server } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { HttpBindings } from "@hono/node-server";
import { forwardingFetch } from "../../src/node/writer.js";
import { auth, createTestApp, type TestApp } from "../support/app.js";
import { putDealer, romeDealer, type Api } from "../support/http.js";

// WORKERS > 1 (src/node/writer.ts): a worker forwards writes to the writer process. When
// the writer took the request and then broke the connection, the write may or may not
// have happened, so the worker must neither write it itself nor answer 500: it answers
// 503 problem+json `service_unavailable` with Retry-After (the client retries with its
// Idempotency-Key), and stores nothing. Real SQLite file, real Unix socket.

let t: TestApp | undefined;
let writer: Server | undefined;
let dir: string | undefined;
afterEach(() => {
  writer?.close();
  t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("writer process unavailable", () => {
  it("answers 503 service_unavailable problem+json with Retry-After, and stores nothing", async () => {
    t = createTestApp();
    const app = t.app;
    const api: Api = async (method, path, body, headers = {}) =>
      app.request(path, {
        method,
        headers: { "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    await putDealer(api, "w", romeDealer({}));
    dir = mkdtempSync(join(tmpdir(), "pitlane-writer-"));
    const socket = join(dir, "writer.sock");
    // A writer that accepts the forwarded request, reads it, and dies without answering.
    writer = createServer((conn) => conn.once("data", () => conn.destroy()));
    await new Promise<void>((ok) => writer!.listen(socket, ok));
    const fetch = forwardingFetch(socket, (req, env) => app.fetch(req, env as never));
    const env = { incoming: { socket: { remoteAddress: "203.0.113.9" } } } as unknown as HttpBindings;
    const before = (t.sqlite.prepare("SELECT count(*) AS n FROM appointments").get() as { n: number }).n;

    const req = new Request("http://localhost/v1/dealers/w/appointments", {
      method: "POST",
      headers: { "content-type": "application/json", "Idempotency-Key": "k-503", ...auth },
      body: JSON.stringify({
        start: "2026-11-24T10:00",
        vehicle: { model: "Grecale", vin: "ZN6WRITER00000001" },
        interventions: ["tyres"],
        customer: { known: true, name: "Writer Test", email: "writer@example.com" },
      }),
    });
    const res = (await fetch(req, env)) as Response;
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("1");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 503,
      code: "service_unavailable",
      type: "https://pitlane.dev/problems/service_unavailable",
    });
    expect((t.sqlite.prepare("SELECT count(*) AS n FROM appointments").get() as { n: number }).n).toBe(before);

    // Reads are not forwarded: they are answered locally whatever the writer does.
    const health = (await fetch(new Request("http://localhost/health"), env)) as Response;
    expect(health.status).toBe(200);
  });
});
