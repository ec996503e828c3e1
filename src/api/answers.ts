import type { MiddlewareHandler } from "hono";
import type { ErrorCode } from "./errors.js";

// What a middleware can answer instead of the route, for the OpenAPI document: each
// route's declared responses are composed from these (api/declared-responses.ts), so a
// guard that can refuse declares it once, where it is written, and every route it
// guards says so.

const byMiddleware = new WeakMap<MiddlewareHandler, readonly ErrorCode[]>();

/** Tags a middleware with the problems it may answer; returns it unchanged. */
export function answers<M extends MiddlewareHandler>(middleware: M, ...codes: ErrorCode[]): M {
  byMiddleware.set(middleware, codes);
  return middleware;
}

export function answersOf(middleware: unknown): readonly ErrorCode[] {
  return byMiddleware.get(middleware as MiddlewareHandler) ?? [];
}

/**
 * App-level guards installed with app.on() before the routes (routes/public.ts: the rate
 * limits) declare what they answer per operation, "METHOD /openapi/{path}".
 */
const byOperation = new WeakMap<object, Map<string, ErrorCode[]>>();

export function answersOn(app: object, method: string, openApiPath: string, ...codes: ErrorCode[]): void {
  let ops = byOperation.get(app);
  if (!ops) byOperation.set(app, (ops = new Map()));
  const key = `${method.toUpperCase()} ${openApiPath}`;
  ops.set(key, [...(ops.get(key) ?? []), ...codes]);
}

export function answersOnOperation(app: object, method: string, openApiPath: string): readonly ErrorCode[] {
  return byOperation.get(app)?.get(`${method.toUpperCase()} ${openApiPath}`) ?? [];
}
