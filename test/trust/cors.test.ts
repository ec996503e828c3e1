import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { honoPath } from "../../src/api/enum-paths.js";
import { PUBLIC_ROUTES } from "../../src/routes/public.js";
import { type DealerPublic, type DocPaths, json } from "../support/contracts.js";
import { auth, expectProblem } from "../support/http.js";
import { bookAs, ORIGINS, OTHER, OWN, roomyDealer, type Tenants, twoTenants } from "../support/tenants.js";

// CORS for the dealer website widget: the dealer's own widgetOrigins, exactly, on public
// routes only. Never "*", never credentials, never an echo of an unlisted origin, and no
// CORS at all on staff or admin routes (generated from the OpenAPI document).

let t: Tenants;
let doc: { paths: DocPaths };
beforeAll(async () => {
  t = await twoTenants();
  doc = await json<{ paths: DocPaths }>(await t.api("GET", "/openapi.json"));
});
afterAll(() => t?.close());

const ALLOWED = ORIGINS[OWN];
const ACAO = "access-control-allow-origin";

/** Every documented operation, with a concrete path aimed at dealer alpha. */
/** Public but never cross-origin: the advisors' page's sign-in (test/browser/board.test.ts). */
const SAME_ORIGIN_ONLY = new Set(["/v1/board/session"]);

async function operations() {
  const appt = await bookAs(t.api, OWN);
  const fill = (p: string) =>
    p
      .replace("{dealerId}", OWN)
      .replace("{id}", appt.id)
      .replace("{action}", "confirm")
      .replace("{date}", "2026-11-24")
      .replace("{token}", appt.manageToken!)
      .replace("{keyId}", t.keys.advisorOwn.id);
  const out: Array<{ method: string; path: string; key: string; public: boolean }> = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(item)) {
      const isPublic = !op.security?.length || op.security.some((s: object) => Object.keys(s).length === 0);
      out.push({
        method: m.toUpperCase(),
        path: fill(p),
        key: `${m.toUpperCase()} ${p}`,
        public: isPublic && p !== "/health" && !SAME_ORIGIN_ONLY.has(p),
      });
    }
  }
  return out;
}

describe("staff and admin routes", () => {
  it("carry no CORS header and answer no preflight, even for the dealer's own widget origin", async () => {
    const ops = (await operations()).filter((o) => !o.public);
    expect(ops.length).toBeGreaterThanOrEqual(8);
    for (const o of ops) {
      const res = await t.api(o.method, o.path, o.method === "GET" || o.method === "DELETE" ? undefined : {}, {
        ...auth,
        Origin: ALLOWED,
      });
      expect(res.headers.get(ACAO), o.key).toBeNull();
      const pre = await t.api("OPTIONS", o.path, undefined, {
        Origin: ALLOWED,
        "Access-Control-Request-Method": o.method,
        "Access-Control-Request-Headers": "authorization",
      });
      expect(pre.headers.get(ACAO), `preflight ${o.key}`).toBeNull();
      expect(pre.headers.get("access-control-allow-methods"), `preflight ${o.key}`).toBeNull();
    }
  });
});

describe("public routes", () => {
  it("echo the dealer's listed origin (with Vary: Origin), and nothing for any other origin", async () => {
    const ops = (await operations()).filter((o) => o.public);
    expect(ops.map((o) => o.key).sort()).toEqual(
      PUBLIC_ROUTES.map((p) => `${p.route.method.toUpperCase()} ${p.route.path}`).sort(),
    );
    expect(ops.map((o) => o.key)).toEqual(
      expect.arrayContaining([
        "GET /v1/dealers/{dealerId}",
        "POST /v1/dealers/{dealerId}/appointments",
        "GET /v1/manage/{token}",
      ]),
    );
    for (const o of ops) {
      const body = o.method === "GET" ? undefined : {};
      const ok = await t.api(o.method, o.path, body, { Origin: ALLOWED });
      expect(ok.headers.get(ACAO), o.key).toBe(ALLOWED);
      expect(ok.headers.get("vary"), o.key).toMatch(/Origin/);
      expect(ok.headers.get("access-control-allow-credentials"), o.key).toBeNull();
      for (const other of [
        ORIGINS[OTHER],
        "https://evil.example",
        "null",
        `${ALLOWED}.evil.example`,
        ALLOWED.toUpperCase(),
        `${ALLOWED}/`,
      ]) {
        const res = await t.api(o.method, o.path, body, { Origin: other });
        expect(res.headers.get(ACAO), `${o.key} from ${other}`).toBeNull();
        expect(res.headers.get("vary"), o.key).toMatch(/Origin/);
      }
    }
  });

  it("answer the preflight for their own method with the allowlist, the widget headers (no Authorization) and no credentials", async () => {
    const res = await t.api("OPTIONS", `/v1/dealers/${OWN}/appointments`, undefined, {
      Origin: ALLOWED,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "content-type, idempotency-key",
    });
    expect(res.status).toBe(204);
    expect(res.headers.get(ACAO)).toBe(ALLOWED);
    expect(res.headers.get("access-control-allow-methods")).toBe("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("Content-Type, Idempotency-Key, X-Request-Id");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("access-control-max-age")).toBe("600");
    // Another origin, or a method the path does not offer publicly (PUT is admin): no CORS.
    const evil = await t.api("OPTIONS", `/v1/dealers/${OWN}/appointments`, undefined, {
      Origin: "https://evil.example",
      "Access-Control-Request-Method": "POST",
    });
    expect(evil.headers.get(ACAO)).toBeNull();
    const put = await t.api("OPTIONS", `/v1/dealers/${OWN}`, undefined, {
      Origin: ALLOWED,
      "Access-Control-Request-Method": "PUT",
    });
    expect(put.headers.get(ACAO)).toBeNull();
    const get = await t.api("OPTIONS", `/v1/dealers/${OWN}`, undefined, {
      Origin: ALLOWED,
      "Access-Control-Request-Method": "GET",
    });
    expect(get.headers.get("access-control-allow-methods")).toBe("GET");
  });

  it("keep the header on errors, so the widget can read a validation problem", async () => {
    const res = await t.api("POST", `/v1/dealers/${OWN}/availability`, { interventions: [] }, { Origin: ALLOWED });
    await expectProblem(res.clone(), 400, "validation_failed");
    expect(res.headers.get(ACAO)).toBe(ALLOWED);
  });

  it("allow nobody for a dealer that does not exist", async () => {
    const res = await t.api("GET", "/v1/dealers/ghost", undefined, { Origin: ALLOWED });
    expect(res.status).toBe(404);
    expect(res.headers.get(ACAO)).toBeNull();
  });

  it("follow the allowlist as soon as the dealer's configuration changes", async () => {
    const next = "https://new.alpha.example";
    await t.api("PUT", `/v1/dealers/${OWN}`, roomyDealer(OWN, { widgetOrigins: [next] }), auth);
    expect((await t.api("GET", `/v1/dealers/${OWN}`, undefined, { Origin: next })).headers.get(ACAO)).toBe(next);
    expect((await t.api("GET", `/v1/dealers/${OWN}`, undefined, { Origin: ALLOWED })).headers.get(ACAO)).toBeNull();
    await t.api("PUT", `/v1/dealers/${OWN}`, roomyDealer(OWN), auth);
  });
});

describe("widgetOrigins in the dealer configuration", () => {
  it.each([
    ["https://www.dealer.it", true],
    ["http://localhost:5173", true],
    ["https://xn--bcher-kva.example", true],
    ["*", false],
    ["null", false],
    ["https://www.dealer.it/", false],
    ["https://www.dealer.it/widget", false],
    ["HTTPS://WWW.DEALER.IT", false],
    ["https://www.dealer.it:443", false],
    ["ftp://www.dealer.it", false],
    ["www.dealer.it", false],
  ])("%s is %s", async (origin, ok) => {
    const res = await t.api("PUT", "/v1/dealers/origins", roomyDealer("origins", { widgetOrigins: [origin] }), auth);
    if (ok) expect([200, 201]).toContain(res.status);
    else {
      const body = await expectProblem(res, 400, "validation_failed");
      expect(body.errors[0].path).toBe("widgetOrigins.0");
    }
  });

  it("is not shown to the public", async () => {
    const pub = await json<DealerPublic & { widgetOrigins?: unknown }>(await t.api("GET", `/v1/dealers/${OWN}`)); // the field this test proves absent
    expect(pub.widgetOrigins).toBeUndefined();
    expect(honoPath("/v1/dealers/{dealerId}/appointments/{id}")).toBe("/v1/dealers/:dealerId/appointments/:id");
  });
});
