import type { Page, Response } from "playwright-core";
import { waitForText } from "./pages.js";

// Driving the booking widget quickly (mouse, English) where the test is about something
// else than the keyboard: races, holds, embedding. The keyboard-only walk is its own test.

/** The widget's first free day with its times listed; returns the times shown. */
export async function openTimes(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await waitForText(page, "What does your car need?");
  for (const heading of ["Your car", "How will you get around?", "Choose a day and time"]) {
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await waitForText(page, heading);
  }
  await page.getByRole("radio").first().waitFor();
  return shownTimes(page);
}

/** The times the day list shows now ("HH:MM"). */
export async function shownTimes(page: Page): Promise<string[]> {
  const labels = await page.locator("label.pl-time").allTextContents();
  return labels.map((l) => l.trim().slice(0, 5));
}

/**
 * Slows every hold given back (DELETE …/holds/{id}) by `ms`, as a slow network would: the
 * widget must not ask about times until it has landed. Returns what happened, in order
 * ("released" when a DELETE's answer arrives, "held" when a new hold is asked).
 */
export async function slowReleases(page: Page, ms: number): Promise<string[]> {
  const seen: string[] = [];
  await page.route(/\/holds\/[^/]+$/, async (route) => {
    if (route.request().method() !== "DELETE") return route.continue();
    await new Promise((r) => setTimeout(r, ms));
    const res = await route.fetch();
    await route.fulfill({ response: res });
    seen.push("released");
  });
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/holds")) seen.push("held");
  });
  return seen;
}

/**
 * Counts the 3 s timers the page starts (setTimeout), from its next load on: the limit on
 * a hold given back (hold.ts). Returns a reader of the count.
 */
export async function longTimers(page: Page): Promise<() => Promise<number>> {
  // A string: the test's tsconfig has no DOM types.
  await page.addInitScript(`{
    const set = globalThis.setTimeout;
    globalThis.__longTimers = 0;
    globalThis.setTimeout = function (fn, ms, ...rest) {
      // The release cap's own length only, so another long timer the widget may gain one
      // day (a debounce, a notice) does not count as one.
      if (ms === 3000) globalThis.__longTimers++;
      return set.call(this, fn, ms, ...rest);
    };
  }`);
  return () => page.evaluate<number>("globalThis.__longTimers");
}

/** Picks a time on the list and continues: resolves with the hold's response. */
export async function holdTime(page: Page, time: string): Promise<Response> {
  await page.locator("label.pl-time", { hasText: time }).getByRole("radio").check();
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/holds") && r.request().method() === "POST"),
    page.getByRole("button", { name: "Continue", exact: true }).click(),
  ]);
  return res;
}

/** Fills the details step and books. */
export async function fillAndBook(
  page: Page,
  name = "Giulia Verdi",
  email = "giulia.verdi@example.com",
): Promise<void> {
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Book the appointment" }).click();
}

/** A widget URL on the hosted page, service and car preset. */
export const bookUrl = (base: string, dealer: string) =>
  `${base}/book/${dealer}?lang=en&interventions=maintenance&vehicle-model=Grecale`;
