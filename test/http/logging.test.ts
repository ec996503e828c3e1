import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "node:net";
import { spawnServer } from "../support/server.js";
import {
  type Api,
  auth,
  availability,
  book,
  booking,
  CUSTOMER,
  fetchApi,
  inProcess,
  type InProcess,
  putDealer,
  romeDealer,
} from "../support/http.js";

// The access log of the Booking API: one structured line per request naming the route
// PATTERN, and never a customer's personal data, whatever the outcome of the request.
// (test/logging.test.ts covers the same for the dealer endpoints.)

/** Fragments of CUSTOMER's personal data that must never reach a log line. */
const PERSONAL = ["marco.bianchi", "example.com", "Bianchi", "1234567", "333 123", "front left wheel"];

let t: InProcess;
let api: Api;
let apptId: string;
beforeAll(async () => {
  t = inProcess();
  api = t.api;
  await putDealer(api, "roma", romeDealer());
  apptId = (await book(api, "roma", booking({ start: "2026-11-25T11:00", advisorId: "anna" }))).id;
});
afterAll(() => t.close());

describe("one line per request", () => {
  const A = "/v1/dealers/roma/appointments";
  it.each([
    [
      "POST",
      "availability",
      "/v1/dealers/roma/availability",
      availability(),
      {},
      "/v1/dealers/:dealerId/availability",
      200,
    ],
    [
      "POST",
      "a booking",
      A,
      booking({ start: "2026-11-25T12:00", advisorId: "anna" }),
      {},
      "/v1/dealers/:dealerId/appointments",
      201,
    ],
    [
      "POST",
      "a refused booking",
      A,
      booking({ start: "2026-11-29T12:00", advisorId: "anna" }),
      {},
      "/v1/dealers/:dealerId/appointments",
      409,
    ],
    ["POST", "an invalid booking", A, booking({}), {}, "/v1/dealers/:dealerId/appointments", 400],
    ["GET", "an appointment", `${A}/APPT`, undefined, auth, "/v1/dealers/:dealerId/appointments/:id", 200],
    ["GET", "an anonymous appointment read", `${A}/APPT`, undefined, {}, "/v1/dealers/:dealerId/appointments/:id", 401],
    [
      "PATCH",
      "a move without If-Match",
      `${A}/APPT`,
      { reception: { start: "2026-11-25T16:00" } },
      auth,
      "/v1/dealers/:dealerId/appointments/:id",
      428,
    ],
    [
      "POST",
      "a lifecycle action",
      `${A}/APPT/confirm`,
      undefined,
      auth,
      "/v1/dealers/:dealerId/appointments/:id/confirm",
      200,
    ],
    [
      "GET",
      "the day board",
      "/v1/dealers/roma/days/2026-11-25",
      undefined,
      auth,
      "/v1/dealers/:dealerId/days/:date",
      200,
    ],
    [
      "GET",
      "an unknown dealer's day board",
      "/v1/dealers/nobody/days/2026-11-25",
      undefined,
      auth,
      "/v1/dealers/:dealerId/days/:date",
      404,
    ],
    ["GET", "a path no route serves", `${A}/APPT/history`, undefined, auth, null, 404],
  ] as const)(
    "%s %s → method, route pattern, status, duration and request id",
    async (method, _, path, body, headers, route, status) => {
      t.logs.length = 0;
      const res = await api(method, path.replace("APPT", apptId), body, {
        ...headers,
        "X-Request-Id": `trace-${status}`,
      });
      expect(res.status).toBe(status);
      expect(t.logs).toHaveLength(1);
      const line = t.logs[0];
      expect(line).toMatchObject({ msg: "request", method, route, status, requestId: `trace-${status}` });
      expect(line.durationMs).toEqual(expect.any(Number));
      expect(line.durationMs as number).toBeGreaterThanOrEqual(0);
      expect(res.headers.get("x-request-id")).toBe(`trace-${status}`);
      // The pattern, never the concrete path (ids can be looked up, dealer ids are fine).
      expect(JSON.stringify(line)).not.toContain(apptId);
    },
  );

  it("gives every request its own generated id when the client sends none", async () => {
    t.logs.length = 0;
    await api("GET", "/v1/dealers/roma/days/2026-11-25", undefined, auth);
    await api("GET", "/v1/dealers/roma/days/2026-11-25", undefined, auth);
    const ids = t.logs.map((l) => l.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toEqual(expect.any(String));
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe("no personal data in the log", () => {
  it.each([
    ["a booking", () => booking({ start: "2026-11-26T10:00", advisorId: "anna" }), {}],
    ["its replay", () => booking({ start: "2026-11-26T10:30", advisorId: "anna" }), { "Idempotency-Key": "log-1" }],
    ["a booking of a taken slot", () => booking({ start: "2026-11-25T11:00", advisorId: "anna" }), {}],
    [
      "a booking with a malformed email",
      () => booking({ start: "2026-11-26T11:00" }, { customer: { ...CUSTOMER, email: "marco.bianchi@@example.com" } }),
      {},
    ],
    [
      "a booking with a malformed phone",
      () => booking({ start: "2026-11-26T11:00" }, { customer: { ...CUSTOMER, phone: "+39 333 1234567 ext. 9" } }),
      {},
    ],
    [
      "a booking with an unknown customer field",
      () => booking({ start: "2026-11-26T11:00" }, { customer: { ...CUSTOMER, notes: "Bianchi 1234567" } }),
      {},
    ],
    ["malformed JSON", () => JSON.stringify(booking({ start: "2026-11-26T11:00" })).slice(0, -5), {}],
    ["a booking for an unknown dealer", () => booking({ start: "2026-11-26T11:00" }), {}, "nobody"],
  ] as Array<[string, () => unknown, Record<string, string>, string?]>)(
    "holds for %s",
    async (_, body, headers, dealerId = "roma") => {
      t.logs.length = 0;
      const path = `/v1/dealers/${dealerId}/appointments`;
      await api("POST", path, body(), headers);
      await api("POST", path, body(), headers); // a second time: replays and conflicts log too
      expect(t.logs.length).toBeGreaterThanOrEqual(2);
      const text = JSON.stringify(t.logs);
      for (const p of PERSONAL) expect(text).not.toContain(p);
    },
    60_000,
  );
});

describe("the real server's stdout", () => {
  it("is JSON lines, one per booking request, free of the customer's email and phone", async () => {
    const server = await spawnServer({ env: { SEED_DEMO: "0" } });
    try {
      const http = fetchApi(server.baseUrl);
      await putDealer(http, "roma", romeDealer());
      const body = booking({ start: "2026-11-25T10:00", advisorId: "anna" });
      expect((await http("POST", "/v1/dealers/roma/appointments", body)).status).toBe(201);
      expect((await http("POST", "/v1/dealers/roma/appointments", body)).status).toBe(409);
      const bad = booking({ start: "2026-11-25T10:00" }, { customer: { ...CUSTOMER, email: "marco.bianchi@" } });
      expect((await http("POST", "/v1/dealers/roma/appointments", bad)).status).toBe(400);
    } finally {
      await server.stop();
    }
    const lines = server.stdoutLines();
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const bookings = parsed.filter((l) => l.msg === "request" && l.route === "/v1/dealers/:dealerId/appointments");
    // One line per request. In their requests' order only within one process: with WORKERS=auto
    // two processes write this stdout, each a loop turn's lines at a time (node/stdout-log.ts).
    const byStatus = (a: unknown[], b: unknown[]) => Number(a[1]) - Number(b[1]);
    expect(bookings.map((l) => [l.method, l.status]).sort(byStatus)).toEqual([
      ["POST", 201],
      ["POST", 400],
      ["POST", 409],
    ]);
    for (const l of bookings)
      expect(l).toMatchObject({ durationMs: expect.any(Number), requestId: expect.any(String) });
    const text = lines.join("\n");
    for (const p of PERSONAL) expect(text).not.toContain(p);
  }, 60_000);
});

// A client that cuts its body short (a chunk that never comes whole) is the client's
// doing: the review found each such request logged at level error as "unhandled error",
// which anyone could use to fill the error log.
describe("a request body the client ends early", () => {
  it("is no error in the log, and the server goes on answering", async () => {
    const server = await spawnServer({ env: { SEED_DEMO: "0", WORKERS: "1" } });
    try {
      const { port, hostname } = new URL(server.baseUrl);
      const raw =
        "POST /v1/dealers/demo/availability HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n";
      const answer = await new Promise<string>((done, fail) => {
        const socket = createConnection({ port: Number(port), host: hostname }, () => socket.end(raw));
        let got = "";
        socket.on("data", (d) => (got += d.toString()));
        socket.on("close", () => done(got));
        socket.on("error", fail);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect((await fetchApi(server.baseUrl)("GET", "/health")).status).toBe(200);
    } finally {
      await server.stop();
    }
    const errors = server
      .stdoutLines()
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.level === "error" || l.level === "fatal");
    expect(errors).toEqual([]);
  }, 60_000);
});
