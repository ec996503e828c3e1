import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { rawClient } from "../../bench/lib/raw-client.js";

// The write bench's load generator reads our server's answers with a minimal HTTP/1.1
// reader (bench/lib/raw-client.ts). Its figures are only as good as that reader: every
// answer must be read whole, with its status, whichever framing the server chose, on the
// same keep-alive socket, and a socket that dies must fail its request, not hang it.

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok) => server!.listen(0, "127.0.0.1", ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the write bench's raw client", () => {
  it("sends the request as node:http would and reads each answer whole, by length or chunked, on one socket", async () => {
    const seen: Array<{ method?: string; url?: string; headers: Record<string, unknown>; body: string }> = [];
    const sockets = new Set<unknown>();
    const base = await serve((req, res) => {
      sockets.add(req.socket);
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        const answer = JSON.stringify({ echo: body, big: "é".repeat(50_000) });
        if (body.includes("chunked")) {
          res.writeHead(409, { "content-type": "application/problem+json" });
          res.write(answer.slice(0, 1000));
          res.end(answer.slice(1000)); // no Content-Length: chunked framing
        } else {
          res.writeHead(201, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) });
          res.end(answer);
        }
      });
    });
    const client = rawClient(base, 1);
    const headers = { "content-type": "application/json", "idempotency-key": "k-1" };
    const answers = [];
    for (const body of ['{"n":1}', '{"n":"chunked"}', '{"n":"ü"}'])
      answers.push(await client.post(0, "/v1/dealers/d/appointments", body, headers));
    client.close();
    expect(answers.map((a) => a.status)).toEqual([201, 409, 201]);
    expect(answers.map((a) => JSON.parse(a.text).echo)).toEqual(['{"n":1}', '{"n":"chunked"}', '{"n":"ü"}']);
    for (const a of answers) expect(JSON.parse(a.text).big).toHaveLength(50_000);
    expect(seen[2]).toMatchObject({
      method: "POST",
      url: "/v1/dealers/d/appointments",
      headers: { "content-type": "application/json", "idempotency-key": "k-1", "content-length": "10" },
    });
    expect(sockets.size).toBe(1); // keep-alive: one connection for the three
  });

  it.each([
    ["closes", (s: import("node:net").Socket) => s.destroy()],
    ["resets", (s: import("node:net").Socket) => s.resetAndDestroy()],
  ])(
    "when the server %s a socket, only its request fails: the next ones, sent at once, each get their own answer",
    async (_, end) => {
      let n = 0;
      const base = await serve((req, res) => {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => {
          if (++n === 1) end(req.socket);
          else res.end(`answer to ${body}`);
        });
      });
      const client = rawClient(base, 1);
      const got: string[] = [];
      for (const body of ["r1", "r2", "r3", "r4"]) {
        // As the bench does: a failure is counted and the next request goes out at once.
        const r = await client.post(0, "/", body, {}).catch((e: Error) => ({ status: 0, text: e.message }));
        got.push(r.status === 0 ? "failed" : `${r.status} ${r.text}`);
      }
      client.close();
      expect(got).toEqual(["failed", "200 answer to r2", "200 answer to r3", "200 answer to r4"]);
    },
  );

  it("takes a new socket after an answer that says Connection: close, as node:http's client does", async () => {
    let n = 0;
    const sockets = new Set<unknown>();
    const base = await serve((req, res) => {
      sockets.add(req.socket);
      req.resume();
      req.on("end", () => {
        if (++n === 2) res.setHeader("connection", "close");
        res.end(`answer ${n}`);
      });
    });
    const client = rawClient(base, 1);
    const got = [];
    for (let i = 0; i < 4; i++) got.push(await client.post(0, "/", "x", {}));
    client.close();
    expect(got).toEqual([1, 2, 3, 4].map((k) => ({ status: 200, text: `answer ${k}` })));
    expect(sockets.size).toBe(2);
  });

  it("fails a request whose socket the server closes, and the next one opens a new socket", async () => {
    let n = 0;
    const base = await serve((req, res) => {
      req.resume();
      req.on("end", () => {
        if (++n === 1) req.socket.destroy();
        else res.end("ok");
      });
    });
    const client = rawClient(base, 1);
    await expect(client.post(0, "/", "x", {})).rejects.toThrow(/closed|reset/);
    expect(await client.post(0, "/", "x", {})).toEqual({ status: 200, text: "ok" });
    client.close();
  });
});
