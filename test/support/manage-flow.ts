import type { Page } from "playwright-core";
import { waitForText } from "./pages.js";
import { shownTimes } from "./widget-flow.js";

// Driving the customer's manage page (/m/{token}) quickly (mouse, English) where the test
// is about what it offers and sends, not the keyboard walk (widget-keyboard.test.ts).

/** Opens the page and its "Change date or time"; resolves with the day heading's date once times are listed. */
export async function openChange(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await waitForText(page, "Your appointment at");
  await page.getByRole("button", { name: "Change date or time" }).click();
  await waitForText(page, "Choose a new time");
  return shownDay(page);
}

/** The day the list shows ("Thursday 26 November 2026"), once its times (or "no times") are in. */
export async function shownDay(page: Page): Promise<string> {
  const heading = page.locator("h3", { hasText: /^Day: / });
  await heading.waitFor();
  await page.locator("label.pl-time").first().waitFor();
  return ((await heading.textContent()) ?? "").replace(/^Day: /, "");
}

/** Picks `date` (YYYY-MM-DD) in the date picker and waits for its times. */
export async function chooseDay(page: Page, date: string): Promise<string[]> {
  await page.getByRole("button", { name: "Choose another day" }).click();
  const cell = page.locator(`td[data-date="${date}"]`);
  await cell.waitFor();
  // The month's days load first: a cell still "loading" is not chosen.
  await page.waitForFunction((d) => {
    const doc = (
      globalThis as unknown as {
        document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
      }
    ).document;
    return !/loading/i.test(doc.querySelector(`td[data-date="${d}"]`)?.getAttribute("aria-label") ?? "loading");
  }, date);
  await cell.click();
  await page.locator(`input[data-start^="${date}"]`).first().waitFor();
  return shownTimes(page);
}

/** Picks a listed time ("HH:MM"). */
export async function pickTime(page: Page, time: string): Promise<void> {
  await page.locator("label.pl-time", { hasText: time }).getByRole("radio").check();
}
