// Token buckets for the public routes' abuse limits. Pure and synchronous: the clock is
// injected (monotonic milliseconds), so tests step time by hand and nothing here knows
// about HTTP. One TokenBuckets instance per limit; its keys are addresses or dealer ids.
//
// Trap: the clock must be monotonic and real. deps.now() can be frozen by SCHEDULER_NOW,
// and a bucket whose clock never moves never refills (every caller locked out for good).

export interface BucketSpec {
  /** Tokens added per second (5/60 = five a minute). */
  perSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
}

export interface RateLimits {
  /** Per client address: reads (dealer info, availability search, a customer's manage view). */
  search: BucketSpec;
  /** Per client address: writes (booking, a customer's cancel). */
  booking: BucketSpec;
  /** Per dealer, over all addresses: every public request naming that dealer. */
  dealer: BucketSpec;
}

/** Generous for people and widgets, tight enough to stop a script booking out a calendar. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  search: { perSecond: 20, burst: 60 },
  booking: { perSecond: 5 / 60, burst: 10 },
  dealer: { perSecond: 200, burst: 400 },
};

/**
 * The bucket key for a client address. IPv6 clients are keyed by their /64: one customer
 * line usually gets a whole /64, so keying single addresses would hand an abuser 2^64
 * buckets. IPv4 (and IPv4-mapped IPv6) addresses are keyed as they are.
 */
export function addressKey(address: string): string {
  const a = address.trim().toLowerCase().replace(/%.*$/, ""); // drop a zone id ("%eth0")
  if (!a.includes(":")) return a || "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1];
  const [head, tail] = a.includes("::") ? a.split("::", 2) : [a, undefined];
  const h = head ? head.split(":") : [];
  const t = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

const OK: Take = { ok: true };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  // Map iteration is insertion order; take() re-inserts on use, so the first entries
  // are the least recently used ones (what eviction drops when it must).
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly spec: BucketSpec,
    private readonly now: () => number,
    /** Bound on remembered keys, so a flood of distinct addresses cannot grow memory. */
    private readonly maxKeys = 50_000,
  ) {
    if (!(spec.perSecond > 0) || !(spec.burst >= 1))
      throw new RangeError("a bucket needs perSecond > 0 and burst >= 1");
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string, cost = 1): Take {
    const { perSecond, burst } = this.spec;
    const t = this.now();
    let b = this.buckets.get(key);
    if (b) {
      this.buckets.delete(key);
      // max(0, …): a clock that steps back must not drain the bucket.
      b.tokens = Math.min(burst, b.tokens + (Math.max(0, t - b.at) / 1000) * perSecond);
      b.at = t;
    } else {
      if (this.buckets.size >= this.maxKeys) this.evict(t);
      b = { tokens: burst, at: t };
    }
    this.buckets.set(key, b);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return OK;
    }
    // Whole seconds, rounded up and at least 1: Retry-After has no fractions, and a
    // client that waits exactly this long finds the token there.
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - b.tokens) / perSecond)) };
  }

  /** Drops buckets that have refilled (same as never seen); if none, the least recently used tenth. */
  private evict(t: number): void {
    const { perSecond, burst } = this.spec;
    for (const [k, b] of this.buckets) {
      if (b.tokens + (Math.max(0, t - b.at) / 1000) * perSecond >= burst) this.buckets.delete(k);
    }
    if (this.buckets.size < this.maxKeys) return;
    let drop = Math.max(1, Math.floor(this.maxKeys / 10));
    for (const k of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(k);
    }
  }
}

export type LimitClass = "search" | "booking";

/** One request's claim on the limits: its address's bucket of `kind`, then its dealer's. */
export interface LimitAsk {
  buckets: "api" | "pages";
  kind: LimitClass;
  address: string;
  dealerId?: string;
}
export type LimitAnswer = { ok: true } | { ok: false; retryAfterSeconds: number; detail: string };

// The buckets the public routes take from (api/middleware/rate-limit.ts).
export interface PublicLimiters {
  search: TokenBuckets;
  booking: TokenBuckets;
  dealer: TokenBuckets;
}

/** null when the deps turn rate limits off. */
export function createLimiters(deps: {
  rateLimits?: RateLimits | false;
  monotonicNow?: () => number;
}): PublicLimiters | null {
  if (deps.rateLimits === false) return null;
  const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const now = deps.monotonicNow ?? (() => performance.now());
  return {
    search: new TokenBuckets(limits.search, now),
    booking: new TokenBuckets(limits.booking, now),
    dealer: new TokenBuckets(limits.dealer, now),
  };
}
