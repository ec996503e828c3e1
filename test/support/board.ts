import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { ARTIFACTS_DIR, launchBrowserBeside } from "./browser.js";
import { ADMIN_TOKEN } from "./app.js";
import { spawnServer, type SpawnedServer } from "./server.js";
import { booking, fetchApi, type Api } from "./http.js";
import { type AppointmentView, json } from "./contracts.js";

// The advisors' page tier (test/browser/board*.test.ts): the real server with the demo
// dealer (Europe/Rome, advisors giulia, marco, chiara, luca; clock frozen at Monday
// 2026-11-23 10:00 local), an advisor key, staff bookings on Tuesday, and a signed-in page.

export const DAY = "2026-11-24";
/** The page's CSP (script-src 'self') would block axe-core's injected script. */
export const AXE_READY = { bypassCSP: true };
export const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

export interface BoardWorld {
  server: SpawnedServer;
  api: Api;
  key: string;
}

export async function startBoardWorld(env: Record<string, string> = {}): Promise<BoardWorld> {
  // 60 s to start: from src/, every server process bundles the web pages with esbuild first.
  const server = await spawnServer({
    env: { RATE_LIMITS: "off", JOURNEY_INTERVAL_MS: "0", WORKERS: "1", ...env },
    readyTimeoutMs: 60_000,
  });
  const api = fetchApi(server.baseUrl);
  try {
    const res = await api("POST", "/v1/dealers/demo/api-keys", { role: "advisor", label: "desk" }, admin);
    const body = (await res.json()) as { secret: string };
    if (res.status !== 201) throw new Error(`key: ${res.status} ${JSON.stringify(body)}`);
    return { server, api, key: body.secret };
  } catch (e) {
    await server.stop().catch(() => {}); // the caller never learns of a server whose setup failed
    throw e;
  }
}

/** A staff booking at a local time of DAY with an advisor; returns the appointment. */
export async function bookAt(
  api: Api,
  time: string,
  advisorId: string,
  name = "Marco Bianchi",
  day = DAY,
): Promise<{ id: string; version: number; reception: { start: string; advisorId: string } }> {
  const res = await api(
    "POST",
    "/v1/dealers/demo/appointments",
    booking({ start: `${day}T${time}`, advisorId }, { customer: { known: true, name, phone: "+39 333 1234567" } }),
    admin,
  );
  const body = (await res.json()) as { id: string; version: number; reception: { start: string; advisorId: string } };
  if (res.status !== 201) throw new Error(`booking ${time} ${advisorId}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * For tests where the advisor and the exact time do not matter: the first advisor free at
 * `time` or a quarter hour later, and so on (earlier tests and re-plans fill the shared
 * day, and returns land where ready times fall). On DAY (the Tuesday) unless `day` says.
 */
export async function bookSomewhere(api: Api, time: string, name: string, day = DAY): ReturnType<typeof bookAt> {
  let last: unknown;
  const [h, m] = time.split(":").map(Number);
  for (let shift = 0; shift <= 90; shift += 15) {
    const at = h * 60 + m + shift;
    const hm = `${String(Math.floor(at / 60)).padStart(2, "0")}:${String(at % 60).padStart(2, "0")}`;
    for (const who of ["marco", "giulia", "chiara", "luca"]) {
      try {
        return await bookAt(api, hm, who, name, day);
      } catch (e) {
        last = e;
      }
    }
  }
  throw last;
}

export async function getAppointment(api: Api, id: string): Promise<AppointmentView> {
  return json<AppointmentView>(await api("GET", `/v1/dealers/demo/appointments/${id}`, undefined, admin));
}

/**
 * What a page said and asked while a test drove it: console messages, script errors,
 * requests that failed or were refused. A wait that times out says only "not visible":
 * this says whether the page was still signing in, refused, or never got its day.
 */
export function recordPage(page: Page): string[] {
  const log: string[] = [];
  const at = () => new Date().toISOString().slice(11, 23);
  page.on("console", (m) => log.push(`${at()} console.${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.push(`${at()} page error: ${e.message}`));
  page.on("requestfailed", (r) => log.push(`${at()} failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => {
    if (r.status() >= 400) log.push(`${at()} ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return log;
}

/** Runs a step; when it fails, saves a screenshot and the HTML and throws with the page's record. */
export async function explained<T>(page: Page, log: string[], name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const base = `${ARTIFACTS_DIR}${name}-${Date.now()}`;
    let text = "";
    try {
      await page.screenshot({ path: `${base}.png`, fullPage: true });
      writeFileSync(`${base}.html`, await page.content());
      text = (await page.locator("body").textContent({ timeout: 2000 })) ?? "";
    } catch {} // a closed page: the record is all there is
    throw new Error(
      `${(err as Error).message}\n--- page at ${page.url()} (${base}.png/.html):\n${text}\n--- record:\n${log.join("\n")}`,
      { cause: err },
    );
  }
}

/** A fresh context (own cookies), signed in with the world's key (or `key`, of `dealer`), showing DAY. */
export async function signedInPage(
  browser: Browser,
  world: BoardWorld,
  lang = "en",
  { live = true, dealer = "demo", key = world.key } = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: lang === "it" ? "it-IT" : "en-GB",
    viewport: { width: 1400, height: 900 },
    ...AXE_READY,
  });
  const page = await context.newPage();
  const log = recordPage(page);
  // live: false cuts the event stream (as a dropped connection would): the page goes stale.
  if (!live) await page.route("**/events", (route) => route.abort());
  await explained(page, log, "sign-in", async () => {
    await page.goto(`${world.server.baseUrl}/board?date=${DAY}&dealer=${dealer}&lang=${lang}`);
    await page.getByLabel(lang === "it" ? "Chiave API" : "API key").fill(key);
    await page.getByRole("button", { name: lang === "it" ? "Accedi" : "Sign in" }).click();
    await page.locator(".timeline").waitFor();
    await page.locator(`[data-live="${live ? "on" : "off"}"]`).waitFor();
  });
  return page;
}

/** Waits (5 s at most) until the keyboard focus is on the element `selector` matches. */
export const focusMovesTo = (page: Page, selector: string) =>
  page.waitForFunction(`document.activeElement?.matches(${JSON.stringify(selector)})`, undefined, { timeout: 5000 });

/** The slot button of an appointment's reception (or return). */
export const slotOf = (page: Page, id: string, kind = "reception") =>
  page.locator(`button.slot[data-appointment="${id}"][data-kind="${kind}"]`);

/** This file's board world and browser, started before its tests and stopped after (`bw.world`, `bw.browser`). */
export function useBoardWorld(env: Record<string, string> = {}): { world: BoardWorld; browser: Browser } {
  const bw = {} as { world: BoardWorld; browser: Browser };
  beforeAll(async () => {
    [bw.world, bw.browser] = await launchBrowserBeside(startBoardWorld(env), (w) => w.server.stop());
  }, 120_000);
  afterAll(async () => {
    await bw.browser?.close();
    await bw.world?.server.stop();
  });
  return bw;
}
