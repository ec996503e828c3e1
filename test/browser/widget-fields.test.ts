import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpoint, waitForText } from "../support/pages.js";
import { useWorld, widgetDealer } from "../support/browser-world.js";

// The widget's fields as the customer meets them. The built-in diagnosis questions are
// asked in the customer's language.

const w = useWorld({ fields: widgetDealer() });
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ctx = await w.browser.newContext({
    locale: "en-GB",
    timezoneId: "Europe/Rome",
    viewport: { width: 820, height: 900 },
  });
  page = await ctx.newPage();
});
afterAll(() => ctx?.close());

describe("the diagnosis questions", () => {
  /** Walks to the details with diagnosis chosen; the button and headings in the page's language. */
  async function toDetails(lang: "it" | "en") {
    const words =
      lang === "it"
        ? { next: "Continua", first: "Di cosa ha bisogno la sua auto?", details: "I suoi dati" }
        : { next: "Continue", first: "What does your car need?", details: "Your details" };
    await page.goto(`${w.base}/book/fields?lang=${lang}&interventions=diagnosis&vehicle-model=Grecale`);
    await waitForText(page, words.first);
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: words.next, exact: true }).click();
    await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: words.next, exact: true }).click();
    await waitForText(page, words.details);
  }

  it("are asked in Italian on the Italian widget", async () => {
    await toDetails("it");
    await waitForText(page, "Alcune domande per la diagnosi");
    for (const q of [
      "Da quando si presenta il problema?",
      "Quando si presenta (a motore freddo, a motore caldo, in frenata, in curva, ad alta velocità)?",
      "È accesa una spia? Quale?",
      "Sente un rumore, un odore o una vibrazione? Da dove proviene?",
    ])
      await expect(page.getByLabel(q, { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText("Since when does the problem occur?").count()).resolves.toBe(0);
    await checkpoint(page, "widget-it-questions");
    await page.getByRole("button", { name: "Indietro" }).click(); // gives the held time back
  }, 60_000);

  it("and in English on the English one", async () => {
    await toDetails("en");
    await expect(page.getByLabel("Since when does the problem occur?", { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText("Da quando si presenta il problema?").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Back" }).click();
  }, 60_000);
});
