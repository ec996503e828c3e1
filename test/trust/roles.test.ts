import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { honoPath } from "../../src/routes/public.js";
import { auth } from "../http/support.js";
import { bearer, bookAs, createKey, nextSlot, OTHER, OWN, roomyDealer, type Tenants, twoTenants, freshBooking } from "./fixtures.js";

// The role matrix and tenancy sweep, GENERATED from the router: every route the app
// serves × every kind of caller, always aimed at dealer "alpha". The expected status
// comes from a small policy table; a new route without a request builder (or a new
// public route missing from src/routes/public.ts's guards) fails this file.

type Who = "none" | "badToken" | "revokedKey" | "advisorOwn" | "advisorOther" | "adminOwn" | "adminOther" | "root";
const WHO: Who[] = ["none", "badToken", "revokedKey", "advisorOwn", "advisorOther", "adminOwn", "adminOther", "root"];
type Access = "public" | "publicOrStaff" | "staff" | "admin";

/** Bearer-only routes that need the admin role; every other bearer-only route is staff. */
const ADMIN_ROUTES = new Set([
  "PUT /v1/dealers/{dealerId}",
  "POST /v1/dealers/{dealerId}/api-keys",
  "GET /v1/dealers/{dealerId}/api-keys",
  "DELETE /v1/dealers/{dealerId}/api-keys/{keyId}",
]);

/** The status each caller should get; `ok` is the route's success status. */
function expected(access: Access, who: Who, ok: number): number {
  if (access === "public") return ok; // a token, good or bad, is simply ignored
  if (who === "none") return access === "publicOrStaff" ? ok : 401;
  if (who === "badToken" || who === "revokedKey") return 401;
  if (who === "advisorOther" || who === "adminOther") return 404; // tenancy: never confirm the dealer
  if (access === "admin" && who === "advisorOwn") return 403;
  return ok;
}

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  ok: number;
}

let t: Tenants;
const headersOf = (who: Who): Record<string, string> => {
  switch (who) {
    case "none": return {};
    case "badToken": return bearer("pk_" + "A".repeat(43));
    case "root": return auth;
    default: return bearer(t.keys[who].secret);
  }
};

const A = `/v1/dealers/${OWN}`;
/** One request builder per route ("METHOD openapi-path"); each makes the state it needs. */
const BUILDERS: Record<string, (param?: string) => Promise<Call>> = {
  "GET /health": async () => ({ path: "/health", ok: 200 }),
  "GET /openapi.json": async () => ({ path: "/openapi.json", ok: 200 }),
  "GET /docs": async () => ({ path: "/docs", ok: 200 }),
  "PUT /v1/dealers/{dealerId}": async () => ({ path: A, body: roomyDealer(OWN), ok: 200 }),
  "GET /v1/dealers/{dealerId}": async () => ({ path: A, ok: 200 }),
  "POST /v1/dealers/{dealerId}/availability": async () => ({ path: `${A}/availability`, body: { interventions: ["check"] }, ok: 200 }),
  "POST /v1/dealers/{dealerId}/appointments": async () => ({ path: `${A}/appointments`, body: freshBooking(), ok: 201 }),
  "GET /v1/dealers/{dealerId}/appointments/{id}": async () => ({ path: `${A}/appointments/${(await bookAs(t.api, OWN)).id}`, ok: 200 }),
  "PATCH /v1/dealers/{dealerId}/appointments/{id}": async () => ({
    path: `${A}/appointments/${(await bookAs(t.api, OWN)).id}`,
    body: { reception: { start: nextSlot() } },
    headers: { "If-Match": "1" },
    ok: 200,
  }),
  "POST /v1/dealers/{dealerId}/appointments/{id}/{action}": async (action) => {
    const appt = await bookAs(t.api, OWN);
    if (action === "complete") await t.api("POST", `${A}/appointments/${appt.id}/check-in`, {}, auth);
    return { path: `${A}/appointments/${appt.id}/${action}`, body: {}, ok: 200 };
  },
  "GET /v1/dealers/{dealerId}/days/{date}": async () => ({ path: `${A}/days/2026-11-24`, ok: 200 }),
  // Reshuffles: dry runs (mode "plan"), which store nothing.
  "POST /v1/dealers/{dealerId}/reshuffle/swap": async () => ({ path: `${A}/reshuffle/swap`, body: { appointmentIds: [(await bookAs(t.api, OWN)).id, (await bookAs(t.api, OWN)).id] }, ok: 200 }),
  "POST /v1/dealers/{dealerId}/reshuffle/absence": async () => ({ path: `${A}/reshuffle/absence`, body: { advisorId: "a", start: "2026-11-24T08:00", end: "2026-11-24T12:00" }, ok: 200 }),
  "POST /v1/dealers/{dealerId}/reshuffle/walk-in": async () => ({ path: `${A}/reshuffle/walk-in`, body: { vehicle: { model: "Grecale" }, interventions: ["check"], customer: { name: "Walk In" } }, ok: 200 }),
  "POST /v1/dealers/{dealerId}/reshuffle/late": async () => ({ path: `${A}/reshuffle/late`, body: { appointmentId: (await bookAs(t.api, OWN)).id, minutes: 15 }, ok: 200 }),
  "GET /v1/manage/{token}": async () => ({ path: `/v1/manage/${(await bookAs(t.api, OWN)).manageToken}`, ok: 200 }),
  "POST /v1/manage/{token}/cancel": async () => ({ path: `/v1/manage/${(await bookAs(t.api, OWN)).manageToken}/cancel`, body: {}, ok: 200 }),
  "POST /v1/dealers/{dealerId}/api-keys": async () => ({ path: `${A}/api-keys`, body: { role: "advisor", label: "matrix" }, ok: 201 }),
  "GET /v1/dealers/{dealerId}/api-keys": async () => ({ path: `${A}/api-keys`, ok: 200 }),
  "DELETE /v1/dealers/{dealerId}/api-keys/{keyId}": async () => ({ path: `${A}/api-keys/${(await createKey(t.api, OWN, "advisor")).id}`, ok: 200 }),
};

interface RouteCase {
  key: string;
  method: string;
  access: Access;
  param?: string;
}

let routes: RouteCase[] = [];

beforeAll(async () => {
  t = await twoTenants();
  const doc = (await (await t.api("GET", "/openapi.json")).json()) as any;
  // The router's routes (hono patterns), minus catch-all middleware and CORS preflights.
  const served = new Map<string, { method: string; path: string }>();
  for (const r of t.app.routes) if (r.method !== "ALL" && r.method !== "OPTIONS") served.set(`${r.method} ${r.path}`, r);
  const documented = new Map<string, { method: string; openApiPath: string; op: any }>();
  for (const [p, item] of Object.entries<any>(doc.paths)) {
    for (const [m, op] of Object.entries<any>(item)) documented.set(`${m.toUpperCase()} ${honoPath(p)}`, { method: m.toUpperCase(), openApiPath: p, op });
  }
  for (const [k, r] of served) {
    const d = documented.get(k);
    const key = d ? `${d.method} ${d.openApiPath}` : k;
    const security: Array<Record<string, unknown>> | undefined = d?.op.security;
    const access: Access = !security?.length
      ? "public"
      : security.some((s) => Object.keys(s).length === 0)
        ? "publicOrStaff"
        : ADMIN_ROUTES.has(key) ? "admin" : "staff";
    const actions: string[] | undefined = d?.op.parameters?.find((p: any) => p.name === "action")?.schema?.enum;
    for (const param of actions ?? [undefined]) routes.push({ key, method: r.method, access, param });
  }
}, 60_000);
afterAll(() => t?.close());

describe("the router", () => {
  it("has a request builder for every route, and every route is documented or one of the docs endpoints", () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const r of routes) expect(Object.keys(BUILDERS), `add a builder for ${r.key}`).toContain(r.key);
    for (const k of ADMIN_ROUTES) expect(routes.map((r) => r.key)).toContain(k);
  });

  it("puts the public-route guards (rate limits, widget CORS) on exactly the routes without a mandatory token", async () => {
    const { PUBLIC_ROUTES } = await import("../../src/routes/public.js");
    const guarded = PUBLIC_ROUTES.map((p) => `${p.route.method.toUpperCase()} ${p.route.path}`).sort();
    const open = routes.filter((r) => r.access === "public" || r.access === "publicOrStaff").map((r) => r.key);
    // /health and the docs are public but not dealer data: no widget CORS, no limits.
    expect([...new Set(open)].filter((k) => !["GET /health", "GET /openapi.json", "GET /docs"].includes(k)).sort()).toEqual(guarded);
  });
});

describe("role matrix: every route × every caller, aimed at dealer alpha", () => {
  it("answers each caller with the status the policy table expects", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of routes) {
      for (const who of WHO) {
        const call = await BUILDERS[r.key](r.param);
        const res = await t.api(r.method, call.path, call.body, { ...(call.headers ?? {}), ...headersOf(who) });
        const want = expected(r.access, who, call.ok);
        checked++;
        if (res.status !== want) failures.push(`${r.key}${r.param ? ` (${r.param})` : ""} as ${who}: got ${res.status}, want ${want} ${(await res.text()).slice(0, 160)}`);
        else if (res.status >= 400) {
          const body = (await res.json()) as any;
          if (body.code !== { 401: "unauthorized", 403: "forbidden", 404: "not_found" }[res.status as 401 | 403 | 404]) failures.push(`${r.key} as ${who}: code ${body.code}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(routes.length * WHO.length);
  }, 60_000);
});

describe("tenancy sweep", () => {
  it("answers another dealer's appointment ids with 404 on every appointment route, whoever asks", async () => {
    const theirs = await bookAs(t.api, OTHER);
    const paths: Array<[string, string, unknown, Record<string, string>]> = [
      ["GET", `${A}/appointments/${theirs.id}`, undefined, {}],
      ["PATCH", `${A}/appointments/${theirs.id}`, { reception: { start: nextSlot() } }, { "If-Match": "1" }],
      ...["confirm", "cancel", "check-in", "no-show", "complete"].map((a): [string, string, unknown, Record<string, string>] => ["POST", `${A}/appointments/${theirs.id}/${a}`, {}, {}]),
    ];
    for (const who of ["advisorOwn", "adminOwn", "root"] as Who[]) {
      for (const [method, path, body, headers] of paths) {
        const res = await t.api(method, path, body, { ...headers, ...headersOf(who) });
        expect(res.status, `${method} ${path} as ${who}`).toBe(404);
      }
    }
    // And the appointment is untouched.
    const after = await t.api("GET", `/v1/dealers/${OTHER}/appointments/${theirs.id}`, undefined, auth);
    expect((await after.json()) as any).toMatchObject({ status: "requested", version: 1 });
  });

  it("gives a foreign key the same 404 as a dealer that does not exist (existence is not confirmed)", async () => {
    const foreign = (await (await t.api("GET", `${A}/days/2026-11-24`, undefined, headersOf("adminOther"))).json()) as any;
    const ghost = (await (await t.api("GET", `/v1/dealers/ghost/days/2026-11-24`, undefined, auth)).json()) as any;
    const shape = (b: any) => ({ status: b.status, code: b.code, title: b.title, detail: b.detail.replace(/dealer \S+/, "dealer X"), keys: Object.keys(b).sort() });
    expect(shape(foreign)).toEqual(shape(ghost));
  });

  it("lists only the dealer's own keys, and a key id of another dealer is not found through this dealer", async () => {
    const list = (await (await t.api("GET", `${A}/api-keys`, undefined, headersOf("adminOwn"))).json()) as any;
    expect(list.keys.length).toBeGreaterThan(0);
    for (const k of list.keys) expect(k.dealerId).toBe(OWN);
    const res = await t.api("DELETE", `${A}/api-keys/${t.keys.advisorOther.id}`, undefined, headersOf("adminOwn"));
    expect(res.status).toBe(404);
    // Still alive: beta's advisor can read beta's day board.
    expect((await t.api("GET", `/v1/dealers/${OTHER}/days/2026-11-24`, undefined, headersOf("advisorOther"))).status).toBe(200);
  });

  it("lets only the bootstrap token create a dealer; a dealer admin key cannot create or replace another", async () => {
    expect((await t.api("PUT", "/v1/dealers/gamma", roomyDealer("gamma"), headersOf("adminOwn"))).status).toBe(404);
    expect((await t.api("PUT", `/v1/dealers/${OTHER}`, roomyDealer(OTHER), headersOf("adminOwn"))).status).toBe(404);
    expect((await t.api("PUT", "/v1/dealers/gamma", roomyDealer("gamma"), auth)).status).toBe(201);
  });
});
