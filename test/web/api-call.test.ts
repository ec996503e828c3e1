import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "../../src/web/shared/api.js";

// The pages' one way to the API (src/web/shared/api.ts): every failure comes back as a
// problem, never as a success without its data. A real HTTP server on 127.0.0.1 answers
// 200 with its headers and half a body, then either drops the line or keeps it open.

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url === "/whole") return res.end('{"days":[]}');
    res.write('{"days":[{"date":"2026-12-0');
    if (req.url === "/dropped") setTimeout(() => res.socket?.destroy(), 50);
    // "/held": the rest never comes; the caller aborts.
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("apiCall", () => {
  it("a whole answer is a success with its data", async () => {
    expect(await apiCall(base, "GET", "/whole")).toEqual({ ok: true, status: 200, data: { days: [] } });
  });

  it.each([
    { path: "/dropped", how: "the line drops mid-body" },
    { path: "/held", how: "the signal aborts after the headers" },
  ])("a 200 whose body is cut short ($how) is a network problem", async ({ path }) => {
    const asked = new AbortController();
    const pending = apiCall(base, "GET", path, undefined, {}, asked.signal);
    if (path === "/held") setTimeout(() => asked.abort(), 100);
    expect(await pending).toEqual({ ok: false, problem: { status: 0, code: "network" } });
  });

  it("aborted before any answer: a network problem", async () => {
    const asked = new AbortController();
    asked.abort();
    expect(await apiCall(base, "GET", "/whole", undefined, {}, asked.signal)).toEqual({
      ok: false,
      problem: { status: 0, code: "network" },
    });
  });
});
