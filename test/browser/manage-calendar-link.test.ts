import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { book, booking } from "../support/http.js";
import { checkpoint, waitForText } from "../support/pages.js";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";

// The customer's page offers the calendar file only where adding it makes sense: "Add to
// my calendar" while the visit, or the car's collection, is still ahead; "Remove it from
// my calendar" for a cancelled one (its file is STATUS:CANCELLED); nothing for a visit
// that is over or was missed (a no-show used to offer "Add to my calendar"). The page's
// appointment is given each state in the browser (the API's answer rewritten): what the
// file itself says in each state is test/journey/calendar-states.test.ts.

const w = useWorld({ roma: widgetDealer() });
let ctx: BrowserContext;
let page: Page;
let url: string;

beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
  const appt = await book(w.api, "roma", booking({ start: "2026-11-25T11:00", advisorId: "anna" }));
  url = `${w.base}/m/${appt.manageToken}?lang=en`;
});
afterAll(() => ctx?.close());
afterEach(() => page?.unrouteAll());

/** The page, its appointment answered in `status` (and without a collection when `noReturn`). */
async function openAs(status: string, noReturn = false) {
  await page.route("**/v1/manage/*", async (r) => {
    if (r.request().method() !== "GET") return r.continue();
    const res = await r.fetch();
    const body = (await res.json()) as Record<string, unknown>;
    await r.fulfill({ response: res, json: { ...body, status, ...(noReturn ? { return: null } : {}) } });
  });
  await page.goto(url);
  await waitForText(page, "Your appointment at");
  await page.locator("dl.pl-recap").waitFor();
}

const links = () => page.locator("a[href$='/calendar.ics']").allTextContents();

describe("the calendar link on the customer's page", () => {
  it.each([
    ["requested", false, ["Add to my calendar (.ics)"]],
    ["confirmed", false, ["Add to my calendar (.ics)"]],
    ["checked_in", false, ["Add to my calendar (.ics)"]],
    ["checked_in", true, []],
    ["cancelled", false, ["Remove it from my calendar (.ics)"]],
    ["completed", false, []],
    ["no_show", false, []],
  ] as const)(
    "%s (no collection planned: %s): %j",
    async (status, noReturn, offered) => {
      await openAs(status, noReturn);
      expect(await links()).toEqual(offered);
      if (status === "no_show") await checkpoint(page, "manage-no-show-no-calendar");
    },
    60_000,
  );
});
