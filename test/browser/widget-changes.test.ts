import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth } from "../support/http.js";
import { checkpoint, waitForText } from "../support/pages.js";
import { useWorld, widgetDealer } from "../support/browser-world.js";
import { fillAndBook, holdTime, openTimes } from "../support/widget-flow.js";

// What the booking changed or left open for a priority car is said on the confirmation,
// in the customer's language.

const w = useWorld({ changes: widgetDealer() });
const PRIORITY_VIN = "ZAMXXXXXXXX000001";
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ctx = await w.browser.newContext({
    locale: "en-GB",
    timezoneId: "Europe/Rome",
    viewport: { width: 820, height: 900 },
  });
  page = await ctx.newPage();
  const put = await w.api(
    "PUT",
    `/v1/dealers/changes/vehicles/${PRIORITY_VIN}`,
    { model: "MC20", priority: true },
    auth,
  );
  expect(put.status).toBeLessThan(300);
});
afterAll(() => ctx?.close());

const button = (name: string) => page.getByRole("button", { name, exact: true });
describe("a priority car", () => {
  it("named by its model only: the confirmation says the workshop will confirm priority", async () => {
    const times = await openTimes(page, `${w.base}/book/changes?lang=en&interventions=maintenance&vehicle-model=MC20`);
    expect((await holdTime(page, times[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/appointments") && r.request().method() === "POST"),
      fillAndBook(page, "Paolo Modello", "paolo.modello@example.com"),
    ]);
    expect((await res.json()).priorityNote).toBeTruthy();
    await waitForText(page, "Your appointment is booked");
    await waitForText(
      page,
      "for now this is an ordinary appointment: the workshop will contact you to confirm priority.",
    );
    await checkpoint(page, "widget-priority-unconfirmed");
  }, 90_000);

  it("on file by its VIN: the courtesy car it gets instead of none, and the express visit, in Italian", async () => {
    await page.goto(`${w.base}/book/changes?interventions=maintenance&vehicle-model=MC20&vin=${PRIORITY_VIN}`);
    await waitForText(page, "Di cosa ha bisogno la sua auto?");
    for (const heading of ["La sua auto", "Come si sposterà?", "Scelga giorno e ora"]) {
      await button("Continua").click();
      await waitForText(page, heading);
    }
    await page.getByRole("radio").first().check();
    await button("Continua").click();
    await waitForText(page, "I suoi dati");
    await page.getByLabel("Nome e cognome").fill("Rita Prioritaria");
    await page.getByLabel("Email").fill("rita.prioritaria@example.com");
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/appointments") && r.request().method() === "POST"),
      button("Prenota l'appuntamento").click(),
    ]);
    const booked = await res.json();
    expect(res.request().postDataJSON().mobility).toBe("none");
    expect(booked).toMatchObject({ mobility: "courtesy_car", express: true });
    await waitForText(page, "Il suo appuntamento è prenotato");
    await waitForText(
      page,
      "mentre è in officina avrà un'auto di cortesia (invece di «Nessuna mobilità sostitutiva»).",
    );
    const recap = (term: string) =>
      page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]").textContent();
    await expect(recap("Priorità")).resolves.toBe("Appuntamento express: la sua auto viene lavorata con priorità.");
    await expect(recap("Mobilità")).resolves.toMatch(/^Auto di cortesia: pronta per lei all'accettazione/);
    await checkpoint(page, "widget-priority-courtesy-car");
  }, 90_000);
});
