import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpoint, plainSite, waitForText } from "../support/pages.js";
import { fillAndBook, holdTime, openTimes } from "../support/widget-flow.js";
import { useWorld, widgetDealer } from "../support/browser-world.js";

// The two lines a dealer pastes, on a page of another origin (a second 127.0.0.1 port):
// it books when that origin is in the dealer's widgetOrigins, and is refused (in words)
// when not. The dealer's CSS cannot break the widget, their custom properties theme it,
// and a customer abroad is told whose clock the times are on. The hosted page may be
// framed by the listed origin only.

let site: Awaited<ReturnType<typeof plainSite>>;
let pitlane = "";
beforeAll(async () => {
  site = await plainSite((path) => {
    const dealer = path.includes("unlisted") ? "unlisted" : "listed";
    if (path.startsWith("/frame"))
      return `<!doctype html><html lang="en"><title>Frame</title><iframe title="Booking" src="${pitlane}/book/${dealer}?lang=en" width="800" height="600"></iframe>`;
    return `<!doctype html><html lang="en"><head><title>Dealer site</title>
<style>
  button, input, label { display: none !important; font-size: 4px !important; }
  pitlane-booking { --pitlane-accent: rgb(122, 0, 40); }
</style>
<script type="module" src="${pitlane}/widget.js"></script></head>
<body><main><h1>Our workshop</h1>
<pitlane-booking dealer="${dealer}" lang="en" interventions="maintenance" vehicle-model="Grecale"></pitlane-booking>
</main></body></html>`;
  });
});
const w = useWorld(() => {
  return { listed: widgetDealer({ widgetOrigins: [site.origin] }), unlisted: widgetDealer() };
});
beforeAll(() => {
  pitlane = w.base;
});
afterAll(() => site?.close());

let ctx: BrowserContext;
let page: Page;
beforeAll(async () => {
  ctx = await w.browser.newContext({
    locale: "en-US",
    timezoneId: "America/New_York",
    viewport: { width: 820, height: 900 },
  });
  page = await ctx.newPage();
});
afterAll(() => ctx?.close());

describe("the widget on a dealer's own site", () => {
  it("books from a listed origin, themed by the site, untouched by its CSS, in the dealer's time zone", async () => {
    const times = await openTimes(page, `${site.origin}/listed`);
    const next = page.getByRole("button", { name: "Continue", exact: true });
    expect(await next.isVisible()).toBe(true); // the site's `button { display: none }` stays outside
    // No DOM types in the Node tests: only the one call the page makes.
    expect(
      await next.evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el)
            .backgroundColor,
      ),
    ).toBe("rgb(122, 0, 40)");
    await waitForText(page, /Times are in the workshop's time zone: Central European Standard Time \(Europe\/Rome\)/);
    await checkpoint(page, "origin-listed-times");
    expect((await holdTime(page, times[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    // The hold's end, in the dealer's clock, names the zone too (this browser is in New York).
    await waitForText(page, /until \d\d:\d\d, Central European Standard Time \(Europe\/Rome\)\./);
    await fillAndBook(page);
    await waitForText(page, "Your appointment request is sent");
    // The recap's times are Rome's: said so on the confirmation too, not only before it.
    await waitForText(page, /Times are in the workshop's time zone: Central European Standard Time \(Europe\/Rome\)/);
    const manage = await page.locator("[data-manage-link]").getAttribute("href");
    expect(manage?.startsWith(`${w.base}/m/`)).toBe(true); // Pitlane's page, not the dealer's site
    await checkpoint(page, "origin-listed-booked");
  }, 90_000);

  it("is refused from an origin the dealer does not list, and says so in words", async () => {
    await page.goto(`${site.origin}/unlisted`);
    await waitForText(page, "We could not reach the booking service from this page");
    await checkpoint(page, "origin-unlisted-refused");
  });
});

describe("the hosted page in an iframe", () => {
  it("loads inside the listed origin's page", async () => {
    await page.goto(`${site.origin}/frame-listed`);
    const frame = page.frameLocator("iframe");
    await frame.getByText("What does your car need?").waitFor({ timeout: 15_000 });
  });

  it("is refused by the browser inside any other origin's page (frame-ancestors)", async () => {
    const blocked = page.waitForEvent("console", (m) => /frame-ancestors/.test(m.text()));
    await page.goto(`${site.origin}/frame-unlisted`);
    await blocked;
    expect(await page.frameLocator("iframe").getByText("What does your car need?").count()).toBe(0);
  });
});
