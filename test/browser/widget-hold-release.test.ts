import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";
import { waitForText } from "../support/pages.js";
import { bookUrl, holdTime, longTimers, openTimes } from "../support/widget-flow.js";

// Giving a hold back (src/web/widget/hold.ts): a DELETE waited for 3 s at most, and only
// when there is a hold. The times step's Continue gives back any hold before placing one;
// with none (the first time chosen) it sends nothing and starts no wait.

const w = useWorld({ release: widgetDealer() });
let ctx: BrowserContext;
let page: Page;
beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
});
afterAll(() => ctx?.close());

describe("giving a hold back", () => {
  it("with no hold to give back, a time is held without a DELETE or a 3 s wait; Back gives the hold back", async () => {
    const timers = await longTimers(page);
    const deletes: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "DELETE" && r.url().includes("/holds/")) deletes.push(r.url());
    });
    const times = await openTimes(page, bookUrl(w.base, "release"));
    expect((await holdTime(page, times[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    expect(deletes).toEqual([]);
    expect(await timers()).toBe(0);

    // The hold given back: its DELETE, and the wait that bounds it (the count is honest).
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await waitForText(page, "Choose a day and time");
    await expect.poll(() => deletes.length).toBe(1);
    expect(await timers()).toBe(1);
    // Held again from there: nothing more to give back, so nothing more sent or waited for.
    await page.locator("input[type=radio]:checked").waitFor();
    expect((await holdTime(page, times[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    expect(deletes).toHaveLength(1);
    expect(await timers()).toBe(1);
  }, 90_000);
});
