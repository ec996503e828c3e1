import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps.js";
import { ApiError } from "../errors.js";
import { addressKey, type LimitAnswer, type LimitAsk, type LimitClass, type PublicLimiters } from "../rate-limit.js";
import { type RemoteVerbs, WriterUnreachable } from "../verb-call.js";

// Applies the public routes' limits (api/rate-limit.ts): one bucket per client address
// for the route's class, then one per dealer over all addresses. Over either limit the
// caller gets 429 rate_limited with Retry-After in seconds, before any body is parsed.

export type { LimitAnswer, LimitAsk, LimitClass } from "../rate-limit.js";
export type { PublicLimiters };
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
    const ask: LimitAsk = {
      buckets,
      kind,
      address: services.clientAddress?.(c) || "unknown",
      dealerId: c.req.param("dealerId"),
    };
    // A worker that runs its bookings in the writer (api/remote-verbs.ts) takes their
    // tokens from the writer's buckets, so one address's write burst holds for the whole
    // server, as when every write was forwarded there; its own buckets only while the
    // writer is unreachable.
    const remote = kind === "booking" ? services.remoteVerbs : undefined;
    const answer = (remote && (await takeAtWriter(c, remote, ask))) || takeFrom(limiters, ask);
    if (!answer.ok) refuse(c, answer.retryAfterSeconds, answer.detail);
    await next();
  };
}

export function takeFrom(limiters: PublicLimiters, ask: LimitAsk): LimitAnswer {
  const perAddress = limiters[ask.kind].take(addressKey(ask.address));
  if (!perAddress.ok)
    return {
      ok: false,
      retryAfterSeconds: perAddress.retryAfterSeconds,
      detail: "Too many requests from this address",
    };
  if (ask.dealerId !== undefined) {
    const perDealer = limiters.dealer.take(ask.dealerId);
    if (!perDealer.ok)
      return {
        ok: false,
        retryAfterSeconds: perDealer.retryAfterSeconds,
        detail: "This dealer is receiving too many requests",
      };
  }
  return { ok: true };
}

/** The writer's answer; null when it cannot be reached (take here). */
async function takeAtWriter(c: Context, remote: RemoteVerbs, ask: LimitAsk): Promise<LimitAnswer | null> {
  try {
    return await remote.take(ask);
  } catch (e) {
    if (e instanceof WriterUnreachable) return null;
    c.header("Retry-After", "1");
    throw new ApiError("service_unavailable", "the process that stores bookings did not answer; retry");
  }
}
