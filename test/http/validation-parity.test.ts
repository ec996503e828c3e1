import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import type { AppEnv, Services } from "../../src/api/deps.js";
import { installErrorHandlers, validationHook } from "../../src/api/error-handlers.js";
import { edge } from "../../src/api/middleware/edge.js";
import { rememberParses } from "../../src/api/parse-memo.js";
import { validateInOnePass } from "../../src/api/route-validation.js";
import { DealerParam, IdempotencyHeader } from "../../src/routes/shared.js";
import { ActionRequest, AvailabilityRequest, BookingRequest } from "../../src/scheduler/contracts.js";

// src/api/route-validation.ts replaces @hono/zod-openapi's validator chain with one
// synchronous pass. This runs the same requests through both (the same routes, once with
// the library's validators, once with ours) and demands identical answers: status,
// content type, body and what the handler was given. Keep it green across upgrades of
// hono, @hono/zod-openapi and @hono/zod-validator.
// The search's body schema is marked as the availability route marks it (api/parse-memo.ts):
// ours answers each request twice, the second time from the remembered parse, alike.
rememberParses(AvailabilityRequest);

const Query = z
  .object({
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    tag: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();
const OddHeader = z.object({ "X-Trace-Mode": z.enum(["on", "off"]).optional() });

const ECHO = {
  200: { description: "what validation handed over", content: { "application/json": { schema: z.unknown() } } },
};

const routes = [
  createRoute({
    method: "post",
    path: "/d/{dealerId}/search",
    request: {
      params: DealerParam,
      body: { required: true, content: { "application/json": { schema: AvailabilityRequest } } },
    },
    responses: ECHO,
  }),
  createRoute({
    method: "post",
    path: "/d/{dealerId}/book",
    request: {
      params: DealerParam,
      headers: IdempotencyHeader,
      body: { required: true, content: { "application/json": { schema: BookingRequest } } },
    },
    responses: ECHO,
  }),
  createRoute({
    method: "post",
    path: "/d/{dealerId}/act",
    request: {
      params: DealerParam,
      headers: IdempotencyHeader,
      body: { required: false, content: { "application/json": { schema: ActionRequest } } },
    },
    responses: ECHO,
  }),
  createRoute({
    method: "get",
    path: "/d/{dealerId}/list",
    request: { params: DealerParam, query: Query, headers: OddHeader },
    responses: ECHO,
  }),
  createRoute({ method: "get", path: "/plain", responses: ECHO }),
];

function build(onePass: boolean) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  if (onePass) validateInOnePass(app);
  // The edge needs a clock and a log only for routes that never reach a verb.
  app.use("*", edge({ log: () => {}, now: () => 0 } as unknown as Services));
  installErrorHandlers(app, () => {});
  // Echo what validation handed over, so a difference in parsed values shows too.
  const echo = (c: { req: { valid: (t: never) => unknown } }, targets: string[]) =>
    Object.fromEntries(targets.map((t) => [t, c.req.valid(t as never)]));
  app.openapi(routes[0], (c) => c.json(echo(c, ["param", "json"]), 200));
  app.openapi(routes[1], (c) => c.json(echo(c, ["param", "header", "json"]), 200));
  app.openapi(
    {
      ...routes[2],
      middleware: [async (c, next) => (c.req.header("x-deny") ? c.json({ denied: true }, 403) : next())] as const,
    },
    (c) => c.json(echo(c, ["param", "header", "json"]), 200),
  );
  app.openapi(routes[3], (c) => c.json(echo(c, ["param", "query", "header"]), 200));
  app.openapi(routes[4], (c) => c.json({ ok: true }, 200));
  // A route with its own hook: it decides the response to a failure.
  app.openapi(
    createRoute({
      method: "post",
      path: "/hooked",
      request: { body: { required: true, content: { "application/json": { schema: ActionRequest } } } },
      responses: { ...ECHO, 422: { description: "hooked", content: { "application/json": { schema: z.unknown() } } } },
    }),
    (c) => c.json(c.req.valid("json"), 200),
    (result, c) => (result.success ? undefined : c.json({ hooked: result.target }, 422)),
  );
  return app;
}

const search = JSON.stringify({ interventions: ["maintenance"], days: 7 });
const cases: Array<[string, string, string, Record<string, string>, string | undefined]> = [
  ["valid search", "POST", "/d/roma/search", { "content-type": "application/json" }, search],
  ["json with charset", "POST", "/d/roma/search", { "content-type": "application/json; charset=utf-8" }, search],
  ["vendor json type", "POST", "/d/roma/search", { "content-type": "application/vnd.api+json" }, search],
  ["text/plain", "POST", "/d/roma/search", { "content-type": "text/plain" }, search],
  ["no content type, body", "POST", "/d/roma/search", {}, search],
  ["no content type, no body", "POST", "/d/roma/search", {}, undefined],
  ["malformed json", "POST", "/d/roma/search", { "content-type": "application/json" }, search.slice(0, -3)],
  ["empty json body", "POST", "/d/roma/search", { "content-type": "application/json" }, ""],
  ["json array", "POST", "/d/roma/search", { "content-type": "application/json" }, "[1,2]"],
  [
    "unknown field",
    "POST",
    "/d/roma/search",
    { "content-type": "application/json" },
    JSON.stringify({ interventions: ["maintenance"], colour: "red" }),
  ],
  [
    "many problems",
    "POST",
    "/d/roma/search",
    { "content-type": "application/json" },
    JSON.stringify({ interventions: [], days: 0, count: 99, dayPart: "night" }),
  ],
  ["bad dealer id", "POST", "/d/ro%20ma!/search", { "content-type": "application/json" }, search],
  ["bad dealer id and bad body", "POST", "/d/ro%20ma!/search", { "content-type": "application/json" }, "{"],
  [
    "booking refine",
    "POST",
    "/d/roma/book",
    { "content-type": "application/json", "Idempotency-Key": "k1" },
    JSON.stringify({ vehicle: { model: "Ghibli" }, interventions: ["maintenance"], customer: { name: "X" } }),
  ],
  [
    "booking ok",
    "POST",
    "/d/roma/book",
    { "content-type": "application/json" },
    JSON.stringify({
      start: "2026-11-25T10:00",
      vehicle: { model: "Ghibli" },
      interventions: ["maintenance"],
      customer: { name: "X", email: "x@example.com" },
    }),
  ],
  ["optional body, none", "POST", "/d/roma/act", {}, undefined],
  [
    "optional body, json",
    "POST",
    "/d/roma/act",
    { "content-type": "application/json", "idempotency-key": "k2" },
    JSON.stringify({ reason: "late" }),
  ],
  [
    "optional body, bad json",
    "POST",
    "/d/roma/act",
    { "content-type": "application/json" },
    JSON.stringify({ reason: "" }),
  ],
  ["optional body, text", "POST", "/d/roma/act", { "content-type": "text/plain" }, "hello"],
  ["optional body, no type but bytes", "POST", "/d/roma/act", {}, "hello"],
  ["route middleware first", "POST", "/d/roma/act", { "content-type": "application/json", "x-deny": "1" }, "{"],
  ["query ok", "GET", "/d/roma/list?from=2026-11-23&tag=a&tag=b", { "X-Trace-Mode": "on" }, undefined],
  ["query bad", "GET", "/d/roma/list?from=tomorrow&extra=1", {}, undefined],
  ["header bad", "GET", "/d/roma/list", { "x-trace-mode": "loud" }, undefined],
  ["no validation", "GET", "/plain", {}, undefined],
  ["own hook", "POST", "/hooked", { "content-type": "application/json" }, JSON.stringify({ reason: 5 })],
  ["own hook, ok", "POST", "/hooked", { "content-type": "application/json" }, JSON.stringify({ reason: "ok" })],
];

describe("one-pass validation answers like @hono/zod-openapi's validator chain", () => {
  const library = build(false);
  const ours = build(true);

  it.each(cases)("%s", async (_, method, path, headers, body) => {
    const send = (app: ReturnType<typeof build>) =>
      app.request(path, { method, headers: { ...headers, "X-Request-Id": "parity" }, body });
    const a = await send(library);
    const expected = await a.text();
    for (let i = 0; i < 2; i++) {
      const b = await send(ours);
      expect(b.status).toBe(a.status);
      expect(b.headers.get("content-type")).toBe(a.headers.get("content-type"));
      expect(await b.text()).toBe(expected);
    }
  });

  it("answers a body that fails to arrive (the stream errors mid-upload) alike: 400, for a marked schema too", async () => {
    const send = (app: ReturnType<typeof build>) =>
      app.request("/d/roma/search", {
        method: "POST",
        // A declared length, as a real client sends: the edge lets it through unread.
        headers: { "content-type": "application/json", "content-length": "100", "X-Request-Id": "parity" },
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"interventions":'));
            controller.error(new Error("client went away"));
          },
        }),
        duplex: "half",
      } as RequestInit);
    const a = await send(library);
    const b = await send(ours);
    expect(a.status).toBe(400);
    expect(b.status).toBe(a.status);
    expect(await b.text()).toBe(await a.text());
  });

  it("hands a marked schema's value over deep-frozen, the same object for the same body text", async () => {
    const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
    validateInOnePass(app);
    const seen: unknown[] = [];
    app.openapi(routes[0], (c) => {
      seen.push(c.req.valid("json" as never));
      return c.json({ ok: true }, 200);
    });
    const post = (body: string) =>
      app.request("/d/roma/search", { method: "POST", headers: { "content-type": "application/json" }, body });
    for (const body of [search, search, ` ${search}`]) expect((await post(body)).status).toBe(200);
    const [first, again, spaced] = seen as Array<{ customer: object; interventions: string[] }>;
    expect(again).toBe(first);
    expect(spaced).not.toBe(first); // another text: parsed again
    expect(spaced).toEqual(first);
    expect([first, first.customer, first.interventions].every(Object.isFrozen)).toBe(true);
  });

  it("documents every route exactly as the library does", () => {
    const doc = (app: ReturnType<typeof build>) =>
      app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    expect(doc(ours)).toEqual(doc(library));
  });
});
