import { servedRoutes } from "../support/routes.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth, createTestApp, type TestApp } from "../support/app.js";
import { MAX_BODY_BYTES } from "../../src/api/middleware/body-limit.js";
import { isWrite, WRITER_UNAVAILABLE } from "../../src/api/middleware/writer-unavailable.js";
import { WEB_ROUTES } from "../../src/routes/web/index.js";
import { validate } from "../support/json-schema.js";
import { booking, romeDealer } from "../support/http.js";

// The router against its own OpenAPI document: every route has its operation (and the
// reverse), every status a request matrix provokes is declared by that operation, and
// every JSON answer validates against the schema the document gives for that status.
// The matrix is generated from the document itself, so a new route is covered as it lands.

type Op = { method: string; path: string; op: any };
type Seen = { key: string; status: number; contentType: string; body: unknown };

const NOT_IN_DOCUMENT = new Set(["GET /openapi.json", "GET /docs", "GET /board", "GET /board.js", ...WEB_ROUTES]);
const DEALER = "truth";
const PARAM: Record<string, string> = {
  dealerId: DEALER,
  id: "appt_unknown",
  action: "confirm",
  keyId: "key_unknown",
  holdId: "h_unknown",
  token: "a".repeat(43),
  date: "2026-11-25",
  vin: "ZN6XXXXXXXX000001",
};

let t: TestApp;
let doc: any;
let ops: Op[];
const seen: Seen[] = [];

const keyOf = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path}`;
const concrete = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => PARAM[name] ?? "x");
const hasJsonBody = (op: any) => Object.keys(op.requestBody?.content ?? {}).some((m) => /json/.test(m));
const headerParams = (op: any): string[] =>
  (op.parameters ?? []).filter((p: any) => p.in === "header").map((p: any) => p.name.toLowerCase());

async function send(
  o: Op,
  init: { headers?: Record<string, string>; body?: string; path?: string; env?: object } = {},
): Promise<Seen> {
  const res = await t.app.request(
    init.path ?? concrete(o.path),
    { method: o.method.toUpperCase(), headers: init.headers, body: init.body },
    init.env,
  );
  const contentType = res.headers.get("content-type") ?? "";
  // The live feed never ends: its status and type are what we check.
  if (contentType.startsWith("text/event-stream")) await res.body?.cancel();
  const text = contentType.startsWith("text/event-stream") ? "" : await res.text();
  const body = /json/.test(contentType) && text ? JSON.parse(text) : text;
  const s = { key: keyOf(o), status: res.status, contentType, body };
  seen.push(s);
  return s;
}

beforeAll(async () => {
  t = createTestApp();
  doc = await (await t.request("/openapi.json")).json();
  ops = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
    Object.entries<any>(item).map(([method, op]) => ({ method, path, op })),
  );
  const put = await t.json("PUT", `/v1/dealers/${DEALER}`, romeDealer(), auth);
  expect(put.status).toBe(201);
});
afterAll(() => t?.close());

describe("the router and the document", () => {
  it("has an operation for every route the app serves, and a route for every operation", () => {
    const served = new Set(
      servedRoutes(t.app as never)
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`)
        .filter((k) => !NOT_IN_DOCUMENT.has(k) && !NOT_IN_DOCUMENT.has(k.replace(/\{(\w+)\}/g, ":$1"))),
    );
    const documented = new Set(ops.map(keyOf));
    expect([...served].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !served.has(k))).toEqual([]);
  });

  it("names every operation (unique operationId) and states every operation's security ([] when public)", () => {
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ops.filter((o) => !Array.isArray(o.op.security)).map(keyOf)).toEqual([]);
  });

  it("registers no component as nullable: null is allowed where a field says so, not everywhere the component is used", () => {
    const nullable = Object.entries<any>(doc.components.schemas).filter(
      ([, s]) => Array.isArray(s.type) && s.type.includes("null"),
    );
    expect(nullable.map(([name]) => name)).toEqual([]);
  });

  it("refuses a booking with serviceContract: null, by the document as by the server", async () => {
    const body = { ...booking({ start: "2026-11-25T10:00", advisorId: "anna" }), serviceContract: null };
    const schema = doc.paths["/v1/dealers/{dealerId}/appointments"].post.requestBody.content["application/json"].schema;
    expect(validate(doc, schema, body)).not.toEqual([]);
    expect((await t.json("POST", `/v1/dealers/${DEALER}/appointments`, body)).status).toBe(400);
  });

  it("states formats, patterns and lengths of dates, times, date-times, tuples and the Idempotency-Key", () => {
    const s = doc.components.schemas;
    const date = s.AvailabilityRequest.properties.from;
    expect(date).toMatchObject({ format: "date", pattern: expect.any(String) });
    expect(s.BookingRequest.properties.start.pattern).toEqual(expect.any(String));
    const swap = s.SwapRequest.properties.appointmentIds;
    expect(swap).toMatchObject({ minItems: 2, maxItems: 2, items: false });
    const key = doc.paths["/v1/dealers/{dealerId}/appointments"].post.parameters.find(
      (p: any) => p.name === "idempotency-key",
    );
    expect(key.schema).toMatchObject({ pattern: expect.any(String), minLength: 1, maxLength: 200 });
  });
});

describe("every status the matrix provokes is declared", () => {
  it("answers each operation's generic requests with declared statuses (no auth, root, empty body)", async () => {
    for (const o of ops) {
      const json: Record<string, string> = hasJsonBody(o.op) ? { "Content-Type": "application/json" } : {};
      const body = hasJsonBody(o.op) ? "{}" : undefined;
      await send(o, { headers: json, body });
      await send(o, { headers: { ...auth, ...json }, body });
      await send(o, { headers: { Authorization: "Bearer nope", ...json }, body });
    }
  });

  it("answers 415 to a JSON-body operation sent text/plain, and 400 to malformed JSON", async () => {
    for (const o of ops.filter((x) => hasJsonBody(x.op))) {
      expect((await send(o, { headers: { ...auth, "Content-Type": "text/plain" }, body: "{}" })).status, keyOf(o)).toBe(
        415,
      );
      expect(
        (await send(o, { headers: { ...auth, "Content-Type": "application/json" }, body: "{" })).status,
        keyOf(o),
      ).toBe(400);
    }
  });

  it("answers 413 to an oversized body on every operation that takes one", async () => {
    const big = JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES + 1) });
    for (const o of ops.filter((x) => x.method !== "get")) {
      expect(
        (await send(o, { headers: { ...auth, "Content-Type": "application/json" }, body: big })).status,
        keyOf(o),
      ).toBe(413);
    }
  });

  it("answers 400 to a malformed Idempotency-Key or If-Match where the operation reads them", async () => {
    for (const o of ops) {
      const headers = headerParams(o.op);
      const json: Record<string, string> = hasJsonBody(o.op) ? { "Content-Type": "application/json" } : {};
      const body = hasJsonBody(o.op) ? "{}" : undefined;
      if (headers.includes("idempotency-key"))
        await send(o, { headers: { ...auth, ...json, "Idempotency-Key": "has spaces" }, body });
      if (headers.includes("if-match")) await send(o, { headers: { ...auth, ...json, "If-Match": "v-three" }, body });
    }
  });

  it("answers 503 service_unavailable to every write the writer process took and did not answer", async () => {
    for (const o of ops.filter((x) => isWrite(x.method.toUpperCase(), x.path))) {
      const json: Record<string, string> = hasJsonBody(o.op) ? { "Content-Type": "application/json" } : {};
      const s = await send(o, {
        headers: { ...auth, ...json },
        body: hasJsonBody(o.op) ? "{}" : undefined,
        env: { [WRITER_UNAVAILABLE]: true },
      });
      expect([s.status, (s.body as any).code], keyOf(o)).toEqual([503, "service_unavailable"]);
    }
  });

  it("answers 422 idempotency_mismatch where the operation takes an Idempotency-Key: book, move, lifecycle, manage writes", async () => {
    const booked = await t.json(
      "POST",
      `/v1/dealers/${DEALER}/appointments`,
      booking({ start: "2026-11-25T10:00", advisorId: "anna" }),
      auth,
    );
    expect(booked.status).toBe(201);
    const a: any = await booked.json();
    const op = (method: string, path: string) => ops.find((o) => o.method === method && o.path === path)!;
    const twice = async (o: Op, path: string, bodies: [unknown, unknown], headers: Record<string, string> = {}) => {
      const h = { ...auth, ...headers, "Content-Type": "application/json", "Idempotency-Key": `k-${o.op.operationId}` };
      await send(o, { path, headers: h, body: JSON.stringify(bodies[0]) });
      return send(o, { path, headers: h, body: JSON.stringify(bodies[1]) });
    };
    const appt = `/v1/dealers/${DEALER}/appointments/${a.id}`;
    const cases: Array<[Op, string, [unknown, unknown], Record<string, string>?]> = [
      [
        op("post", "/v1/dealers/{dealerId}/appointments"),
        `/v1/dealers/${DEALER}/appointments`,
        [
          booking({ start: "2026-11-26T10:00", advisorId: "anna" }),
          booking({ start: "2026-11-26T11:00", advisorId: "anna" }),
        ],
      ],
      [
        op("patch", "/v1/dealers/{dealerId}/appointments/{id}"),
        appt,
        [{ reception: { start: "2026-11-25T11:00" } }, { reception: { start: "2026-11-25T11:30" } }],
        { "If-Match": String(a.version) },
      ],
      [
        op("post", "/v1/dealers/{dealerId}/appointments/{id}/{action}"),
        `${appt}/confirm`,
        [{ reason: "one" }, { reason: "two" }],
      ],
      [
        op("post", "/v1/manage/{token}/reschedule"),
        `/v1/manage/${a.manageToken}/reschedule`,
        [{ start: "2026-11-27T10:00" }, { start: "2026-11-27T11:00" }],
      ],
      [
        op("post", "/v1/manage/{token}/cancel"),
        `/v1/manage/${a.manageToken}/cancel`,
        [{ reason: "one" }, { reason: "two" }],
      ],
    ];
    for (const [o, path, bodies, headers] of cases) {
      const second = await twice(o, path, bodies, headers);
      expect([second.status, (second.body as any).code], keyOf(o)).toEqual([422, "idempotency_mismatch"]);
    }
  });

  it("declares every status seen above, and each JSON answer validates against its declared schema", () => {
    const byKey = new Map(ops.map((o) => [keyOf(o), o.op]));
    const undeclared = new Set<string>();
    const invalid: string[] = [];
    for (const s of seen) {
      const response = byKey.get(s.key)!.responses[String(s.status)];
      if (!response) {
        undeclared.add(`${s.key} → ${s.status}`);
        continue;
      }
      const media = s.contentType.split(";")[0].trim();
      const schema = response.content?.[media]?.schema;
      if (response.content && !schema) invalid.push(`${s.key} → ${s.status}: undeclared content type ${media}`);
      if (schema && /json/.test(media)) {
        const errs = validate(doc, schema, s.body);
        if (errs.length) invalid.push(`${s.key} → ${s.status}: ${errs.slice(0, 3).join("; ")}`);
      }
    }
    expect([...undeclared]).toEqual([]);
    expect(invalid).toEqual([]);
    expect(seen.length).toBeGreaterThan(ops.length * 4);
  });
});

describe("the public operations' rate limits", () => {
  it("answer 429 rate_limited, declared, on every rate-limited operation", async () => {
    const limited = createTestApp({
      deps: {
        rateLimits: {
          search: { perSecond: 0.001, burst: 1 },
          booking: { perSecond: 0.001, burst: 1 },
          dealer: { perSecond: 0.001, burst: 1000 },
        },
      },
    });
    try {
      await limited.json("PUT", `/v1/dealers/${DEALER}`, romeDealer(), auth);
      const publicOps = ops.filter(
        (o) => o.op.security.length === 0 || o.op.security.some((x: object) => Object.keys(x).length === 0),
      );
      const refused: string[] = [];
      for (const o of publicOps) {
        const json: Record<string, string> = hasJsonBody(o.op) ? { "Content-Type": "application/json" } : {};
        const init = { method: o.method.toUpperCase(), headers: json, body: hasJsonBody(o.op) ? "{}" : undefined };
        await limited.app.request(concrete(o.path), init);
        const res = await limited.app.request(concrete(o.path), init);
        if (res.status === 429) {
          refused.push(keyOf(o));
          expect(o.op.responses["429"], keyOf(o)).toBeDefined();
        }
      }
      // The public routes without a limit: the liveness probe and the advisors' sign-in.
      const unlimited = publicOps.map(keyOf).filter((k) => !refused.includes(k));
      expect(unlimited.sort()).toEqual(["GET /health", "POST /v1/board/session"]);
    } finally {
      limited.close();
    }
  });
});
