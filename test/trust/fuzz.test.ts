import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth, booking, inProcess, type InProcess } from "../support/http.js";
import { bearer, bookAs, createKey, roomyDealer } from "../support/tenants.js";

// Fuzzing every write endpoint (and the reads that take ids) with fast-check: bodies
// that are arbitrary JSON, valid bodies with one field broken, dropped or added, raw
// text, wrong content types, hostile headers and path parameters. For every request:
// never a 5xx; every error is problem+json; and a rejected request (any 4xx) changes
// NOTHING in storage. FUZZ_RUNS (default 1000 per endpoint, 10 endpoints) scales it.

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

let t: InProcess;
let appointmentId: string;
let manageToken: string;
let keyId: string;
let adminKey: string;

beforeAll(async () => {
  t = inProcess();
  await t.api("PUT", "/v1/dealers/fz", roomyDealer("fz"), auth);
  await t.api("PUT", "/v1/dealers/fz-put", roomyDealer("fz-put"), auth);
  const appt = await bookAs(t.api, "fz");
  appointmentId = appt.id;
  manageToken = appt.manageToken!;
  keyId = (await createKey(t.api, "fz", "advisor")).id;
  adminKey = (await createKey(t.api, "fz", "admin")).secret;
});
afterAll(() => t?.close());

/** Every stored row, as one string (string equality is much cheaper than a deep compare). */
const state = () =>
  JSON.stringify({ ...t.snapshot(), keys: t.sqlite.prepare("SELECT * FROM api_keys ORDER BY id").all() });
/** Rows written by this connection (the app's) since it opened: unchanged means nothing was written. */
const writes = () => (t.sqlite.prepare("SELECT total_changes() AS n").get() as { n: number }).n;

// ---- generators ----------------------------------------------------------------------

const NASTY = [
  "",
  " ",
  "2027-02-29",
  "2026-02-31",
  "24:30",
  "2026-11-24T24:30",
  "2026-11-24T10:07",
  "-1",
  "0",
  "NaN",
  "null",
  "__proto__",
  "constructor",
  "\u0000",
  "😀".repeat(50),
  "x".repeat(5000),
  "../../etc/passwd",
  "' OR 1=1 --",
  "<script>",
  "+39",
  "a@b",
];

const nasty = fc.oneof(
  fc.constantFrom<unknown>(
    ...NASTY,
    null,
    true,
    false,
    0,
    -1,
    1e308,
    -0,
    15,
    30,
    [],
    {},
    Number.MAX_SAFE_INTEGER + 2,
    0.5,
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
);

type Json = unknown;
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function mutate(
  base: Json,
  path: Array<string | number>,
  op: "set" | "delete" | "add",
  value: unknown,
  key: string,
): Json {
  // biome-ignore lint/suspicious/noExplicitAny: deliberately untyped, the fuzzer rewrites any path of a valid body into what the schema forbids
  const copy = structuredClone(base) as any;
  if (path.length === 0) return op === "set" ? value : copy;
  let parent = copy;
  for (const p of path.slice(0, -1)) parent = parent[p];
  const last = path[path.length - 1];
  if (op === "set") parent[last] = value;
  else if (op === "delete") Array.isArray(parent) ? parent.splice(last as number, 1) : delete parent[last];
  else if (parent[last] && typeof parent[last] === "object" && !Array.isArray(parent[last])) parent[last][key] = value;
  else parent[key] = value;
  return copy;
}

/** Bodies around a valid one: arbitrary JSON, one-field mutations (most), raw text. */
function bodies(base: Json): fc.Arbitrary<string | undefined> {
  const ps = paths(base);
  const mutation = fc
    .tuple(
      fc.constantFrom(...ps),
      fc.constantFrom("set", "set", "delete", "add" as const),
      nasty,
      fc.constantFrom("extra", "__proto__", "constructor", "force", "id"),
    )
    .map(([p, op, v, k]) => JSON.stringify(mutate(base, p, op as "set", v, k)));
  return fc.oneof(
    { weight: 6, arbitrary: mutation },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.nat(JSON.stringify(base).length).map((n) => JSON.stringify(base).slice(0, n)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const headerValue = fc.oneof(
  fc.constantFrom("1", '"1"', 'W/"1"', "", " ", "x".repeat(300), "0", "999999999999", "-1"),
  fc.string({ maxLength: 30 }),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json",
  "text/plain",
  "application/json; charset=utf-8",
  undefined,
);
const segment = fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom("", "..", "%00", "a".repeat(64), "2027-02-29"));

interface Endpoint {
  name: string;
  method: string;
  path: fc.Arbitrary<string>;
  body?: Json;
  headers?: fc.Arbitrary<Record<string, string>>;
}

const ENDPOINTS = (): Endpoint[] => [
  {
    name: "PUT dealer",
    method: "PUT",
    path: fc.constant("/v1/dealers/fz-put"),
    body: roomyDealer("fz-put"),
    headers: fc.constant(auth),
  },
  {
    name: "PUT dealer (path)",
    method: "PUT",
    path: segment.map((s) => `/v1/dealers/${encodeURIComponent(s)}`),
    body: roomyDealer("x"),
    headers: fc.constantFrom(auth, {}, bearer(adminKey)),
  },
  {
    name: "POST availability",
    method: "POST",
    path: fc.constant("/v1/dealers/fz/availability"),
    body: {
      interventions: ["check"],
      from: "2026-11-24",
      days: 3,
      count: 3,
      mobility: "none",
      customer: { known: true },
    },
  },
  {
    name: "POST appointments",
    method: "POST",
    path: fc.constant("/v1/dealers/fz/appointments"),
    body: booking({ start: "2026-12-01T10:00", advisorId: "a" }, { interventions: ["check"] }),
    headers: fc.record({ "Idempotency-Key": headerValue }, { requiredKeys: [] }),
  },
  {
    name: "PATCH appointment",
    method: "PATCH",
    path: fc.constantFrom(`/v1/dealers/fz/appointments/${appointmentId}`, "/v1/dealers/fz/appointments/nope"),
    body: { reception: { start: "2026-12-02T10:00", advisorId: "b" }, return: { minutes: 12 }, force: false },
    headers: headerValue.map((v) => ({ ...auth, "If-Match": v })),
  },
  {
    name: "POST action",
    method: "POST",
    path: fc
      .tuple(
        fc.constantFrom("confirm", "cancel", "check-in", "no-show", "complete", "delete", ""),
        fc.constantFrom(appointmentId, "nope"),
      )
      .map(([a, id]) => `/v1/dealers/fz/appointments/${id}/${a}`),
    body: { reason: "customer called" },
    headers: headerValue.map((v) => ({ ...auth, "If-Match": v })),
  },
  {
    name: "POST manage cancel",
    method: "POST",
    path: fc
      .oneof(segment, fc.constantFrom("A".repeat(43), manageToken))
      .map((s) => `/v1/manage/${encodeURIComponent(s)}/cancel`),
    body: { reason: "x" },
  },
  {
    name: "POST api-keys",
    method: "POST",
    path: fc.constant("/v1/dealers/fz/api-keys"),
    body: { role: "advisor", label: "fuzz" },
    headers: fc.constantFrom(auth, bearer(adminKey), {}),
  },
  {
    name: "DELETE api-key",
    method: "DELETE",
    path: fc.oneof(segment, fc.constant(keyId)).map((s) => `/v1/dealers/fz/api-keys/${encodeURIComponent(s)}`),
    headers: fc.constant(auth),
  },
  // The advisors' reshuffles (issue 5) and the customer's reschedule (issue 6).
  {
    name: "POST reshuffle swap",
    method: "POST",
    path: fc.constant("/v1/dealers/fz/reshuffle/swap"),
    body: {
      appointmentIds: [appointmentId, "nope"],
      exchange: "slot",
      mode: "apply",
      expectedVersions: { [appointmentId]: 1 },
    },
    headers: fc.constant(auth),
  },
  {
    name: "POST reshuffle absence",
    method: "POST",
    path: fc.constant("/v1/dealers/fz/reshuffle/absence"),
    body: { advisorId: "a", start: "2026-12-01T08:00", end: "2026-12-01T13:00", mode: "plan" },
    headers: fc.constant(auth),
  },
  {
    name: "POST reshuffle late",
    method: "POST",
    path: fc.constant("/v1/dealers/fz/reshuffle/late"),
    body: { appointmentId, minutes: 20, mode: "apply", expectedVersions: { [appointmentId]: 1 } },
    headers: fc.constant(auth),
  },
  {
    name: "POST reshuffle walk-in",
    method: "POST",
    path: fc.constant("/v1/dealers/fz/reshuffle/walk-in"),
    body: {
      vehicle: { model: "Grecale" },
      interventions: ["check"],
      customer: { known: true, name: "Walk In" },
      mode: "plan",
    },
    headers: fc.constant(auth),
  },
  {
    name: "POST manage reschedule",
    method: "POST",
    path: fc
      .oneof(segment, fc.constantFrom("A".repeat(43), manageToken))
      .map((s) => `/v1/manage/${encodeURIComponent(s)}/reschedule`),
    body: { start: "2026-12-03T10:00" },
  },
  {
    name: "GET by id",
    method: "GET",
    path: fc
      .tuple(fc.constantFrom("appointments", "days", "api-keys"), segment)
      .map(([r, s]) => `/v1/dealers/fz/${r}/${encodeURIComponent(s)}`),
    headers: fc.constant(auth),
  },
];

describe("fuzzing the endpoints", () => {
  it("never answers 5xx, always answers errors as problem+json, and a refusal changes nothing", async () => {
    const stats: Record<string, Record<string, number>> = {};
    let before = state();
    let written = writes();
    for (const e of ENDPOINTS()) {
      const s: Record<string, number> = (stats[e.name] = {});
      const arb = fc.record({
        path: e.path,
        body: e.body === undefined ? fc.constant(undefined) : bodies(e.body),
        headers: e.headers ?? fc.constant({}),
        type: contentType,
      });
      await fc.assert(
        fc.asyncProperty(arb, async ({ path, body, headers, type }) => {
          const res = await t.request(path, {
            method: e.method,
            headers: { ...(type && body !== undefined ? { "Content-Type": type } : {}), ...headers },
            body,
          });
          const text = await res.text();
          s[res.status] = (s[res.status] ?? 0) + 1;
          if (res.status >= 500)
            throw new Error(
              `${e.method} ${path} → ${res.status}: ${text.slice(0, 300)}\nbody: ${String(body).slice(0, 300)}`,
            );
          if (res.status >= 400)
            expect(res.headers.get("content-type"), text.slice(0, 200)).toBe("application/problem+json");
          // Fast path: no row written at all. Otherwise compare every stored row.
          const n = writes();
          if (n === written) return;
          written = n;
          const after = state();
          if (res.status >= 400) expect(after, `${e.method} ${path} → ${res.status} changed storage`).toBe(before);
          before = after;
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123), endOnFailure: true },
      );
    }
    if (process.env.FUZZ_VERBOSE) console.log(JSON.stringify(stats));
    const total = Object.values(stats).reduce((n, s) => n + Object.values(s).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(RUNS * ENDPOINTS().length);
    // The fuzz reached past validation too: some requests succeeded or hit domain refusals.
    const all = Object.values(stats).flatMap((s) => Object.keys(s).map(Number));
    expect(all).toEqual(expect.arrayContaining([200, 201, 400, 401, 404, 409]));
    expect(t.logs.filter((l) => l.msg === "unhandled error")).toEqual([]);
  }, 120_000);
});
