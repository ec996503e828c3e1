import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { addressKey, DEFAULT_RATE_LIMITS, TokenBuckets } from "../rate-limit.js";

// Applies the public routes' limits (api/rate-limit.ts): one bucket per client address
// for the route's class, then one per dealer over all addresses. Over either limit the
// caller gets 429 rate_limited with Retry-After in seconds, before any body is parsed.

export type LimitClass = "search" | "booking";

export interface PublicLimiters {
  search: TokenBuckets;
  booking: TokenBuckets;
  dealer: TokenBuckets;
}

/** null when the deps turn rate limits off. */
export function createLimiters(deps: Pick<AppDeps, "rateLimits" | "monotonicNow">): PublicLimiters | null {
  if (deps.rateLimits === false) return null;
  const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const now = deps.monotonicNow ?? (() => performance.now());
  return {
    search: new TokenBuckets(limits.search, now),
    booking: new TokenBuckets(limits.booking, now),
    dealer: new TokenBuckets(limits.dealer, now),
  };
}

export interface RateLimitOptions {
  clientAddress: (c: Context) => string;
  /** Requests that skip the limits (e.g. authenticated staff of this dealer). */
  exempt?: (c: Context<AppEnv>) => boolean;
}

function refuse(c: Context, retryAfterSeconds: number, detail: string): never {
  // Set before throwing: the error handler's response keeps headers already set on c.
  c.header("Retry-After", String(retryAfterSeconds));
  throw new ApiError("rate_limited", `${detail}; retry in ${retryAfterSeconds} s`);
}

export function rateLimit(limiters: PublicLimiters, kind: LimitClass, opts: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (opts.exempt?.(c)) return next();
    const perAddress = limiters[kind].take(addressKey(opts.clientAddress(c) || "unknown"));
    if (!perAddress.ok) refuse(c, perAddress.retryAfterSeconds, "Too many requests from this address");
    const dealerId = c.req.param("dealerId");
    if (dealerId !== undefined) {
      const perDealer = limiters.dealer.take(dealerId);
      if (!perDealer.ok) refuse(c, perDealer.retryAfterSeconds, "This dealer is receiving too many requests");
    }
    await next();
  };
}
