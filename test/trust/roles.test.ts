import { servedRoutes } from "../support/routes.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { honoPath } from "../../src/api/enum-paths.js";
import { PUBLIC_ROUTES } from "../../src/routes/public.js";
import { WEB_ROUTES } from "../../src/routes/web/index.js";
import {
  type DayResponse,
  type DocOperation,
  type DocPaths,
  type HoldView,
  json,
  type Problem,
} from "../support/contracts.js";
import { FIXED_NOW } from "../support/app.js";
import { auth } from "../support/http.js";
import {
  bearer,
  bookAs,
  createKey,
  freshBooking,
  nextSlot,
  OWN,
  roomyDealer,
  type Tenants,
  twoTenants,
} from "../support/tenants.js";

// The role matrix and tenancy sweep, GENERATED from the router: every route the app
// serves × every kind of caller, always aimed at dealer "alpha". Each route's access
// class comes from its OpenAPI security and shape (policy below); the expected status
// from a small policy table. Routes with a request builder must answer the exact
// success status; any other route gets a generic request and must at least give every
// caller the right 401/403/404 and no 5xx. A new public route missing from
// src/routes/public.ts's guards fails this file.

type Who =
  | "none"
  | "badToken"
  | "revokedKey"
  | "advisorOwn"
  | "advisorOther"
  | "adminOwn"
  | "adminOther"
  | "clientOwn"
  | "clientOther"
  | "root";
const WHO: Who[] = [
  "none",
  "badToken",
  "revokedKey",
  "advisorOwn",
  "advisorOther",
  "adminOwn",
  "adminOther",
  "clientOwn",
  "clientOther",
  "root",
];
type Access = "public" | "publicOrStaff" | "trusted" | "staff" | "admin" | "root";

/**
 * The policy, from the route's OpenAPI operation: no security → public; optional
 * security ({} listed) → public, with more rights for staff; bearer-only without a
 * {dealerId} → root only (a key is scoped to one dealer, so it has no say there);
 * bearer-only with "(admin)" in the summary → the dealer's admins; with "client" in the
 * summary → its staff and client keys (the vehicle registry); else its staff only (a
 * client key gets 403 there).
 */
function accessOf(path: string, op: { security?: Array<Record<string, unknown>>; summary?: string }): Access {
  const security = op.security;
  if (!security?.length) return "public";
  if (security.some((x) => Object.keys(x).length === 0)) return "publicOrStaff";
  if (!path.includes("{dealerId}")) return "root";
  if (/\(admin\)/.test(op.summary ?? "")) return "admin";
  return /client/.test(op.summary ?? "") ? "trusted" : "staff";
}

/** Routes that must be classified admin (guards the summary convention above). */
const ADMIN_ROUTES = new Set([
  "PUT /v1/dealers/{dealerId}",
  "POST /v1/dealers/{dealerId}/api-keys",
  "GET /v1/dealers/{dealerId}/api-keys",
  "DELETE /v1/dealers/{dealerId}/api-keys/{keyId}",
]);

/**
 * The advisors' page's own routes: its shell and bundle (no dealer data) and its cookie
 * session, which no bearer token opens (test/browser/board.test.ts covers them).
 */
const PAGE_ROUTES = new Set([
  "GET /board",
  "GET /board.js",
  "POST /v1/board/session",
  "GET /v1/board/session",
  "DELETE /v1/board/session",
]);

/** The status each caller should get; `ok` is the route's success status. */
function expected(access: Access, who: Who, ok: number): number {
  if (access === "public") return ok; // a token, good or bad, is simply ignored
  if (who === "none") return access === "publicOrStaff" ? ok : 401;
  if (who === "badToken" || who === "revokedKey") return 401;
  if (access === "root") return who === "root" ? ok : 403;
  if (who === "advisorOther" || who === "adminOther" || who === "clientOther") return 404; // tenancy: never confirm the dealer
  if (access === "admin" && who === "advisorOwn") return 403;
  if (who === "clientOwn" && access !== "publicOrStaff" && access !== "trusted") return 403; // never the staff routes
  return ok;
}

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  ok: number;
}

let t: Tenants;
/** The app's clock: FIXED_NOW, but for the one request a builder moves it for. */
let nowMs = Date.parse(FIXED_NOW);
const headersOf = (who: Who): Record<string, string> => {
  switch (who) {
    case "none":
      return {};
    case "badToken":
      return bearer("pk_" + "A".repeat(43));
    case "root":
      return auth;
    default:
      return bearer(t.keys[who].secret);
  }
};

const A = `/v1/dealers/${OWN}`;
let vins = 0;
/** One request builder per route ("METHOD openapi-path"); each makes the state it needs. */
const BUILDERS: Record<string, (param?: string) => Promise<Call>> = {
  "GET /health": async () => ({ path: "/health", ok: 200 }),
  "GET /openapi.json": async () => ({ path: "/openapi.json", ok: 200 }),
  "GET /docs": async () => ({ path: "/docs", ok: 200 }),
  "PUT /v1/dealers/{dealerId}": async () => ({ path: A, body: roomyDealer(OWN), ok: 200 }),
  "GET /v1/dealers/{dealerId}": async () => ({ path: A, ok: 200 }),
  "POST /v1/dealers/{dealerId}/availability": async () => ({
    path: `${A}/availability`,
    body: { interventions: ["check"] },
    ok: 200,
  }),
  // No channel: a client key books under its own (a declared "web" would be refused).
  "POST /v1/dealers/{dealerId}/appointments": async () => ({
    path: `${A}/appointments`,
    body: freshBooking({ channel: undefined }),
    ok: 201,
  }),
  "PUT /v1/dealers/{dealerId}/vehicles/{vin}": async () => ({
    path: `${A}/vehicles/ZAMRXLES${String(++vins).padStart(9, "0")}`,
    body: { model: "MC20", priority: true },
    ok: 201,
  }),
  "GET /v1/dealers/{dealerId}/vehicles/{vin}": async () => {
    const vin = `ZAMRXLES${String(++vins).padStart(9, "0")}`;
    await t.api("PUT", `${A}/vehicles/${vin}`, { model: "MC20", priority: false }, auth);
    return { path: `${A}/vehicles/${vin}`, ok: 200 };
  },
  "GET /v1/dealers/{dealerId}/appointments/{id}": async () => ({
    path: `${A}/appointments/${(await bookAs(t.api, OWN)).id}`,
    ok: 200,
  }),
  "PATCH /v1/dealers/{dealerId}/appointments/{id}": async () => ({
    path: `${A}/appointments/${(await bookAs(t.api, OWN)).id}`,
    body: { reception: { start: nextSlot() } },
    headers: { "If-Match": "1" },
    ok: 200,
  }),
  "POST /v1/dealers/{dealerId}/appointments/{id}/{action}": async (action) => {
    const appt = await bookAs(t.api, OWN);
    // A no-show is taken only from the reception's start, a check-in on its day: the clock stands there for this request.
    if (action === "no-show" || action === "check-in" || action === "complete")
      nowMs = Date.parse(appt.reception.start);
    if (action === "complete") await t.api("POST", `${A}/appointments/${appt.id}/check-in`, {}, auth);
    return { path: `${A}/appointments/${appt.id}/${action}`, body: {}, ok: 200 };
  },
  "GET /v1/dealers/{dealerId}/days/{date}": async () => ({ path: `${A}/days/2026-11-24`, ok: 200 }),
  // Reshuffles: dry runs (mode "plan"), which store nothing.
  "POST /v1/dealers/{dealerId}/reshuffle/swap": async () => ({
    path: `${A}/reshuffle/swap`,
    body: { appointmentIds: [(await bookAs(t.api, OWN)).id, (await bookAs(t.api, OWN)).id] },
    ok: 200,
  }),
  "POST /v1/dealers/{dealerId}/reshuffle/absence": async () => ({
    path: `${A}/reshuffle/absence`,
    body: { advisorId: "a", start: "2026-11-24T08:00", end: "2026-11-24T12:00" },
    ok: 200,
  }),
  "POST /v1/dealers/{dealerId}/reshuffle/walk-in": async () => ({
    path: `${A}/reshuffle/walk-in`,
    body: { vehicle: { model: "Grecale" }, interventions: ["check"], customer: { name: "Walk In" } },
    ok: 200,
  }),
  "POST /v1/dealers/{dealerId}/reshuffle/late": async () => ({
    path: `${A}/reshuffle/late`,
    body: { appointmentId: (await bookAs(t.api, OWN)).id, minutes: 15 },
    ok: 200,
  }),
  "GET /v1/manage/{token}": async () => ({ path: `/v1/manage/${(await bookAs(t.api, OWN)).manageToken}`, ok: 200 }),
  "POST /v1/manage/{token}/cancel": async () => ({
    path: `/v1/manage/${(await bookAs(t.api, OWN)).manageToken}/cancel`,
    body: {},
    ok: 200,
  }),
  "POST /v1/dealers/{dealerId}/api-keys": async () => ({
    path: `${A}/api-keys`,
    body: { role: "advisor", label: "matrix" },
    ok: 201,
  }),
  "GET /v1/dealers/{dealerId}/api-keys": async () => ({ path: `${A}/api-keys`, ok: 200 }),
  "DELETE /v1/dealers/{dealerId}/api-keys/{keyId}": async () => ({
    path: `${A}/api-keys/${(await createKey(t.api, OWN, "advisor")).id}`,
    ok: 200,
  }),
  // The widget's calendar, day list and holds (issue 14). Holds on a day the bookings above never reach.
  "POST /v1/dealers/{dealerId}/availability/calendar": async () => ({
    path: `${A}/availability/calendar`,
    body: { interventions: ["check"], days: 7 },
    ok: 200,
  }),
  "POST /v1/dealers/{dealerId}/availability/day": async () => ({
    path: `${A}/availability/day`,
    body: { interventions: ["check"], date: "2026-11-24" },
    ok: 200,
  }),
  "POST /v1/dealers/{dealerId}/holds": async () => ({ path: `${A}/holds`, body: await freeHoldBody(), ok: 201 }),
  "DELETE /v1/dealers/{dealerId}/holds/{holdId}": async () => {
    const held = await t.api("POST", `${A}/holds`, await freeHoldBody(), auth);
    return { path: `${A}/holds/${(await json<HoldView>(held)).holdId}`, ok: 204 };
  },
};

/** A hold request for the first free option of a far day. */
async function freeHoldBody() {
  const day = await json<DayResponse>(
    await t.api("POST", `${A}/availability/day`, { interventions: ["check"], date: "2026-12-15" }),
  );
  return {
    optionId: day.options[0].optionId,
    vehicle: { model: "Grecale" },
    interventions: ["check"],
    customer: { known: true },
    mobility: "none",
  };
}

/** For routes without a builder: path parameters filled with live values, an empty body. */
const GENERIC_OK = -1;
async function genericCall(r: RouteCase): Promise<Call> {
  const appt = await bookAs(t.api, OWN);
  const path = r.key
    .slice(r.key.indexOf(" ") + 1)
    .replace("{dealerId}", OWN)
    .replace("{id}", appt.id)
    .replace("{token}", appt.manageToken!)
    .replace("{date}", "2026-11-24")
    .replace("{keyId}", (await createKey(t.api, OWN, "advisor")).id)
    .replace("{action}", r.param ?? "confirm")
    .replace(/\{\w+\}/g, "x");
  return { path, body: r.method === "GET" || r.method === "DELETE" ? undefined : {}, ok: GENERIC_OK };
}

interface RouteCase {
  key: string;
  method: string;
  access: Access;
  param?: string;
}

const routes: RouteCase[] = [];

beforeAll(async () => {
  t = await twoTenants({ now: () => nowMs });
  const doc = await json<{ paths: DocPaths }>(await t.api("GET", "/openapi.json"));
  // The router's routes (hono patterns), minus catch-all middleware and CORS preflights.
  const served = new Map<string, { method: string; path: string }>();
  for (const r of servedRoutes(t.app as never)) served.set(`${r.method} ${r.path}`, r);
  const documented = new Map<string, { method: string; openApiPath: string; op: DocOperation }>();
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(item))
      documented.set(`${m.toUpperCase()} ${honoPath(p)}`, { method: m.toUpperCase(), openApiPath: p, op });
  }
  for (const [k, r] of served) {
    if (PAGE_ROUTES.has(k)) continue;
    const d = documented.get(k);
    const key = d ? `${d.method} ${d.openApiPath}` : k;
    const access = d ? accessOf(d.openApiPath, d.op) : "public";
    const actions: string[] | undefined = d?.op.parameters?.find((p) => p.name === "action")?.schema?.enum;
    for (const param of actions ?? [undefined]) routes.push({ key, method: r.method, access, param });
  }
}, 60_000);
afterAll(() => t?.close());

describe("the router", () => {
  it("serves every route that has a builder, and classifies the admin routes as admin", () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const k of Object.keys(BUILDERS))
      expect(
        routes.map((r) => r.key),
        `stale builder ${k}`,
      ).toContain(k);
    for (const k of ADMIN_ROUTES) expect(routes.find((r) => r.key === k)?.access, k).toBe("admin");
  });

  it("puts the public-route guards (rate limits, widget CORS) on exactly the routes without a mandatory token", () => {
    const guarded = PUBLIC_ROUTES.map((p) => `${p.route.method.toUpperCase()} ${p.route.path}`).sort();
    const open = routes.filter((r) => r.access === "public" || r.access === "publicOrStaff").map((r) => r.key);
    // /health and the docs are public but not dealer data: no widget CORS, no limits. The
    // customer pages and their scripts (routes/web) are HTML/JS with limits of their own.
    const notData = ["GET /health", "GET /openapi.json", "GET /docs", ...WEB_ROUTES];
    expect([...new Set(open)].filter((k) => !notData.includes(k)).sort()).toEqual(guarded);
  });
});

describe("role matrix: every route × every caller, aimed at dealer alpha", () => {
  it("answers each caller with the status the policy table expects", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of routes) {
      for (const who of WHO) {
        const build = BUILDERS[r.key];
        nowMs = Date.parse(FIXED_NOW);
        const call = build ? await build(r.param) : await genericCall(r);
        const res = await t.api(r.method, call.path, call.body, { ...(call.headers ?? {}), ...headersOf(who) });
        const want = expected(r.access, who, call.ok);
        checked++;
        if (!build && want === GENERIC_OK) {
          // No builder: the request may be refused on its merits, but never by auth, never 5xx.
          if ([401, 403].includes(res.status) || res.status >= 500)
            failures.push(`${r.key} as ${who}: got ${res.status} ${(await res.text()).slice(0, 160)}`);
          continue;
        }
        if (res.status !== want)
          failures.push(
            `${r.key}${r.param ? ` (${r.param})` : ""} as ${who}: got ${res.status}, want ${want} ${(await res.text()).slice(0, 160)}`,
          );
        else if (res.status >= 400) {
          const body = await json<Problem>(res);
          if (body.code !== { 401: "unauthorized", 403: "forbidden", 404: "not_found" }[res.status as 401 | 403 | 404])
            failures.push(`${r.key} as ${who}: code ${body.code}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(routes.length * WHO.length);
  }, 60_000);
});
