import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { spawnServer, type SpawnedServer } from "./server.js";
import { auth, fetchApi, type Api } from "./http.js";
import { launchBrowserBeside } from "./browser.js";

// The browser tier's world: the REAL server (frozen at Monday 2026-11-23 10:00 in Rome,
// no rate limits: one test address does everything) and one Chromium per file.

/** Roma Est, small on purpose: one advisor, so every start of a day is one option. */
export function widgetDealer(overrides: Record<string, unknown> = {}) {
  return {
    name: "Roma Est",
    timeZone: "Europe/Rome",
    locale: "it",
    address: "Via Tiburtina 1000, Roma",
    parking: "Customer bays 1-6, front entrance",
    advisors: [{ id: "anna", name: "Anna Rossi" }],
    mobility: { courtesyCars: 2, pickupDelivery: 1, taxi: true, rental: false, shuttle: false },
    ...overrides,
  };
}

export interface World {
  server: SpawnedServer;
  api: Api;
  browser: Browser;
  base: string;
}

export function useWorld(
  dealers: Record<string, Record<string, unknown>> | (() => Record<string, Record<string, unknown>>),
): World {
  const w = {} as World;
  beforeAll(async () => {
    [w.server, w.browser] = await launchBrowserBeside(
      spawnServer({ env: { SEED_DEMO: "0", RATE_LIMITS: "off" }, readyTimeoutMs: 60_000 }),
      (server) => server.stop(),
    );
    w.base = w.server.baseUrl;
    w.api = fetchApi(w.base);
    for (const [id, config] of Object.entries(typeof dealers === "function" ? dealers() : dealers)) {
      const res = await w.api("PUT", `/v1/dealers/${id}`, config, auth);
      if (res.status >= 300) throw new Error(`PUT ${id}: ${res.status} ${await res.text()}`);
    }
  }, 90_000);
  afterAll(async () => {
    await w.browser?.close();
    await w.server?.stop();
  });
  return w;
}

/** A customer's browser at a desk in Rome: British English, 820 × 900. */
export const CUSTOMER_DESK = { locale: "en-GB", timezoneId: "Europe/Rome", viewport: { width: 820, height: 900 } };

/** A fresh context and page for a customer (CUSTOMER_DESK); the test file closes the context. */
export async function customerPage(browser: Browser): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext(CUSTOMER_DESK);
  return { ctx, page: await ctx.newPage() };
}
