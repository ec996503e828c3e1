import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_IDLE_MS } from "../../src/api/board-session.js";
import { ADMIN_TOKEN, auth, createTestApp, type TestApp } from "../support/app.js";

// The advisors' page session, in process (the browser tier drives it from a real page):
// what opens one, what ends one, where the cookie counts, and what its cookie says.

let t: TestApp;
const ORIGIN = "http://localhost";
beforeAll(() => {
  t = createTestApp({ seedDemo: true });
});
afterAll(() => t?.close());

async function key(role: string) {
  const res = await t.json("POST", "/v1/dealers/demo/api-keys", { role, label: role }, auth);
  return (await res.json()) as { id: string; secret: string };
}

async function signIn(secret: string, origin = ORIGIN, url = "/v1/board/session") {
  const res = await t.json("POST", url, { dealerId: "demo", key: secret }, { Origin: origin });
  const setCookie = res.headers.get("set-cookie") ?? "";
  return { res, setCookie, cookie: setCookie.split(";")[0] };
}

const day = (cookie: string, extra: Record<string, string> = {}) =>
  t.json("GET", "/v1/dealers/demo/days/2026-11-24", undefined, { Cookie: cookie, ...extra });

describe("signing in", () => {
  it.each([
    ["an advisor key", "advisor", 200],
    ["an admin key", "admin", 200],
    ["an app's client key", "client", 401],
  ])("with %s answers %i", async (_, role, status) => {
    const k = await key(role);
    expect((await signIn(k.secret)).res.status).toBe(status);
  });

  it("with the bootstrap token works; a wrong key, another origin or another dealer do not", async () => {
    expect((await signIn(ADMIN_TOKEN)).res.status).toBe(200);
    expect((await signIn("pk_wrong")).res.status).toBe(401);
    const k = await key("advisor");
    expect((await signIn(k.secret, "http://evil.example")).res.status).toBe(403);
    const other = await t.json("POST", "/v1/board/session", { dealerId: "nobody", key: k.secret }, { Origin: ORIGIN });
    expect(other.status).toBe(401);
  });

  it("sets an HttpOnly, SameSite=Strict cookie: Secure except over http on the loopback", async () => {
    const k = await key("advisor");
    const local = await signIn(k.secret);
    expect(local.setCookie).toMatch(/HttpOnly/);
    expect(local.setCookie).toMatch(/SameSite=Strict/);
    expect(local.setCookie).not.toMatch(/Secure/);
    const res = await t.app.request("https://desk.dealer.it/v1/board/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://desk.dealer.it", Host: "desk.dealer.it" },
      body: JSON.stringify({ dealerId: "demo", key: k.secret }),
    });
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
  });
});

describe("what a session says of its dealer", () => {
  // The page words parts prices in the dealer's currency: the order form has no part yet to read it from.
  it.each([
    { dealer: "demo", config: null, currency: "EUR" },
    {
      dealer: "london",
      config: { name: "London", timeZone: "Europe/London", parts: { currency: "GBP" } },
      currency: "GBP",
    },
  ])("$dealer: its parts currency is $currency, at sign-in and when asked again", async (c) => {
    if (c.config) expect((await t.json("PUT", `/v1/dealers/${c.dealer}`, c.config, auth)).status).toBe(201);
    const res = await t.json("POST", "/v1/board/session", { dealerId: c.dealer, key: ADMIN_TOKEN }, { Origin: ORIGIN });
    expect(await res.json()).toMatchObject({ dealerId: c.dealer, currency: c.currency });
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
    const me = await t.json("GET", "/v1/board/session", undefined, { Cookie: cookie });
    expect(await me.json()).toMatchObject({ dealerId: c.dealer, currency: c.currency });
  });
});

describe("a session", () => {
  it("reads staff routes, never admin routes, and a bad bearer beside it stays a 401", async () => {
    const k = await key("admin");
    const { cookie } = await signIn(k.secret);
    expect((await day(cookie)).status).toBe(200);
    expect((await t.json("GET", "/v1/dealers/demo/api-keys", undefined, { Cookie: cookie })).status).toBe(401);
    expect((await day(cookie, { Authorization: "Bearer pk_wrong" })).status).toBe(401);
  });

  it("ends when its key is revoked", async () => {
    const k = await key("advisor");
    const { cookie } = await signIn(k.secret);
    expect((await day(cookie)).status).toBe(200);
    expect((await t.json("DELETE", `/v1/dealers/demo/api-keys/${k.id}`, undefined, auth)).status).toBe(200);
    expect((await day(cookie)).status).toBe(401);
  });

  it("ends after the idle time without a request, and at sign-out", async () => {
    const k = await key("advisor");
    const idle = await signIn(k.secret);
    t.sqlite.prepare("UPDATE board_sessions SET last_seen_at = last_seen_at - ?").run(SESSION_IDLE_MS + 1000);
    expect((await day(idle.cookie)).status).toBe(401);
    const { cookie } = await signIn(k.secret);
    expect((await t.json("DELETE", "/v1/board/session", undefined, { Cookie: cookie, Origin: ORIGIN })).status).toBe(
      204,
    );
    expect((await day(cookie)).status).toBe(401);
  });

  it("writes only from its own origin (Origin, or Sec-Fetch-Site: same-origin)", async () => {
    const k = await key("advisor");
    const { cookie } = await signIn(k.secret);
    const post = (headers: Record<string, string>) =>
      t.json(
        "POST",
        "/v1/dealers/demo/reshuffle/absence",
        { advisorId: "luca", start: "2026-11-24T08:00", end: "2026-11-24T09:00" },
        { Cookie: cookie, ...headers },
      );
    expect((await post({ Origin: "http://evil.example" })).status).toBe(403);
    expect((await post({ Origin: "null" })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "same-site" })).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
    expect((await post({ Origin: ORIGIN })).status).toBe(200);
  });
});

describe("the page's probe on load (?probe=true)", () => {
  // The page asks on every load whether a session is open; a 401 for "no" was logged by the
  // browser as a failed request on every load, so the probe says "no" with a 204 instead.
  const probe = (headers: Record<string, string> = {}) =>
    t.json("GET", "/v1/board/session?probe=true", undefined, headers);

  it("answers 204 without a session, and the session with one", async () => {
    const none = await probe();
    expect(none.status).toBe(204);
    expect(await none.text()).toBe("");
    expect((await probe({ Cookie: "pitlane_board=not-a-live-session-secret-at-all" })).status).toBe(204);
    const k = await key("advisor");
    const { cookie } = await signIn(k.secret);
    const me = await probe({ Cookie: cookie });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ dealerId: "demo", role: "advisor" });
  });

  it("leaves the session route as other clients know it: 401 without a session, also with ?probe=false", async () => {
    for (const url of ["/v1/board/session", "/v1/board/session?probe=false"]) {
      const res = await t.json("GET", url, undefined, {});
      expect(res.status, url).toBe(401);
      expect(await res.json()).toMatchObject({ code: "unauthorized" });
    }
  });

  it("refuses a probe value it does not know with a 400 naming the parameter", async () => {
    const res = await t.json("GET", "/v1/board/session?probe=yes", undefined, {});
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("probe");
  });
});
