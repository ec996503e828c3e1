import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/api/middleware/body-limit.js";
import { json, type ProblemOf } from "../support/contracts.js";
import { auth, createTestApp, type TestApp } from "../support/app.js";

// Every failure is RFC 9457 problem+json with a stable code, and bad input never changes
// stored data.

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ seedDemo: true });
});
afterAll(() => t.close());

async function expectProblem<C extends string>(res: Response, status: number, code: C) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await json<ProblemOf<C> & { requestId: string }>(res);
  expect(body).toMatchObject({ type: `https://pitlane.dev/problems/${code}`, status, code });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  return body;
}

const dealerCount = () => t.sqlite.prepare("SELECT count(*) AS n, sum(version) AS v FROM dealers").get() as object;

describe("validation failures", () => {
  it.each([
    ["a wrong type", { name: 1, timeZone: "Europe/Rome" }, "name"],
    ["a missing required field", { name: "X" }, "timeZone"],
    [
      "an impossible time range",
      { name: "X", timeZone: "Europe/Rome", openingHours: { mon: [["18:00", "08:00"]] } },
      "openingHours.mon.0",
    ],
    ["an unknown time zone", { name: "X", timeZone: "Mars/Olympus" }, "timeZone"],
    ["an unknown top-level field", { name: "X", timeZone: "Europe/Rome", colour: "red" }, "colour"],
    ["an unknown nested field", { name: "X", timeZone: "Europe/Rome", mobility: { boats: 2 } }, "mobility.boats"],
    [
      "an intervention on an unknown skill",
      {
        name: "X",
        timeZone: "Europe/Rome",
        interventions: { x: { receptionMinutes: 15, returnMinutes: 10, labourHours: 1, skill: "paint" } },
      },
      "interventions.x.skill",
    ],
  ])("rejects %s with 400 and the offending path", async (_, body, path) => {
    const before = dealerCount();
    const res = await t.json("PUT", "/v1/dealers/demo", body, auth);
    const problem = await expectProblem(res, 400, "validation_failed");
    expect(problem.errors).toContainEqual(expect.objectContaining({ path, in: "body" }));
    expect(dealerCount()).toEqual(before);
  });

  it("rejects an invalid dealer id in the path with in=path", async () => {
    const problem = await expectProblem(await t.request("/v1/dealers/bad%20id!"), 400, "validation_failed");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "dealerId", in: "path" })]);
  });

  it.each([
    ["truncated JSON", '{"name":'],
    ["not JSON at all", "name=x"],
    ["an empty body", ""],
  ])("answers %s with 400 validation_failed, never 500", async (_, raw) => {
    const res = await t.json("PUT", "/v1/dealers/demo", raw, auth);
    const problem = await expectProblem(res, 400, "validation_failed");
    expect(problem.errors.length).toBeGreaterThan(0);
  });

  it("answers a non-JSON content type with 415", async () => {
    const res = await t.request("/v1/dealers/demo", {
      method: "PUT",
      headers: { ...auth, "Content-Type": "text/plain" },
      body: "hi",
    });
    await expectProblem(res, 415, "unsupported_media_type");
  });

  // A compressed body was read as plain JSON, its Content-Encoding ignored (200).
  it.each(["gzip", "br", "deflate, gzip"])("answers Content-Encoding %s with 415, changing nothing", async (coding) => {
    const before = dealerCount();
    const res = await t.request("/v1/dealers/zipped", {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json", "Content-Encoding": coding },
      body: JSON.stringify({ name: "Zipped", timeZone: "Europe/Rome" }),
    });
    const problem = await expectProblem(res, 415, "unsupported_media_type");
    expect(problem.detail).toMatch(/uncompressed/);
    expect(dealerCount()).toEqual(before);
  });
});

describe("authentication", () => {
  const valid = { name: "X", timeZone: "Europe/Rome" };
  it.each([
    ["no Authorization header", {}],
    ["a wrong token", { Authorization: "Bearer not-the-token" }],
    ["a token that is a prefix of the real one", { Authorization: "Bearer test-" }],
    ["another scheme", { Authorization: "Basic dGVzdC1hZG1pbg==" }],
    ["an empty bearer", { Authorization: "Bearer " }],
  ])("refuses an admin write with %s (401, before validating the body)", async (_, headers) => {
    const before = dealerCount();
    const res = await t.json("PUT", "/v1/dealers/demo", { ...valid, bogus: true }, headers);
    await expectProblem(res, 401, "unauthorized");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(dealerCount()).toEqual(before);
  });
});

describe("not found", () => {
  it.each([
    ["an unknown dealer", "/v1/dealers/nobody"],
    ["an unknown route", "/v1/nothing-here"],
  ])("answers %s with a 404 problem", async (_, path) => {
    await expectProblem(await t.request(path), 404, "not_found");
  });
});

describe("a path served with other methods", () => {
  it.each([
    ["DELETE on a dealer", "DELETE", "/v1/dealers/demo", "GET, HEAD, PUT, OPTIONS"],
    ["GET on the search", "GET", "/v1/dealers/demo/availability", "POST, OPTIONS"],
    ["PUT on an appointment", "PUT", "/v1/dealers/demo/appointments/some-id", "GET, HEAD, PATCH"],
  ])("answers %s with 405 and the Allow header, not 404", async (_, method, path, allow) => {
    const res = await t.request(path, { method, headers: auth });
    const problem = await expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe(allow);
    expect(problem.detail).toContain(method);
  });
});

describe("body limit", () => {
  it.each([
    ["with Content-Length", false],
    ["streamed without Content-Length", true],
  ])(`refuses a body over ${MAX_BODY_BYTES} bytes %s with 413`, async (_, streamed) => {
    const big = JSON.stringify({ name: "X", timeZone: "Europe/Rome", address: "x".repeat(MAX_BODY_BYTES) });
    const body = streamed
      ? new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode(big));
            c.close();
          },
        })
      : big;
    const res = await t.request("/v1/dealers/demo", {
      method: "PUT",
      headers: { ...auth, "Content-Type": "application/json" },
      body,
      duplex: "half", // required by undici for stream bodies
    } as RequestInit);
    await expectProblem(res, 413, "payload_too_large");
  });
});

describe("request id", () => {
  it("echoes a well-formed X-Request-Id, on success and on error", async () => {
    for (const path of ["/health", "/v1/dealers/nobody"]) {
      const res = await t.request(path, { headers: { "X-Request-Id": "abc-123" } });
      expect(res.headers.get("x-request-id")).toBe("abc-123");
    }
  });

  it("replaces an X-Request-Id that could inject into logs", async () => {
    const res = await t.request("/health", { headers: { "X-Request-Id": 'x" , "admin":true' } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
