import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { addressKey } from "../rate-limit.js";

// Applies the public routes' limits (api/rate-limit.ts): one bucket per client address
// for the route's class, then one per dealer over all addresses. Over either limit the
// caller gets 429 rate_limited with Retry-After in seconds, before any body is parsed.

export type LimitClass = "search" | "booking";
export type { PublicLimiters } from "../rate-limit.js";
export { createLimiters } from "../rate-limit.js";

export interface RateLimitOptions {
  /** Requests that skip the limits (e.g. authenticated staff of this dealer). */
  exempt?: (c: Context<AppEnv>) => boolean;
}

function refuse(c: Context, retryAfterSeconds: number, detail: string): never {
  // Set before throwing: the error handler's response keeps headers already set on c.
  c.header("Retry-After", String(retryAfterSeconds));
  throw new ApiError("rate_limited", `${detail}; retry in ${retryAfterSeconds} s`);
}

/** `buckets`: the app's (services.limiters) API or hosted-page buckets; no limiters (turned off): no limit. */
export function rateLimit(
  buckets: "api" | "pages",
  kind: LimitClass,
  opts: RateLimitOptions = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const services = c.get("services");
    const limiters = services.limiters?.[buckets];
    if (!limiters || opts.exempt?.(c)) return next();
    const perAddress = limiters[kind].take(addressKey(services.clientAddress?.(c) || "unknown"));
    if (!perAddress.ok) refuse(c, perAddress.retryAfterSeconds, "Too many requests from this address");
    const dealerId = c.req.param("dealerId");
    if (dealerId !== undefined) {
      const perDealer = limiters.dealer.take(dealerId);
      if (!perDealer.ok) refuse(c, perDealer.retryAfterSeconds, "This dealer is receiving too many requests");
    }
    await next();
  };
}
