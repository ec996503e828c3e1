import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS_DIR, axeViolations, launchBrowser } from "../support/browser.js";
import { admin, type BoardWorld, bookAt, DAY, getAppointment, signedInPage, slotOf, startBoardWorld } from "../support/board.js";

// The advisors' page in a real Chromium against the real server, two server processes
// over one file (WORKERS=2): pages, API calls and the live stream may each land on either.

let world: BoardWorld;
let browser: Browser;
beforeAll(async () => {
  [world, browser] = await Promise.all([startBoardWorld({ WORKERS: "2" }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await world?.server.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS_DIR}board-${name}.png`, fullPage: true });
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
    const a = await bookAt(world.api, "10:00", "giulia", "Anna Keyboard");
    const page = await signedInPage(browser, world);
    const slot = slotOf(page, a.id);
    await expect(slot.getAttribute("aria-label")).resolves.toMatch(/reception 10:00–10:15, requested, Giulia Romano/);
    // The customer's details on focus (vehicle now; name and phone with issue 12's day board).
    await slot.focus();
    await page.getByRole("tooltip").filter({ hasText: "Grecale" }).waitFor();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await row(page, "marco").locator(`button.slot[data-appointment="${a.id}"][data-start="10:30"]`).waitFor();
    const after = await getAppointment(world.api, a.id);
    expect(after.reception).toMatchObject({ start: `${DAY}T10:30:00+01:00`, advisorId: "marco" });
    expect(after.version).toBe(a.version + 1);
    await shot(page, "keyboard-move");
    await page.context().close();
  }, 60_000);

  it("moves an appointment by drag and drop", async () => {
    const a = await bookAt(world.api, "15:00", "giulia", "Bruno Drag");
    const page = await signedInPage(browser, world);
    const { track, position } = await trackPoint(page, "luca", "16:02");
    await slotOf(page, a.id).dragTo(track, { sourcePosition: { x: 1, y: 5 }, targetPosition: position });
    await row(page, "luca").locator(`button.slot[data-appointment="${a.id}"][data-start="16:00"]`).waitFor({ timeout: 5000 }).catch(async (e) => {
      await shot(page, "drag-fail");
      console.log(await page.locator("body").innerText());
      throw e;
    });
    const after = await getAppointment(world.api, a.id);
    expect(after.reception).toMatchObject({ start: `${DAY}T16:00:00+01:00`, advisorId: "luca" });
    expect(after.version).toBe(a.version + 1);
    await page.context().close();
  }, 60_000);
});
