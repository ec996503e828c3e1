import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { waitForText } from "../support/pages.js";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";
import { shownTimes } from "../support/widget-flow.js";

// A day with a single free time is said in the singular as its times come in: "1 free
// time on …" / "1 orario libero il …", not "1 free times" / "1 orari liberi". The day's
// answer is cut to its first time in the browser (a real day has many).

const w = useWorld({ counts: widgetDealer() });
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
});
afterAll(() => ctx?.close());
afterEach(() => page?.unrouteAll());

/** The live region's words now. */
const spoken = () => page.locator('[role="status"]').first().textContent();

describe("a day with one free time", () => {
  it.each([
    {
      lang: "en",
      headings: ["What does your car need?", "Your car", "How will you get around?", "Choose a day and time"],
      next: "Continue",
      said: /(^|\. )1 free time on [^.]+\.$/,
      wrong: /free times on/,
    },
    {
      lang: "it",
      headings: ["Di cosa ha bisogno la sua auto?", "La sua auto", "Come si sposterà?", "Scelga giorno e ora"],
      next: "Avanti",
      said: /(^|\. )1 orario libero [^.]+\.$/,
      wrong: /orari liberi/,
    },
  ])(
    "is said in the singular ($lang)",
    async ({ lang, headings, next, said, wrong }) => {
      await page.route("**/availability/day", async (r) => {
        const res = await r.fetch();
        const body = (await res.json()) as { options: unknown[] };
        await r.fulfill({ response: res, json: { ...body, options: body.options.slice(0, 1) } });
      });
      await page.goto(`${w.base}/book/counts?lang=${lang}&interventions=maintenance&vehicle-model=Grecale`);
      await waitForText(page, headings[0]);
      for (const heading of headings.slice(1)) {
        await page.getByRole("button", { name: next, exact: true }).click();
        await waitForText(page, heading);
      }
      await page.getByRole("radio").first().waitFor();
      expect(await shownTimes(page)).toHaveLength(1);
      await expect.poll(spoken).toMatch(said);
      expect(await spoken()).not.toMatch(wrong);
    },
    60_000,
  );
});
