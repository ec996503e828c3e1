import { type RouteConfig, z } from "@hono/zod-openapi";
import type { Context, Next } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ApiApp } from "./deps.js";
import { honoPath, onlyWhereFallbackServes, recordServed, type ServedPath, servedPaths } from "./enum-paths.js";
import { ParseMemo, parsesRemembered } from "./parse-memo.js";
import { refuseUnsafeText } from "./body-text.js";

// Request validation for app.openapi() routes in ONE synchronous pass per request.
//
// @hono/zod-openapi validates a route with a chain of middlewares: one per target (query,
// params, headers), a media-type gate, one for the JSON body. Each is an async layer, and
// each parses with zod's safeParseAsync, which skips zod 4's fast path for objects (a
// compiled shape check that only sync parses use). On an availability search that chain
// was ~9 % of the server's CPU (bench/JOURNAL.md).
//
// validateInOnePass(app) wraps app.openapi: the route is still documented exactly as
// before (same registry entry, so /openapi.json is unchanged) and still routed by
// @hono/zod-openapi (we register it with `hide: true` and no `request`, so it adds no
// validators, and with the route's own middleware, which still runs first), and its
// handler first does what those validators did, in their order, with their outcomes:
//   query → param → header → media-type gate (415) → JSON body (400 when malformed),
// each target parsed with safeParse (safeParseAsync only for schemas with async checks),
// the route's hook or the app's defaultHook deciding the response to a failure, and
// c.req.valid(target) filled as before. Routes with form bodies, cookies or non-object
// header schemas keep the library's own chain (we have none; the trap is silent drift).
//
// The helpers below mirror private ones of @hono/zod-openapi 1.6 and hono's validator;
// test/http/validation-parity.test.ts runs the same requests through both and compares.
// Re-run it when upgrading either package.

type Schema = z.ZodType;
type Hook = (result: { target: string; success: boolean; data?: unknown; error?: unknown }, c: Context) => unknown;
type Step = (c: Context) => Promise<Response | undefined> | Response | undefined;

export function validateInOnePass(app: ApiApp): void {
  const register = app.openapi;
  app.openapi = ((route: RouteConfig, handler: Handler, hook?: Hook) => {
    const { middleware, hide, ...doc } = route;
    if (!supported(doc.request)) return register(route as never, handler as never, hook as never);
    if (!hide) app.openAPIRegistry.registerPath(doc);
    const { request, ...routing } = doc;
    const onFailure: Hook = hook ?? ((result, c) => app.defaultHook?.(result as never, c as never));
    // Served at each static path an enum parameter stands for (api/enum-paths.ts).
    let registered: unknown;
    for (const { path, fixed, fallback } of servedPaths(routing.path, request?.params)) {
      const steps = request ? validationSteps(request, onFailure, fixed, hook === undefined) : [];
      const served = steps.length ? validatedHandler(steps, handler) : handler;
      if (path !== routing.path) recordServed(app, routing.method, path, routing.path);
      // A fallback's auth and handler run only where it serves (api/enum-paths.ts).
      const only = (h: Handler) => (fallback ? onlyWhereFallbackServes(h, honoPath(path)) : h);
      const chain =
        middleware === undefined
          ? undefined
          : (Array.isArray(middleware) ? middleware : [middleware]).map((m) => only(m as Handler));
      registered = register({ ...routing, path, middleware: chain, hide: true } as never, only(served) as never);
    }
    return registered;
  }) as ApiApp["openapi"];
}

type Handler = (c: Context, next: Next) => unknown;

/**
 * The steps run inside the handler's own layer (after the route's middleware, e.g. auth,
 * as before), synchronously until one needs the body.
 */
function validatedHandler(steps: Step[], handler: Handler): Handler {
  const run = (c: Context, next: Next, from: number): unknown => {
    for (let i = from; i < steps.length; i++) {
      const res = steps[i](c);
      if (res instanceof Promise) return res.then((r) => r ?? run(c, next, i + 1));
      if (res) return res;
    }
    return handler(c, next);
  };
  return (c, next) => run(c, next, 0);
}

function supported(request: RouteConfig["request"]): boolean {
  if (!request) return true;
  if (request.cookies) return false;
  if (request.headers && !(request.headers instanceof z.ZodObject)) return false;
  return Object.entries(request.body?.content ?? {}).every(
    ([mediaType, media]) => !(isZod(schemaOf(media)) && isFormContentType(mediaType)),
  );
}

function validationSteps(
  request: NonNullable<RouteConfig["request"]>,
  hook: Hook,
  fixed: ServedPath["fixed"],
  appHook: boolean,
): Step[] {
  const steps: Step[] = [];
  if (request.query) steps.push(check("query", request.query as Schema, hook, readQuery));
  const params = fixed
    ? (c: Context) => ({ ...c.req.param(), ...(typeof fixed === "function" ? fixed(c) : fixed) })
    : (c: Context) => c.req.param();
  if (request.params) steps.push(check("param", request.params as Schema, hook, params));
  if (request.headers)
    steps.push(check("header", request.headers as Schema, hook, headerReader(request.headers as z.ZodObject)));
  const content = request.body?.content;
  if (content) {
    const declared = Object.keys(content);
    if (declared.some((m) => isZod(schemaOf(content[m])) && (isJSONContentType(m) || isFormContentType(m))))
      steps.push(mediaTypeGate(declared));
    for (const mediaType of declared) {
      const schema = schemaOf(content[mediaType]);
      if (!isZod(schema) || !isJSONContentType(mediaType)) continue;
      const json =
        appHook && parsesRemembered(schema as Schema)
          ? rememberedJson(schema as Schema, hook)
          : check("json", schema as Schema, hook, readJson);
      steps.push(
        request.body?.required
          ? json
          : (c) => {
              const type = c.req.header("content-type");
              if (type && isJSONContentType(type)) return json(c);
              c.req.addValidatedData("json", {});
            },
      );
    }
  }
  return steps;
}

/** One target: read, parse, let the hook answer a failure, else record the parsed value. */
function check(target: string, schema: Schema, hook: Hook, read: (c: Context) => unknown): Step {
  const finish = (c: Context, value: unknown): Response | undefined | Promise<Response | undefined> => {
    const result = parse(schema, value);
    return result instanceof Promise
      ? result.then((r) => settle(c, target, value, r, hook))
      : settle(c, target, value, result, hook);
  };
  return (c) => {
    const value = read(c);
    return value instanceof Promise ? value.then((v) => finish(c, v)) : finish(c, value);
  };
}

/**
 * The JSON body as check("json") reads and parses it, but a body text parsed before (by a
 * schema marked in parse-memo.ts) reuses its validated value without parsing again.
 */
function rememberedJson(schema: Schema, hook: Hook): Step {
  const memo = new ParseMemo();
  const fresh = check("json", schema, hook, () => ({}));
  return (c) => {
    if (!isJsonBody(c)) return fresh(c); // as readJson: the schema meets {}
    // A body that fails to arrive (the client went away mid-upload) is a 400, as readJson's.
    const read = c.req.text().catch(() => {
      throw malformedJson();
    });
    return read.then((text) => {
      const known = memo.get(text);
      if (known !== undefined) {
        c.req.addValidatedData("json", known as never);
        return undefined;
      }
      const value = parseJsonText(text);
      const result = parse(schema, value);
      if (result instanceof Promise) return result.then((r) => settle(c, "json", value, r, hook));
      if (result.success)
        return settle(c, "json", value, { success: true, data: memo.remember(text, result.data) }, hook);
      return settle(c, "json", value, result, hook);
    });
  };
}

type Parsed = { success: true; data: unknown; error?: never } | { success: false; error: unknown; data?: never };

function settle(
  c: Context,
  target: string,
  value: unknown,
  result: Parsed,
  hook: Hook,
): Response | undefined | Promise<Response | undefined> {
  const answer = (hooked: unknown): Response | undefined => {
    if (hooked) {
      if (hooked instanceof Response) return hooked;
      if (typeof hooked === "object" && "response" in hooked) return (hooked as { response: Response }).response;
    }
    if (!result.success) return c.json(result, 400);
    c.req.addValidatedData(target as never, result.data as never);
    return undefined;
  };
  const hooked = hook({ data: value, ...result, target }, c);
  return hooked instanceof Promise ? hooked.then(answer) : answer(hooked);
}

/** zod's sync parse (its fast path for objects); the async one only when a schema needs it. */
function parse(schema: Schema, value: unknown): Parsed | Promise<Parsed> {
  try {
    return schema.safeParse(value) as Parsed;
  } catch (err) {
    if (err instanceof z.core.$ZodAsyncError) return schema.safeParseAsync(value) as Promise<Parsed>;
    throw err;
  }
}

// ---- reading the targets, as hono's validator does

function readQuery(c: Context): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => (v.length === 1 ? [k, v[0]] : [k, v])));
}

/** Header names arrive lower-cased; the schema's keys may not be (as @hono/zod-validator). */
function headerReader(schema: z.ZodObject): (c: Context) => Record<string, string> {
  const keymap: Record<string, string> = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key.toLowerCase(), key]),
  );
  return (c) => Object.fromEntries(Object.entries(c.req.header()).map(([key, value]) => [keymap[key] || key, value]));
}

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

/** A JSON body that does not parse, or does not arrive: the app answers 400 validation_failed. */
const malformedJson = () => new HTTPException(400, { message: "Malformed JSON in request body" });

function isJsonBody(c: Context): boolean {
  const contentType = c.req.header("Content-Type");
  const mediaType = contentType ? contentType.split(";")[0].trim().toLowerCase() : "";
  return JSON_MEDIA.test(mediaType);
}

function readJson(c: Context): unknown {
  if (!isJsonBody(c)) return {};
  return c.req.text().then(parseJsonText, () => {
    throw malformedJson();
  });
}

/** The body's value; 400 when it is not JSON, or when a string in it is not text (api/body-text.ts). */
function parseJsonText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformedJson();
  }
  refuseUnsafeText(text, value);
  return value;
}

// ---- the media-type gate and its helpers, as @hono/zod-openapi has them

function mediaTypeGate(declared: string[]): Step {
  return (c) => {
    const contentType = c.req.header("content-type");
    if (contentType) {
      if (!declared.some((mediaType) => matchesMediaType(contentType, mediaType))) throw unsupported();
      return undefined;
    }
    return hasRequestBody(c).then((has) => {
      if (has) throw unsupported();
      return undefined;
    });
  };
}

const unsupported = () => new HTTPException(415, { message: "Unsupported Media Type" });

/** A media entry's schema (an OpenAPI $ref entry has none). */
const schemaOf = (media: unknown): unknown => (media as { schema?: unknown } | undefined)?.schema;

function isZod(x: unknown): boolean {
  if (!x || typeof x !== "object") return false;
  const s = x as Record<string, unknown>;
  return (
    typeof s.parse === "function" &&
    typeof s.safeParse === "function" &&
    typeof s.parseAsync === "function" &&
    typeof s.safeParseAsync === "function"
  );
}

function isJSONContentType(contentType: string): boolean {
  return /^application\/([a-z-.]+\+)?json/i.test(contentType);
}

function isFormContentType(contentType: string): boolean {
  const lower = contentType.toLowerCase();
  return lower.startsWith("multipart/form-data") || lower.startsWith("application/x-www-form-urlencoded");
}

const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
const MULTIPART_REQUEST = /^multipart\/form-data(;\s?boundary=[a-zA-Z0-9'"()+_,\-./:=?]+)?$/i;
const URLENCODED_REQUEST = /^application\/x-www-form-urlencoded(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

function matchesMediaType(contentType: string, mediaType: string): boolean {
  if (mediaType === "*/*") return true;
  if (isJSONContentType(mediaType)) return JSON_REQUEST.test(contentType);
  if (isFormContentType(mediaType)) return MULTIPART_REQUEST.test(contentType) || URLENCODED_REQUEST.test(contentType);
  const essence = contentType.split(";")[0].trim().toLowerCase();
  if (mediaType.endsWith("/*")) return essence.startsWith(mediaType.slice(0, -1).toLowerCase());
  return essence === mediaType.toLowerCase();
}

/** A body without Content-Type: is there any byte in it? (Reads a clone, rare path.) */
async function hasRequestBody(c: Context): Promise<boolean> {
  const raw = c.req.raw;
  if (raw.body === null) return false;
  if (raw.bodyUsed) return (await c.req.arrayBuffer()).byteLength > 0;
  const body = raw.clone().body;
  if (body === null) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
