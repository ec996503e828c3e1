import { afterAll, describe, expect, it } from "vitest";
import { addressKey, TokenBuckets } from "../../src/api/rate-limit.js";
import { spawnServer } from "../support/server.js";
import { auth, expectProblem, fetchApi } from "../support/http.js";
import { bearer, freshBooking, ORIGINS, OTHER, OWN, twoTenants, type Tenants } from "../support/tenants.js";

// Abuse limits on the public routes: token buckets per client address and per dealer,
// 429 rate_limited with Retry-After. Staff routes and authenticated staff are not limited.

describe("TokenBuckets (pure, clock injected)", () => {
  it("lets a burst through, then one token per 1/rate seconds, with Retry-After rounded up", () => {
    let now = 0;
    const b = new TokenBuckets({ perSecond: 2, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => b.take("x").ok)).toEqual([true, true, true]);
    expect(b.take("x")).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 499;
    expect(b.take("x").ok).toBe(false);
    now += 1;
    expect(b.take("x").ok).toBe(true);
    expect(b.take("y").ok).toBe(true); // keys are independent
    now += 60_000;
    expect([1, 2, 3, 4].map(() => b.take("x").ok)).toEqual([true, true, true, false]); // refills to the burst, no more
  });

  it("says how long to wait for a slow bucket (5 a minute: 12 s)", () => {
    let now = 0;
    const b = new TokenBuckets({ perSecond: 5 / 60, burst: 1 }, () => now);
    expect(b.take("x").ok).toBe(true);
    expect(b.take("x")).toEqual({ ok: false, retryAfterSeconds: 12 });
    now = 11_999;
    expect(b.take("x").ok).toBe(false);
    now = 12_000;
    expect(b.take("x").ok).toBe(true);
  });

  it("never lets a clock step back drain a bucket, and bounds the keys it remembers", () => {
    let now = 10_000;
    const b = new TokenBuckets({ perSecond: 1, burst: 2 }, () => now, 100);
    b.take("x");
    now = 0;
    expect(b.take("x").ok).toBe(true);
    for (let i = 0; i < 1000; i++) b.take(`addr-${i}`);
    expect(b.size).toBeLessThanOrEqual(100);
  });
});

describe("addressKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:0000:0000:0000:0009", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["", "unknown"],
  ])("%s → %s (one bucket per IPv6 /64)", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe("public routes in-process (address from a test header, clock stepped by hand)", () => {
  let clock = 0;
  let t: Tenants;
  const client = (ip: string, extra: Record<string, string> = {}) => ({ "x-test-client": ip, ...extra });
  const setup = async () => {
    t = await twoTenants({
      deps: {
        rateLimits: {
          search: { perSecond: 1, burst: 3 },
          booking: { perSecond: 1 / 60, burst: 2 },
          dealer: { perSecond: 1, burst: 8 },
        },
        monotonicNow: () => clock,
        clientAddress: (c) => c.req.header("x-test-client") ?? "unknown",
      },
    });
  };
  afterAll(() => t?.close());

  it("answers 429 rate_limited with Retry-After once an address spends its burst, and only that address", async () => {
    await setup();
    const search = (ip: string) => t.api("GET", `/v1/dealers/${OWN}`, undefined, client(ip));
    for (let i = 0; i < 3; i++) expect((await search("10.0.0.1")).status).toBe(200);
    const refused = await search("10.0.0.1");
    const body = await expectProblem(refused, 429, "rate_limited");
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(body.detail).toMatch(/retry in 1 s/);
    expect((await search("10.0.0.2")).status).toBe(200);
    clock += 1000;
    expect((await search("10.0.0.1")).status).toBe(200);
  });

  it("limits bookings per address tighter than searches, refusing before the body is even read, and stores nothing", async () => {
    clock += 60_000;
    const before = t.snapshot();
    const post = (ip: string, body: unknown = freshBooking()) =>
      t.api("POST", `/v1/dealers/${OWN}/appointments`, body, client(ip));
    expect((await post("10.0.1.1")).status).toBe(201);
    expect((await post("10.0.1.1", "{not json")).status).toBe(400);
    const mid = t.snapshot();
    const refused = await post("10.0.1.1");
    await expectProblem(refused, 429, "rate_limited");
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(t.snapshot()).toEqual(mid);
    expect(mid).not.toEqual(before);
  });

  it("does not limit authenticated staff of the dealer on the booking route, but does count bad tokens", async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await t.api(
            "POST",
            `/v1/dealers/${OWN}/appointments`,
            freshBooking(),
            client("10.0.2.1", bearer(t.keys.advisorOwn.secret)),
          )
        ).status,
      ).toBe(201);
    }
    const bad = client("10.0.2.2", bearer("pk_" + "B".repeat(43)));
    expect((await t.api("POST", `/v1/dealers/${OWN}/appointments`, freshBooking(), bad)).status).toBe(401);
    expect((await t.api("POST", `/v1/dealers/${OWN}/appointments`, freshBooking(), bad)).status).toBe(401);
    expect((await t.api("POST", `/v1/dealers/${OWN}/appointments`, freshBooking(), bad)).status).toBe(429);
    // A key of ANOTHER dealer is no exemption either.
    const foreign = client("10.0.2.3", bearer(t.keys.adminOther.secret));
    for (let i = 0; i < 2; i++)
      expect((await t.api("POST", `/v1/dealers/${OWN}/appointments`, freshBooking(), foreign)).status).toBe(404);
    expect((await t.api("POST", `/v1/dealers/${OWN}/appointments`, freshBooking(), foreign)).status).toBe(429);
  });

  it("caps each dealer over all addresses, independently of other dealers", async () => {
    clock += 60_000;
    let refused = 0;
    for (let i = 0; i < 12; i++) {
      const res = await t.api(
        "POST",
        `/v1/dealers/${OWN}/availability`,
        { interventions: ["check"] },
        client(`10.1.0.${i}`),
      );
      if (res.status === 429) {
        refused++;
        expect(((await res.json()) as { detail: unknown }).detail).toMatch(/dealer/);
      }
    }
    expect(refused).toBe(4); // burst 8
    expect(
      (await t.api("POST", `/v1/dealers/${OTHER}/availability`, { interventions: ["check"] }, client("10.1.0.99")))
        .status,
    ).toBe(200);
  });

  it("never limits staff routes, and keeps the widget's CORS header on a 429 so it can read Retry-After", async () => {
    for (let i = 0; i < 20; i++)
      expect(
        (await t.api("GET", `/v1/dealers/${OWN}/days/2026-11-24`, undefined, client("10.2.0.1", auth))).status,
      ).toBe(200);
    clock += 60_000;
    const origin = { Origin: ORIGINS[OWN] };
    for (let i = 0; i < 3; i++) await t.api("GET", `/v1/dealers/${OWN}`, undefined, client("10.3.0.1", origin));
    const res = await t.api("GET", `/v1/dealers/${OWN}`, undefined, client("10.3.0.1", origin));
    expect(res.status).toBe(429);
    expect(res.headers.get("access-control-allow-origin")).toBe(ORIGINS[OWN]);
    expect(res.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
  });
});

describe("the real server (per-address limits from the socket's address)", () => {
  it("answers 429 with Retry-After after the default booking burst of 10 from one address", async () => {
    // One server process: the buckets live in its memory (see the cluster case below).
    const server = await spawnServer({ env: { SEED_DEMO: "0", WORKERS: "1" } });
    try {
      const api = fetchApi(server.baseUrl);
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 12; i++) {
        const res = await api("POST", "/v1/dealers/nobody/appointments", { nonsense: true });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get("retry-after");
      }
      expect(statuses).toEqual([...Array(10).fill(400), 429, 429]);
      expect(retryAfter).toBe("12");
      expect((await api("GET", "/health")).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 30_000);
});

describe("the real server with two worker processes (WORKERS=2)", () => {
  it("lets one address at most one burst of writes across workers: 10 of 30 bookings over fresh connections pass the limit, then 429", async () => {
    // Connections are dealt out round-robin, so one address reaches every worker; but a
    // booking takes its tokens from the one writer's buckets (src/api/middleware/rate-limit.ts,
    // with the client's address), before its body is read: the write burst holds for the
    // whole server, not per worker. (Reads are still limited per worker.)
    const server = await spawnServer({ env: { SEED_DEMO: "0", WORKERS: "2" } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await fetch(`${server.baseUrl}/v1/dealers/nobody/appointments`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Connection: "close" },
          body: JSON.stringify({ nonsense: true }),
        });
        statuses.push(res.status);
      }
      expect(statuses.filter((s) => s === 400)).toHaveLength(10);
      expect(statuses.filter((s) => s !== 400 && s !== 429)).toEqual([]);
      expect(statuses.slice(-20)).toEqual(Array(20).fill(429));
    } finally {
      await server.stop();
    }
  }, 30_000);
});
