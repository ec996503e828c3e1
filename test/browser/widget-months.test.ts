import type { BrowserContext, Page, Request } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";
import { gate, pageTurn } from "../support/gates.js";
import { auth } from "../support/http.js";
import { bookUrl, openTimes } from "../support/widget-flow.js";

// The date picker's months answered late (src/web/shared/month-days.ts): the customer
// moved on (next month, or back and on again) while a month's days were on their way.
// Only the month on screen, as asked last, is shown; the request for a month left is
// cancelled at once, and its end is neither shown nor said. The server is frozen at
// Monday 2026-11-23: the picker opens on November 2026.

const w = useWorld({ months: widgetDealer() });
let ctx: BrowserContext;
let page: Page;
beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
});
afterAll(() => ctx?.close());

const CALENDAR = "**/availability/calendar";
const button = (name: string) => page.getByRole("button", { name, exact: true });
const title = () => page.locator("#pl-cal-title").textContent();
/** What a day of the picker says after its date ("free from 08:00", "closed"…). */
const said = async (date: string) =>
  ((await page.locator(`td[data-date="${date}"]`).getAttribute("aria-label")) ?? "").replace(/^[^:]*: /, "");
/** A month's days asked by the picker (the step's own opening call names no `from`). */
const monthAsked = (r: Request, month: string) => !!(r.postDataJSON() as { from?: string }).from?.startsWith(month);

/** On the times step with the date picker open on November, its days in. */
async function openPicker(): Promise<void> {
  await openTimes(page, bookUrl(w.base, "months"));
  await button("Choose another day").click();
  await expect.poll(title).toBe("November 2026");
}

describe("a month's days answered late", () => {
  // Whatever a test changed is undone even when it fails, so the next one starts clean.
  afterEach(async () => {
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await w.api("PUT", "/v1/dealers/months", widgetDealer(), auth);
  });

  it("back and on to a month again: its first request is cancelled, and the days shown are the newer ones", async () => {
    // December's first answer is computed at once (Wednesday 2 December free), then held
    // while the dealer closes that day and the customer walks back and on to December.
    const held = gate();
    let heldRequest: Request | null = null;
    let lateSaid: boolean | undefined;
    const computed = gate();
    await page.route(CALENDAR, async (route) => {
      if (heldRequest || !monthAsked(route.request(), "2026-12")) return route.continue();
      heldRequest = route.request();
      const res = await route.fetch();
      lateSaid = ((await res.json()) as { days: { date: string; bookable: boolean }[] }).days.find(
        (d) => d.date === "2026-12-02",
      )?.bookable;
      computed.open();
      await held.shut;
      // The page cancelled it meanwhile (the month was left): nothing to answer.
      await route.fulfill({ response: res }).catch(() => {});
    });
    await openPicker();
    await page.locator("td[aria-label*='free from']").first().waitFor(); // November is in
    await button("Next month").click();
    await computed.shut;
    expect(lateSaid).toBe(true); // the late answer: 2 December free
    const closed = await w.api("PUT", "/v1/dealers/months", widgetDealer({ closures: ["2026-12-02"] }), auth);
    expect(closed.status).toBeLessThan(300);

    const cancelled = page.waitForEvent("requestfailed", { predicate: (r) => r === heldRequest, timeout: 20_000 });
    await button("Previous month").click();
    await expect.poll(title).toBe("November 2026");
    await button("Next month").click();
    await expect.poll(title).toBe("December 2026");
    await expect.poll(() => said("2026-12-02")).toBe("closed"); // asked again: as it is now

    held.open();
    expect((await cancelled).failure()?.errorText).toMatch(/ABORTED/i);
    await pageTurn(page);
    expect(await title()).toBe("December 2026");
    expect(await said("2026-12-02")).toBe("closed");
    await page.unroute(CALENDAR);
    await w.api("PUT", "/v1/dealers/months", widgetDealer(), auth);
  }, 90_000);

  it("a month left before its answer came: its request is cancelled, the next month's days stay, nothing is said", async () => {
    // November's days are held, unanswered, while December is shown.
    const held = gate();
    let heldRequest: Request | null = null;
    await page.route(CALENDAR, async (route) => {
      if (heldRequest || !monthAsked(route.request(), "2026-11")) return route.continue();
      heldRequest = route.request();
      await held.shut;
      await route.abort("connectionreset").catch(() => {});
    });
    const failed = page.waitForEvent("requestfailed", { predicate: (r) => r === heldRequest, timeout: 20_000 });
    await openPicker();
    await button("Next month").click();
    await expect.poll(title).toBe("December 2026");
    // Cancelled by the page on leaving November, while its answer is still held: on a slow
    // line the month the customer is on is not queued behind it.
    expect((await failed).failure()?.errorText).toMatch(/ABORTED/i);
    await page.locator("td[data-date^='2026-12'][aria-label*='free from']").first().waitFor();
    const december = await page
      .locator("td[data-date]")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("aria-label")));

    held.open();
    await pageTurn(page);
    expect(await title()).toBe("December 2026");
    expect(
      await page.locator("td[data-date]").evaluateAll((cells) => cells.map((c) => c.getAttribute("aria-label"))),
    ).toEqual(december);
    // Neither on the page nor in its live region: the customer is not on November.
    await expect(page.getByText(/could not reach the booking service/).count()).resolves.toBe(0);
    await page.unroute(CALENDAR);
  }, 90_000);
});
