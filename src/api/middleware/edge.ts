import type { MiddlewareHandler } from "hono";
import type { AppEnv, Services } from "../deps.js";
import { requestContext } from "../request-context.js";
import { addResponseHeader, applyResponseHeaders } from "../response-headers.js";
import { accessLine } from "./access-log.js";
import { bodyVerdict, encoded, streamingLimit, tooLarge } from "./body-limit.js";
import { REQUEST_ID_HEADER, requestIdOf } from "./request-id.js";

// Every request's edge in ONE middleware: request id, the request's Ctx, body size limit, access log. They
// were three hono middlewares; each layer is another async frame and promise chain per
// request, and together they cost a measurable share of an availability search
// (bench/JOURNAL.md). The order is the one the three had:
//  1. the request id first: the log line, error bodies and the X-Request-Id response
//     header quote it;
//  2. the body limit before anything reads a body (413 without reading it when
//     Content-Length says so);
//  3. once the response is final (error handlers included): the pending response headers
//     (X-Request-Id, CORS: api/response-headers.ts), then the access log line.

export function edge(services: Services): MiddlewareHandler<AppEnv> {
  const log = services.log;
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(c);
    c.set("requestId", requestId);
    // The app's services and this request's Ctx (the verbs' first argument), for every route.
    c.set("services", services);
    c.set("ctx", requestContext(c, services));
    addResponseHeader(c, REQUEST_ID_HEADER, requestId);
    const verdict = bodyVerdict(c);
    if (verdict === "ok") await next();
    else if (verdict === "too_large") c.res = tooLarge(c);
    else if (verdict === "encoded") c.res = encoded(c);
    else {
      // hono's middleware answers 413 by returning the response, as compose expects.
      const res = await streamingLimit(c, next);
      if (res instanceof Response) c.res = res;
    }
    applyResponseHeaders(c);
    log(accessLine(c, started, requestId));
  };
}
