import Database from "better-sqlite3";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEFAULT_INTERVENTIONS } from "../../src/core/dealer-config/interventions.js";
import { DEMO_DEALER } from "../../src/db/seed-demo.js";
import { ARTIFACTS_DIR, axeViolations } from "../support/browser.js";
import { focused } from "../support/pages.js";
import {
  AXE_READY,
  admin,
  bookAt,
  bookSomewhere,
  DAY,
  explained,
  getAppointment,
  recordPage,
  signedInPage,
  slotOf,
  useBoardWorld,
} from "../support/board.js";

// The advisors' page in a real Chromium against the real server, two server processes
// over one file (WORKERS=2): pages, API calls and the live stream may each land on either.

const bw = useBoardWorld({ WORKERS: "2" });

const DOCS_BOARD = new URL("../../docs/board.png", import.meta.url).pathname;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${ARTIFACTS_DIR}board-${name}.png`, fullPage: true });
const row = (page: Page, advisorId: string) => page.locator(`li.row[data-advisor="${advisorId}"]`);

/** x of a local time on a track, for a drop (range 08:00–19:00 on an empty-enough day). */
async function trackPoint(page: Page, advisorId: string, time: string) {
  const track = row(page, advisorId).locator("ul.track");
  const box = (await track.boundingBox())!;
  const [h, m] = time.split(":").map(Number);
  return { track, position: { x: ((h * 60 + m - 480) / 660) * box.width, y: box.height / 2 } };
}

describe("the advisors' day", () => {
  it("signs in with a key, shows the day, and moves an appointment by keyboard: the API has the new time and version", async () => {
    const a = await bookAt(bw.world.api, "10:00", "giulia", "Anna Keyboard");
    const page = await signedInPage(bw.browser, bw.world);
    const slot = slotOf(page, a.id);
    await expect(slot.getAttribute("aria-label")).resolves.toMatch(/reception 10:00–10:15, requested, Giulia Romano/);
    // The customer's name, phone and vehicle on focus.
    await slot.focus();
    await page
      .getByRole("tooltip")
      .filter({ hasText: "Anna Keyboard" })
      .filter({ hasText: "+39 333 1234567" })
      .filter({ hasText: "Grecale" })
      .waitFor();
    // The workshop by technician: the booking's labour is planned on a named technician.
    const job = page.locator(`[data-slot="technicians"] li[data-technician] li[data-appointment="${a.id}"]`);
    await expect(job.textContent()).resolves.toMatch(/^\d\d:\d\d–\d\d:\d\d · \w+ · planned · Anna Keyboard$/);
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await row(page, "marco").locator(`button.slot[data-appointment="${a.id}"][data-start="10:30"]`).waitFor();
    const after = await getAppointment(bw.world.api, a.id);
    expect(after.reception).toMatchObject({ start: `${DAY}T10:30:00+01:00`, advisorId: "marco" });
    expect(after.version).toBe(a.version + 1);
    await shot(page, "keyboard-move");
    await page.context().close();
  }, 60_000);

  it("moves an appointment by drag and drop", async () => {
    const a = await bookAt(bw.world.api, "15:00", "giulia", "Bruno Drag");
    const page = await signedInPage(bw.browser, bw.world);
    const { track, position } = await trackPoint(page, "luca", "16:02");
    await slotOf(page, a.id).dragTo(track, { sourcePosition: { x: 1, y: 5 }, targetPosition: position });
    await row(page, "luca")
      .locator(`button.slot[data-appointment="${a.id}"][data-start="16:00"]`)
      .waitFor({ timeout: 5000 })
      .catch(async (e) => {
        await shot(page, "drag-fail");
        console.log(await page.locator("body").innerText());
        throw e;
      });
    const after = await getAppointment(bw.world.api, a.id);
    expect(after.reception).toMatchObject({ start: `${DAY}T16:00:00+01:00`, advisorId: "luca" });
    expect(after.version).toBe(a.version + 1);
    await page.context().close();
  }, 60_000);
});

describe("signing in and out by keyboard", () => {
  it("focus goes to the new page's heading each time, not to <body>", async () => {
    const context = await bw.browser.newContext({ locale: "en-GB", ...AXE_READY });
    const page = await context.newPage();
    await page.goto(`${bw.world.server.baseUrl}/board?date=${DAY}&dealer=demo&lang=en`);
    await page.getByLabel("API key").focus();
    await page.keyboard.type(bw.world.key);
    await page.keyboard.press("Enter");
    await page.locator(".timeline").waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe("h1");
    expect((await focused(page)).name).toMatch(/^Pitlane · Advisors' day/);
    await page.getByRole("button", { name: "Sign out" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Sign in to the advisors' day" }).waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe("Sign in to the advisors' day");
    // A wrong key: the sentence, and the focus back on the key to type it again (not <body>).
    await page.getByLabel("API key").focus();
    await page.keyboard.type("pk_not-a-key-of-this-dealer");
    await page.keyboard.press("Tab"); // to the button, as a keyboard user signs in
    await page.keyboard.press("Enter");
    await page
      .getByRole("alert")
      .filter({ hasText: "This key does not open the board of the dealer “demo”" })
      .waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe("API key");
    await context.close();
  }, 60_000);
});

describe("the first load", () => {
  it("logs no console error: not signed in (the page's session probe), signed in, nor reloaded with the session", async () => {
    const context = await bw.browser.newContext({ locale: "en-GB", ...AXE_READY });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    const log = recordPage(page);
    await explained(page, log, "first-load", async () => {
      await page.goto(`${bw.world.server.baseUrl}/board?date=${DAY}&dealer=demo&lang=en`);
      await page.getByLabel("API key").fill(bw.world.key);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.locator('[data-live="on"]').waitFor();
      await page.reload();
      await page.locator('[data-live="on"]').waitFor();
    });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe("a narrow screen", () => {
  it("at 390 px the timeline scrolls inside its card; the page itself does not scroll sideways", async () => {
    await bookSomewhere(bw.world.api, "17:00", "Nora Narrow"); // a late slot: the track's full width
    const page = await signedInPage(bw.browser, bw.world);
    await page.setViewportSize({ width: 390, height: 800 });
    const widths = () =>
      page.evaluate(() => {
        const doc = (
          globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
        ).document;
        return { page: doc.documentElement.scrollWidth, viewport: doc.documentElement.clientWidth };
      });
    await expect.poll(async () => (await widths()).page).toBeLessThanOrEqual((await widths()).viewport);
    await shot(page, "narrow");
    await page.context().close();
  }, 60_000);
});

describe("an empty day", () => {
  it("is axe-clean: the sideways-scrolling timeline is reachable by keyboard without any slot in it", async () => {
    const page = await signedInPage(bw.browser, bw.world);
    // Sunday 29 November: closed, nothing booked (the session cookie outlives the navigation).
    await page.goto(`${bw.world.server.baseUrl}/board?date=2026-11-29&dealer=demo&lang=en`);
    await page.getByText("Sunday, 29 November 2026").waitFor();
    await page.locator(".timeline").waitFor();
    expect(await page.locator("button.slot").count()).toBe(0);
    // No online request is late: the panel says what it lists (those unconfirmed for over
    // 24 h), not "No request waits for confirmation" above requested appointments.
    await page
      .getByRole("region", { name: "Waiting for confirmation" })
      .getByText("No online request has waited more than 24 hours for confirmation.", { exact: true })
      .waitFor({ timeout: 5000 });
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.context().close();
  }, 60_000);
});

/**
 * What the advisor saw, recorded in the page at every DOM change (before the browser
 * paints it): where each day's timeline was scrolled when it first appeared, and any
 * moment a timeline stood under another day's header. Polling from the test cannot see
 * a state that lasts one frame; this can.
 */
function watchTimeline() {
  const w = globalThis as unknown as Record<string, unknown> & {
    document: { querySelector(s: string): { scrollLeft: number; getAttribute(a: string): string | null } | null };
    MutationObserver: new (cb: () => void) => { observe(target: unknown, options: object): void };
  };
  const firstScroll: Record<string, number> = {};
  const mismatches: string[] = [];
  w.seen = { firstScroll, mismatches };
  new w.MutationObserver(() => {
    const wrap = w.document.querySelector(".timeline-wrap");
    if (!wrap) return;
    const day = wrap.getAttribute("data-date") ?? "?";
    if (!(day in firstScroll)) firstScroll[day] = wrap.scrollLeft;
    const header = w.document.querySelector(".daynav .date")?.getAttribute("data-date");
    if (header !== day) mismatches.push(`${day} under ${header}`);
  }).observe(w.document, { childList: true, subtree: true, characterData: true, attributes: true });
}
const seen = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as { seen: { firstScroll: Record<string, number>; mismatches: string[] } }).seen,
  );

/** The desk PC's clock in these tests: Monday 7 December, a fortnight past the server's. */
const DESK_PC = "2026-12-07T01:00:00Z";

/**
 * A page signed in with the browser's clock fixed at `browser` (a UTC browser, 1280 px
 * wide) and, with `server`, the server's clock at that instant as each day read says it
 * (the day's `now`; the test server's own stands at Monday 23 November 10:00 in Rome).
 */
async function signedInAt(browser: string, server?: string) {
  const context = await bw.browser.newContext({
    locale: "en-GB",
    timezoneId: "UTC",
    viewport: { width: 1280, height: 800 },
    ...AXE_READY,
  });
  await context.clock.setFixedTime(new Date(browser));
  if (server)
    await context.route("**/v1/dealers/demo/days/*", async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), now: server } });
    });
  await context.addInitScript(watchTimeline);
  const page = await context.newPage();
  const log = recordPage(page);
  await page.goto(`${bw.world.server.baseUrl}/board?dealer=demo&lang=en`);
  await page.getByLabel("API key").fill(bw.world.key);
  await page.getByRole("button", { name: "Sign in" }).click();
  return { context, page, log };
}
/** The timeline of `date` is on the page (its answer has arrived and been drawn). */
const timelineOf = (page: Page, date: string) => page.locator(`.timeline-wrap[data-date="${date}"]`).waitFor();

describe("today", () => {
  it("is the server's date, not the desk PC's: with the PC on 7 December the board opens on the server's Monday 23 November, and Today goes back to it", async () => {
    const { context, page, log } = await signedInAt(DESK_PC);
    await explained(page, log, "today-server", async () => {
      await page.locator(".daynav .date", { hasText: "Monday, 23 November 2026" }).waitFor();
      await timelineOf(page, "2026-11-23");
      await page.getByRole("button", { name: "Next day" }).click();
      await timelineOf(page, "2026-11-24");
      await page.getByRole("button", { name: "Today" }).click();
      await page.locator(".daynav .date", { hasText: "Monday, 23 November 2026" }).waitFor();
      await timelineOf(page, "2026-11-23");
      expect((await seen(page)).mismatches).toEqual([]);
    });
    await context.close();
  }, 60_000);

  it("is the dealer's date, not UTC's: at 00:30 in Rome the board opens on the new day, and Today goes back to it", async () => {
    // 23:30 UTC on Monday is 00:30 on Tuesday 24 November in Rome; the browser runs on UTC.
    const { context, page, log } = await signedInAt(DESK_PC, "2026-11-23T23:30:00.000Z");
    await explained(page, log, "today", async () => {
      await page.locator(".daynav .date", { hasText: "Tuesday, 24 November 2026" }).waitFor();
      await timelineOf(page, "2026-11-24");
      await page.getByRole("button", { name: "Previous day" }).click();
      await page.locator(".daynav .date", { hasText: "Monday, 23 November 2026" }).waitFor();
      await timelineOf(page, "2026-11-23");
      await page.getByRole("button", { name: "Today" }).click();
      await page.locator(".daynav .date", { hasText: "Tuesday, 24 November 2026" }).waitFor();
      await timelineOf(page, "2026-11-24");
      // The browser's own date (7 December) was read first to learn the zone: its board was
      // never drawn under Tuesday's header, nor any day's under another's.
      expect((await seen(page)).mismatches).toEqual([]);
    });
    await context.close();
  }, 60_000);
});

describe("a slow answer", () => {
  it("for a day the advisor already left is not drawn under the new day's header", async () => {
    const a = await bookAt(bw.world.api, "12:00", "giulia", "Slow Answer");
    const context = await bw.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1400, height: 900 },
      ...AXE_READY,
    });
    const page = await context.newPage();
    // Tuesday's day board answers late; Monday's at once.
    await page.route(`**/days/${DAY}`, async (route) => {
      const res = await route.fetch();
      await new Promise((r) => setTimeout(r, 1500));
      await route.fulfill({ response: res });
    });
    await page.goto(`${bw.world.server.baseUrl}/board?date=${DAY}&dealer=demo&lang=en`);
    await page.getByLabel("API key").fill(bw.world.key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Previous day" }).click();
    await page.locator(".daynav .date", { hasText: "Monday, 23 November 2026" }).waitFor();
    await page.waitForTimeout(2500); // Tuesday's answer has arrived by now
    await expect(page.locator(".daynav .date").textContent()).resolves.toContain("Monday, 23 November 2026");
    expect(await slotOf(page, a.id).count()).toBe(0);
    await context.close();
  }, 60_000);
});

describe("a day that could not be loaded", () => {
  // Another day than the shared DAY: these appointments stay off the other tests' timeline.
  const FAILING_DAY = "2026-11-26";

  it("says so in words where the day goes, and shows it by itself once the server answers again", async () => {
    const a = await bookAt(bw.world.api, "09:00", "giulia", "Late Answer", FAILING_DAY);
    const context = await bw.browser.newContext({
      locale: "en-GB",
      viewport: { width: 1400, height: 900 },
      ...AXE_READY,
    });
    const page = await context.newPage();
    // The first two reads of the day fail as a dropped connection would; the live stream
    // stays up, so nothing but the page's own retry asks again.
    let failures = 2;
    await page.route(`**/days/${FAILING_DAY}`, (route) =>
      failures-- > 0 ? route.abort("connectionreset") : route.continue(),
    );
    await page.goto(`${bw.world.server.baseUrl}/board?date=${FAILING_DAY}&dealer=demo&lang=en`);
    await page.getByLabel("API key").fill(bw.world.key);
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "The day could not be loaded" });
    await alert.waitFor();
    expect(await alert.getByRole("button", { name: "Try again now" }).isVisible()).toBe(true);
    await slotOf(page, a.id).waitFor({ timeout: 15_000 }); // second retry after 2 + 4 s
    expect(await alert.count()).toBe(0);
    await context.close();
  }, 60_000);

  it("asks again at once with the button", async () => {
    const a = await bookAt(bw.world.api, "09:30", "giulia", "Button Retry", FAILING_DAY);
    const context = await bw.browser.newContext({
      locale: "it-IT",
      viewport: { width: 1400, height: 900 },
      ...AXE_READY,
    });
    const page = await context.newPage();
    let down = true; // until the alert has been checked: the automatic retries fail too
    let failed = 0;
    await page.route(`**/days/${FAILING_DAY}`, (route) =>
      down ? (failed++, route.abort("connectionreset")) : route.continue(),
    );
    await page.goto(`${bw.world.server.baseUrl}/board?date=${FAILING_DAY}&dealer=demo&lang=it`);
    await page.getByLabel("Chiave API").fill(bw.world.key);
    await page.getByRole("button", { name: "Accedi" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Non è stato possibile caricare la giornata" });
    await alert.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Right after the first automatic retry failed (2 s after the first load), the next one
    // is 4 s away: a request within 1.5 s of the click can only be the click's.
    await expect.poll(() => failed, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    down = false;
    const asked = page.waitForRequest((r) => r.url().includes(`/days/${FAILING_DAY}`), { timeout: 1_500 });
    await alert.getByRole("button", { name: "Riprova ora" }).click();
    await asked;
    await slotOf(page, a.id).waitFor({ timeout: 2_000 });
    expect(await alert.count()).toBe(0);
    // Its button gone, focus is on the day it brought, not lost to <body>.
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ===
        "timeline-title",
    );
    await context.close();
  }, 60_000);
});

describe("where the day opens", () => {
  it("today opens on the hour before now (15:00 in Rome: the afternoon is on screen), another day on the morning", async () => {
    // 14:00 UTC is 15:00 in Rome, by the server's clock; the desk PC's says 01:00 on 7 December.
    const { context, page, log } = await signedInAt(DESK_PC, "2026-11-24T14:00:00.000Z");
    await explained(page, log, "opens", async () => {
      const onScreen = async (label: string) => {
        const wrap = (await page.locator(".timeline-wrap").boundingBox())!;
        const mark = (await page.locator(".hours .scale span", { hasText: label }).boundingBox())!;
        return mark.x >= wrap.x && mark.x + mark.width <= wrap.x + wrap.width;
      };
      // Positions are read once the day is drawn: the polls below get their time for the
      // scroll, none of it spent waiting for the day's answer.
      await timelineOf(page, "2026-11-24");
      // 1280 px shows about three hours at the timeline's scale (a quarter hour is 4rem):
      // the hour before now, now, and the next.
      await expect.poll(() => onScreen("15:00")).toBe(true);
      await expect.poll(() => onScreen("16:00")).toBe(true);
      expect(await onScreen("09:00")).toBe(false);
      // Scrolled before it was first painted: never the morning first, then a jump.
      expect((await seen(page)).firstScroll["2026-11-24"]).toBeGreaterThan(0);
      await page.getByRole("button", { name: "Previous day" }).click();
      await timelineOf(page, "2026-11-23");
      await expect.poll(() => onScreen("09:00")).toBe(true);
    });
    await context.close();
  }, 60_000);
});

describe("re-planning the day", () => {
  it("marks an advisor absent: the plan diff appears with the customers to notify, applies in one step, and the board and the API agree", async () => {
    // Everybody is busy at 11:00, so Luca's 11:00 customer gets a new time (to notify);
    // his 16:30 customer keeps the time with a colleague.
    const busy = await Promise.all(
      ["giulia", "marco", "chiara"].map((who, i) => bookAt(bw.world.api, "11:00", who, `Busy ${i}`)),
    );
    const shifted = await bookAt(bw.world.api, "11:00", "luca", "Carla Shifted");
    const kept = await bookAt(bw.world.api, "16:30", "luca", "Dario Kept");
    const page = await signedInPage(bw.browser, bw.world);
    await page.getByRole("button", { name: "Advisor absent" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Advisor").selectOption("luca");
    await dialog.getByRole("button", { name: "Show the plan" }).click();
    const plan = dialog.getByTestId("plan");
    await plan.locator(`tr[data-appointment="${shifted.id}"]`).waitFor();
    await expect(plan.locator(`tr[data-appointment="${kept.id}"]`).innerText()).resolves.toMatch(
      /16:30 · Giulia Romano|16:30 · Marco Ferrari/,
    );
    await expect(plan.locator(`[data-notify="${shifted.id}"]`).count()).resolves.toBe(1);
    await expect(plan.locator(`[data-notify="${kept.id}"]`).count()).resolves.toBe(0);
    await expect(plan.locator(`tr[data-appointment="${shifted.id}"]`).innerText()).resolves.toContain(
      "yes: the time changes",
    );
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shot(page, "absence-plan");
    const moved = await plan
      .locator("tr[data-appointment]")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-appointment")!));
    // Where the plan moves a return, its row says to when (not only "the return time changes").
    const returnShown = new Map(
      await plan
        .locator("tr[data-appointment]")
        .evaluateAll((rows) =>
          rows.map(
            (r) =>
              [
                r.getAttribute("data-appointment")!,
                r.querySelector('[data-return="to"]')?.textContent ?? null,
              ] as const,
          ),
        ),
    );
    const before = new Map(
      await Promise.all(moved.map(async (id) => [id, await getAppointment(bw.world.api, id)] as const)),
    );
    await plan.getByRole("button", { name: "Apply the plan" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect.poll(() => row(page, "luca").locator("button.slot").count()).toBe(0);
    // Every appointment of the plan (the planner may also exchange a colleague's) is where
    // the API says, on the board; Luca has none left; untouched ones kept their version.
    expect(moved).toEqual(expect.arrayContaining([shifted.id, kept.id]));
    for (const id of moved) {
      const after = await getAppointment(bw.world.api, id);
      expect(after.reception.advisorId).not.toBe("luca");
      const time = after.reception.start.slice(11, 16);
      await row(page, after.reception.advisorId)
        .locator(`button.slot[data-appointment="${id}"][data-start="${time}"]`)
        .waitFor();
    }
    let returnsMoved = 0;
    for (const id of moved) {
      const [was, now] = [before.get(id)!.return, (await getAppointment(bw.world.api, id)).return];
      if (was?.start === now?.start && was?.advisorId === now?.advisorId) expect(returnShown.get(id)).toBeNull();
      else {
        returnsMoved++;
        expect(returnShown.get(id)).toContain(now ? now.start.slice(11, 16) : "—");
      }
    }
    expect(returnsMoved).toBeGreaterThan(0); // the 11:00 customer's return follows them
    expect((await getAppointment(bw.world.api, kept.id)).reception.start).toBe(kept.reception.start);
    expect((await getAppointment(bw.world.api, shifted.id)).reception.start).not.toBe(shifted.reception.start);
    for (const b of busy.filter((x) => !moved.includes(x.id)))
      expect((await getAppointment(bw.world.api, b.id)).version).toBe(b.version);
    await expect(page.getByTestId("notice").innerText()).resolves.toBe(
      `Plan applied: ${moved.length} appointments moved.`,
    );
    await page.context().close();
  }, 60_000);

  it("says a plan that moved one appointment in the singular", async () => {
    // Marco's first free quarter of these (the plan above may have given him one of Luca's).
    let at = "";
    for (const time of ["17:00", "16:00", "09:45", "12:00"]) {
      const ok = await bookAt(bw.world.api, time, "marco", "Nina Single").then(
        () => true,
        () => false,
      );
      if (ok) {
        at = time;
        break;
      }
    }
    const [h, m] = at.split(":").map(Number);
    const end = h * 60 + m + 15;
    const until = `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
    const page = await signedInPage(bw.browser, bw.world);
    await page.getByRole("button", { name: "Advisor absent" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Advisor").selectOption("marco");
    await dialog.getByLabel("From").fill(at);
    await dialog.getByLabel("Until").fill(until);
    await dialog.getByRole("button", { name: "Show the plan" }).click();
    const plan = dialog.getByTestId("plan");
    await expect.poll(() => plan.locator("tr[data-appointment]").count()).toBe(1);
    await plan.getByRole("button", { name: "Apply the plan" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect(page.getByTestId("notice").innerText()).resolves.toBe("Plan applied: 1 appointment moved.");
    await page.context().close();
  }, 60_000);
});

describe("live", () => {
  it("a booking made through the API appears on two open pages within 2 seconds", async () => {
    const [one, two] = await Promise.all([signedInPage(bw.browser, bw.world), signedInPage(bw.browser, bw.world)]);
    const a = await bookSomewhere(bw.world.api, "12:00", "Elena Live");
    const t0 = Date.now();
    await Promise.all([slotOf(one, a.id).waitFor({ timeout: 2000 }), slotOf(two, a.id).waitFor({ timeout: 2000 })]);
    expect(Date.now() - t0).toBeLessThan(2000);
    await Promise.all([one.context().close(), two.context().close()]);
  }, 60_000);

  it("a drag on a stale page is refused with the new state shown, and nothing moves", async () => {
    const a = await bookAt(bw.world.api, "09:00", "chiara", "Franco Stale");
    // This page's live stream is cut, so it keeps showing 09:00 after someone else moves it.
    const page = await signedInPage(bw.browser, bw.world, "en", { live: false });
    await slotOf(page, a.id).waitFor();
    const res = await bw.world.api(
      "PATCH",
      `/v1/dealers/demo/appointments/${a.id}`,
      { reception: { start: `${DAY}T09:30` } },
      { ...admin, "If-Match": String(a.version) },
    );
    expect(res.status).toBe(200);
    const { track, position } = await trackPoint(page, "chiara", "10:02");
    await slotOf(page, a.id).dragTo(track, { sourcePosition: { x: 1, y: 5 }, targetPosition: position });
    await page.getByTestId("notice").filter({ hasText: "Someone changed this in the meantime" }).waitFor();
    await row(page, "chiara").locator(`button.slot[data-appointment="${a.id}"][data-start="09:30"]`).waitFor();
    const after = await getAppointment(bw.world.api, a.id);
    expect(after.reception.start).toBe(`${DAY}T09:30:00+01:00`);
    expect(after.version).toBe(a.version + 1);
    await page.context().close();
  }, 60_000);
});

describe("refusals change nothing", () => {
  const stored = () => {
    const db = new Database(bw.world.server.dbPath, { readonly: true });
    try {
      return {
        appointments: db.prepare("SELECT id, version, status, reception_start FROM appointments ORDER BY id").all(),
        sessions: db.prepare("SELECT count(*) AS n FROM board_sessions").get(),
      };
    } finally {
      db.close();
    }
  };
  const cookieOf = async (page: Page) => {
    const [c] = await page.context().cookies();
    return { header: `${c.name}=${c.value}`, cookie: c };
  };

  it.each([
    {
      case: "a wrong key",
      dealer: "demo",
      lang: "en",
      key: () => "pk_not-a-key-of-this-dealer",
      said: "This key does not open the board of the dealer “demo”: check the dealer and the key.",
    },
    {
      case: "an unknown dealer",
      dealer: "nodealer",
      lang: "it",
      key: () => bw.world.key,
      said: "Questa chiave non apre la giornata della concessionaria «nodealer»: controlla la concessionaria e la chiave.",
    },
  ])(
    "$case signs nobody in, sets no cookie, and says which dealer the key does not open",
    async (c) => {
      const before = stored();
      const context = await bw.browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${bw.world.server.baseUrl}/board?dealer=${c.dealer}&lang=${c.lang}`);
      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.getByLabel(c.lang === "it" ? "Chiave API" : "API key").fill(c.key());
      await page.getByRole("button", { name: c.lang === "it" ? "Accedi" : "Sign in" }).click();
      await page.getByRole("alert").filter({ hasText: c.said }).waitFor({ timeout: 5000 });
      expect(await context.cookies()).toEqual([]);
      expect(stored()).toEqual(before);
      await context.close();
    },
    60_000,
  );

  it("the session cookie is HttpOnly and SameSite=Strict, and an expired session is refused", async () => {
    const a = await bookSomewhere(bw.world.api, "17:00", "Gina Expired");
    const page = await signedInPage(bw.browser, bw.world);
    const { header, cookie } = await cookieOf(page);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", secure: false }); // Secure off on http://127.0.0.1 only
    // No DOM types in the Node tests: only the one property the page reads.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).toBe(
      "",
    );
    const rw = new Database(bw.world.server.dbPath);
    rw.prepare("UPDATE board_sessions SET expires_at = 0").run();
    rw.close();
    const before = stored();
    const res = await fetch(`${bw.world.server.baseUrl}/v1/dealers/demo/appointments/${a.id}/cancel`, {
      method: "POST",
      headers: { cookie: header, origin: bw.world.server.baseUrl },
    });
    expect(res.status).toBe(401);
    await page.getByRole("button", { name: "Next day" }).click();
    await page.getByRole("heading", { name: "Sign in to the advisors' day" }).waitFor();
    expect(stored().appointments).toEqual(before.appointments);
    await page.context().close();
  }, 60_000);

  it("a write from another origin with the session cookie is refused (403), from the page itself it works", async () => {
    const a = await bookSomewhere(bw.world.api, "17:30", "Hugo Csrf");
    const page = await signedInPage(bw.browser, bw.world);
    const { header } = await cookieOf(page);
    const target = `${bw.world.server.baseUrl}/v1/dealers/demo/appointments/${a.id}/cancel`;
    // Same host, another port: same SITE, so SameSite=Strict still sends the cookie; the
    // Origin check is what refuses it.
    const evil = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<!doctype html><title>evil</title><form id="f" method="POST" action="${target}"></form>
        <script>fetch(${JSON.stringify(target)}, { method: "POST", credentials: "include", mode: "no-cors" })
          .finally(() => { document.title = "sent"; document.getElementById("f").submit(); });</script>`);
    });
    await new Promise<void>((r) => evil.listen(0, "127.0.0.1", r));
    const before = stored();
    const attacker = await page.context().newPage();
    await attacker.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    await attacker.waitForURL(target); // the form went, and came back refused
    expect(await attacker.locator("body").innerText()).toContain("forbidden");
    expect(stored().appointments).toEqual(before.appointments);
    const forged = await fetch(target, { method: "POST", headers: { cookie: header, origin: "http://evil.example" } });
    expect(forged.status).toBe(403);
    expect(stored().appointments).toEqual(before.appointments);
    evil.close();
    // The same cookie from the page's own origin is a staff principal.
    const own = await fetch(target, { method: "POST", headers: { cookie: header, origin: bw.world.server.baseUrl } });
    expect(own.status).toBe(200);
    await page.context().close();
  }, 60_000);
});

describe("refused moves and languages", () => {
  it("a move past the hourly cap shows the broken rule in words (Italian) and goes through with force and a reason; axe-clean", async () => {
    for (const time of ["09:00", "09:15", "09:30"]) await bookAt(bw.world.api, time, "giulia", `Cap ${time}`);
    const fourth = await bookAt(bw.world.api, "10:45", "giulia", "Ivo Forced");
    const page = await signedInPage(bw.browser, bw.world, "it");
    await page.getByRole("heading", { name: "Agenda per consulente" }).waitFor();
    await page.getByRole("heading", { name: "Tecnici" }).waitFor();
    await page.getByText(/^\d+ di 3 in uso nel momento di punta \(riservate ai veicoli prioritari: 1\)$/).waitFor(); // not "1 riservate"
    // The default skills in Italian, hours with a decimal comma ("37,5", not "37.5").
    const load = page.locator('.load[data-skill="mechanical"]');
    await expect(load.innerText()).resolves.toMatch(/^meccanica\s+\d+(,\d)? di \d+(,\d)? h$/);
    await expect(page.locator("[data-technician]").first().innerText()).resolves.toMatch(/\(meccanica/);
    // The demo dealer's technicians by their Italian names, never "mechanical 1".
    const technicians = page.locator('[data-slot="technicians"]');
    await expect(technicians.locator("[data-technician] > strong").first().innerText()).resolves.toBe(
      "Alessandro Conti",
    );
    await expect(technicians.innerText()).resolves.not.toMatch(/mechanical|diagnosis|bodywork/);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await slotOf(page, fourth.id).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Lavori: Manutenzione").waitFor(); // the service's name in Italian, not the code "maintenance"
    await dialog.getByLabel("Nuovo orario").fill("09:45");
    await dialog.getByRole("button", { name: "Sposta", exact: true }).click();
    await dialog.getByRole("alert").filter({ hasText: "troppe accettazioni nella stessa ora" }).waitFor();
    // As detailed as the English: whose hour, and the limit.
    await expect(dialog.getByRole("alert").locator("li").allInnerTexts()).resolves.toContain(
      "troppe accettazioni nella stessa ora: Giulia Romano ne avrebbe più di 3 (limite di carico dell'accettazione)",
    );
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shot(page, "refusal-it");
    expect((await getAppointment(bw.world.api, fourth.id)).version).toBe(fourth.version);
    await dialog.getByLabel("Motivo").fill("cliente abituale, solo consegna chiavi");
    await dialog.getByRole("button", { name: "Sposta comunque" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    const after = await getAppointment(bw.world.api, fourth.id);
    expect(after).toMatchObject({ forced: true, version: fourth.version + 1 });
    expect(after.reception.start).toBe(`${DAY}T09:45:00+01:00`);
    await slotOf(page, fourth.id).and(page.locator('[data-start="09:45"]')).waitFor();
    await expect(slotOf(page, fourth.id).getAttribute("aria-label")).resolves.toContain("forzato");
    await page.context().close();
  }, 60_000);

  it("the walk-in dialog offers the dealer's own catalogue, the default services in Italian on the Italian page, not by their codes; axe-clean", async () => {
    // The dealer adds a service of its own: the dialog offers it too, by its label.
    const own = { label: "Lucidatura", receptionMinutes: 15, returnMinutes: 10, labourHours: 2, skill: "bodywork" };
    const put = await bw.world.api(
      "PUT",
      "/v1/dealers/demo",
      { ...DEMO_DEALER, interventions: { ...DEFAULT_INTERVENTIONS, lucidatura: own } },
      admin,
    );
    expect(put.status).toBe(200);
    const page = await signedInPage(bw.browser, bw.world, "it");
    await page.getByRole("button", { name: "Cliente senza appuntamento" }).click();
    const work = page.getByRole("dialog").getByLabel("Lavoro");
    // The dialog opens with the default list and swaps in the dealer's once it is read:
    // wait for that answer (under load it came after a one-shot read of the options).
    await work.locator("option", { hasText: "Lucidatura" }).waitFor({ state: "attached" });
    await expect(work.locator("option").allTextContents()).resolves.toEqual([
      "Tagliando programmato",
      "Manutenzione",
      "Diagnosi di un guasto",
      "Riparazione di carrozzeria",
      "Cambio pneumatici",
      "Campagna di richiamo",
      "Lucidatura",
    ]);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.context().close();
  }, 60_000);

  it("confirms and cancels from a slot's dialog; the whole day, and the README's picture of it", async () => {
    const toConfirm = await bookSomewhere(bw.world.api, "14:30", "Laura Conferma");
    const toCancel = await bookSomewhere(bw.world.api, "15:30", "Mario Annulla");
    // A morning with some work in it, for the README's picture: each at its advisor when
    // free, else wherever there is room (earlier tests of this file booked the same day).
    for (const [time, advisor, name] of [
      ["08:30", "giulia", "Anna Greco"],
      ["09:00", "marco", "Paolo Ricci"],
      ["09:45", "chiara", "Sara Galli"],
      ["10:30", "luca", "Luca Marino"],
      ["11:15", "giulia", "Elena Conti"],
      ["12:00", "chiara", "Davide Costa"],
    ])
      await bookAt(bw.world.api, time, advisor, name).catch(() => bookSomewhere(bw.world.api, time, name));
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, toConfirm.id).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.locator(`button.slot.reception.confirmed[data-appointment="${toConfirm.id}"]`).waitFor();
    expect(await getAppointment(bw.world.api, toConfirm.id)).toMatchObject({
      status: "confirmed",
      version: toConfirm.version + 1,
    });
    await slotOf(page, toCancel.id).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel appointment" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, cancel it" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await slotOf(page, toCancel.id).waitFor({ state: "detached" });
    expect((await getAppointment(bw.world.api, toCancel.id)).status).toBe("cancelled");
    await slotOf(page, toConfirm.id).hover();
    await page.getByRole("tooltip").filter({ hasText: "Laura Conferma" }).waitFor();
    await shot(page, "tooltip");
    await page.mouse.move(0, 0);
    await page.locator(".timeline-wrap").evaluate((el) => (el.scrollLeft = 0));
    await shot(page, "day");
    await page.context().close();
    // The README's picture: what an advisor sees first on opening the day (the viewport of
    // a fresh page: no notice left from the actions above). docs/board.png with
    // `PITLANE_DOCS_SHOTS=1 npx vitest run test/browser/board.test.ts -t "the whole day"`
    // (this test alone: the file's other tests book the same day).
    const fresh = await signedInPage(bw.browser, bw.world);
    await fresh.screenshot({ path: process.env.PITLANE_DOCS_SHOTS ? DOCS_BOARD : `${ARTIFACTS_DIR}board-readme.png` });
    await fresh.context().close();
  }, 60_000);
});
