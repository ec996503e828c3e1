import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redact } from "../../src/api/middleware/access-log.js";
import { auth, createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(() => {
  t = createTestApp({ seedDemo: true });
});
afterAll(() => t.close());

describe("access log", () => {
  it("writes one line per request with method, route pattern, status, duration and request id", async () => {
    t.logs.length = 0;
    await t.request("/v1/dealers/demo", { headers: { "X-Request-Id": "req-1" } });
    expect(t.logs).toHaveLength(1);
    expect(t.logs[0]).toMatchObject({
      msg: "request",
      method: "GET",
      route: "/v1/dealers/:dealerId",
      status: 200,
      requestId: "req-1",
    });
    expect(typeof t.logs[0].durationMs).toBe("number");
  });

  it("logs a null route for unmatched paths instead of the raw URL", async () => {
    t.logs.length = 0;
    await t.request("/v1/secret/m.bianchi@example.com");
    expect(t.logs[0]).toMatchObject({ route: null, status: 404 });
    expect(JSON.stringify(t.logs)).not.toContain("example.com");
  });

  it.each([
    [
      "a rejected body",
      { name: "Marco", timeZone: "Europe/Rome", email: "marco.bianchi@example.com", phone: "+39 333 1234567" },
    ],
    [
      "an accepted body",
      { name: "Marco", timeZone: "Europe/Rome", address: "marco.bianchi@example.com +39 333 1234567" },
    ],
    ["malformed JSON", '{"email":"marco.bianchi@example.com", "phone": "+39 333 1234567"'],
  ])("never logs the email or phone carried by %s", async (_, body) => {
    t.logs.length = 0;
    await t.json("PUT", "/v1/dealers/logtest", body, auth);
    expect(t.logs.length).toBeGreaterThan(0);
    const text = JSON.stringify(t.logs);
    expect(text).not.toContain("marco.bianchi");
    expect(text).not.toContain("1234567");
  });

  it("is silenced by an injected no-op logger", async () => {
    const quiet = createTestApp({ deps: { log: () => {} } });
    try {
      expect((await quiet.request("/health")).status).toBe(200);
    } finally {
      quiet.close();
    }
  });
});

describe("redact", () => {
  it.each([
    ["contact m.rossi+cars@example.co.uk now", "contact [email] now"],
    ["call +39 06 1234 5678 please", "call [number] please"],
    ["dealer roma-est version 3", "dealer roma-est version 3"],
  ])("turns %j into %j", (input, output) => {
    expect(redact(input)).toBe(output);
  });
});
