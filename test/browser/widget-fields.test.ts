import type { BrowserContext, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIELD_MAX } from "../../src/core/field-limits.js";
import { checkpoint, focused, waitForText } from "../support/pages.js";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";
import { holdTime, openTimes } from "../support/widget-flow.js";

// What the customer types is what the API takes: every field stops at the API's length
// (src/core/field-limits.ts, the same constants the schemas use), so nothing typed on one
// step is refused two steps later. When a day list is refused all the same, the step says
// so with a way out (a retry, or back to the field at fault), never an endless
// "Loading…". A refusal of the details is said at the field it names, which takes focus.
// The built-in diagnosis questions are asked in the customer's language, and only the
// answers to the questions asked are sent.

const w = useWorld({ fields: widgetDealer() });
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
});
afterAll(() => ctx?.close());

const url = (query = "") => `${w.base}/book/fields?lang=en&interventions=maintenance${query}`;
const next = (label = "Continue") => page.getByRole("button", { name: label, exact: true }).click();
/** A problem+json answer, as the API gives it. */
const problem = (route: Route, status: number, body: Record<string, unknown>) =>
  route.fulfill({ status, contentType: "application/problem+json", body: JSON.stringify({ status, ...body }) });

describe("the car's fields", () => {
  it("stop at the API's lengths, so the times load for what was typed", async () => {
    await page.goto(url());
    await waitForText(page, "What does your car need?");
    await next();
    await waitForText(page, "Your car");
    const model = page.getByLabel("Car model");
    await model.pressSequentially("Grecale ".repeat(9)); // 72 characters typed
    await expect(model.inputValue()).resolves.toHaveLength(FIELD_MAX.model);
    await expect(page.getByLabel(/^Vehicle identification number/).getAttribute("maxlength")).resolves.toBe(
      String(FIELD_MAX.vin),
    );
    await next();
    await waitForText(page, "How will you get around?");
    await next();
    await waitForText(page, "Choose a day and time");
    await page.getByRole("radio").first().waitFor();
    await expect(page.getByText("Some details are not valid").count()).resolves.toBe(0);
  }, 60_000);

  it("a model preset longer than the API takes is said on the car's step, at the field", async () => {
    await page.goto(url(`&vehicle-model=${"M".repeat(FIELD_MAX.model + 1)}`));
    await waitForText(page, "What does your car need?");
    await next();
    await waitForText(page, "Your car");
    await next();
    await waitForText(page, `The car model can be at most ${FIELD_MAX.model} characters long.`);
    expect((await focused(page)).name).toMatch(/^Car model/);
    await expect(page.getByLabel("Car model").getAttribute("aria-invalid")).resolves.toBe("true");
  }, 60_000);
});

describe("a day list the API refuses", () => {
  it("is said with a retry instead of an endless Loading…, and the retry loads the times", async () => {
    await page.route("**/availability/calendar", (r) =>
      problem(r, 503, { code: "service_unavailable", title: "Service unavailable" }),
    );
    await page.goto(url("&vehicle-model=Grecale"));
    await waitForText(page, "What does your car need?");
    for (const heading of ["Your car", "How will you get around?", "Choose a day and time"]) {
      await next();
      await waitForText(page, heading);
    }
    await waitForText(page, "The booking service is busy for a moment.");
    const retry = page.getByRole("button", { name: "Try again" });
    await retry.waitFor();
    await expect(page.getByText("Loading…").count()).resolves.toBe(0);
    await checkpoint(page, "widget-times-refused");

    await page.unroute("**/availability/calendar");
    await retry.click();
    await page.getByRole("radio").first().waitFor();
    await expect(page.getByText("The booking service is busy for a moment.").count()).resolves.toBe(0);
    await expect.poll(async () => (await focused(page)).name).toBe("Choose another day"); // not lost to <body>
  }, 60_000);

  it("refused for the car: a way back to its step, where the field at fault has the focus", async () => {
    let refuse = true;
    await page.route("**/availability/calendar", (r) =>
      refuse
        ? problem(r, 400, {
            code: "validation_failed",
            title: "Validation failed",
            errors: [{ path: "vehicle.model", message: "Too big", in: "body" }],
          })
        : r.continue(),
    );
    await page.goto(url("&vehicle-model=Grecale"));
    await waitForText(page, "What does your car need?");
    for (const heading of ["Your car", "How will you get around?", "Choose a day and time"]) {
      await next();
      await waitForText(page, heading);
    }
    await waitForText(page, "Please check: car model.");
    await expect(page.getByText("Loading…").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Change the car details" }).click();
    await waitForText(page, "Your car");
    await expect.poll(async () => (await focused(page)).name).toMatch(/^Car model/);
    await expect(page.getByLabel("Car model").getAttribute("aria-invalid")).resolves.toBe("true");
    await checkpoint(page, "widget-times-refused-car");

    refuse = false;
    await page.getByLabel("Car model").fill("Levante");
    // The refusal's sentence goes once the field it names changes.
    await expect(page.locator("p.pl-error", { hasText: "Please check: car model." }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Car model").getAttribute("aria-invalid")).resolves.toBeNull();
    await next();
    await waitForText(page, "How will you get around?");
    await next();
    await page.getByRole("radio").first().waitFor();
    await page.unroute("**/availability/calendar");
  }, 60_000);
});

describe("the details", () => {
  it("stop at the API's lengths", async () => {
    const [time] = await openTimes(page, url("&vehicle-model=Grecale"));
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    const name = page.getByLabel("Full name");
    await name.pressSequentially("Maria ".repeat(21)); // 126 characters typed
    await expect(name.inputValue()).resolves.toHaveLength(FIELD_MAX.name);
    const max = async (label: string | RegExp) => page.getByLabel(label).getAttribute("maxlength");
    await expect(max("Email")).resolves.toBe(String(FIELD_MAX.email));
    await expect(max(/^Phone/)).resolves.toBe(String(FIELD_MAX.phone));
    await expect(max(/^What should the workshop know/)).resolves.toBe(String(FIELD_MAX.request));
  }, 60_000);

  it("a name the server refuses is said beside the name, which takes focus", async () => {
    const [time] = await openTimes(page, url("&vehicle-model=Grecale"));
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    const name = page.getByLabel("Full name");
    // Past the field's own limit (a page that lost it), so the API is the one to refuse.
    await name.evaluate((el) => el.removeAttribute("maxlength"));
    await name.fill("N".repeat(FIELD_MAX.name + 1));
    await page.getByLabel("Email").fill("long.name@example.com");
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/appointments") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Book the appointment" }).click(),
    ]);
    expect(res.status()).toBe(400);
    await waitForText(page, "Please check: name.");
    await expect.poll(async () => (await focused(page)).name).toMatch(/^Full name/);
    await expect(name.getAttribute("aria-invalid")).resolves.toBe("true");
    // Said under the name (its own error, read with it), not under the form's buttons.
    await expect(name.getAttribute("aria-describedby")).resolves.toBe("pl-name-err");
    await checkpoint(page, "widget-name-refused");
  }, 60_000);

  it("a phone number the server refuses is said with what one looks like, at the phone", async () => {
    const [time] = await openTimes(page, url("&vehicle-model=Grecale"));
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    await page.getByLabel("Full name").fill("Mario Rossi");
    const phone = page.getByLabel(/^Phone/);
    await phone.fill("333.123.4567"); // dots: not a number the API takes
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/appointments") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Book the appointment" }).click(),
    ]);
    expect(res.status()).toBe(400);
    // How to put it right, not "Please check: phone".
    await waitForText(page, "This phone number does not look right. Please use digits, with spaces or dashes");
    await expect.poll(async () => (await focused(page)).name).toMatch(/^Phone/);
    await expect(phone.getAttribute("aria-invalid")).resolves.toBe("true");
    await checkpoint(page, "widget-phone-refused");
  }, 60_000);
});

describe("the diagnosis questions", () => {
  /** Walks to the details with diagnosis chosen; the button and headings in the page's language. */
  async function toDetails(lang: "it" | "en") {
    const words =
      lang === "it"
        ? { next: "Avanti", first: "Di cosa ha bisogno la sua auto?", details: "I suoi dati" }
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

  /** Books from the details step; resolves with the body the widget sent. */
  async function bookSent(): Promise<Record<string, unknown>> {
    await page.getByLabel("Full name").fill("Giulia Verdi");
    await page.getByLabel("Email").fill("giulia.verdi@example.com");
    const [req] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/appointments") && r.method() === "POST"),
      page.getByRole("button", { name: "Book the appointment" }).click(),
    ]);
    expect((await req.response())?.status()).toBe(201);
    return req.postDataJSON();
  }
  const since = () => page.getByLabel("Since when does the problem occur?", { exact: true });

  it("an answer is sent with the booking, by the question's id", async () => {
    await toDetails("en");
    await since().fill("Since Monday");
    expect((await bookSent()).questionnaire).toEqual({ since: "Since Monday" });
  }, 60_000);

  it("an answer to a question no longer asked (its service dropped) is not sent", async () => {
    await toDetails("en");
    await since().fill("Since Monday");
    // Back to the services (the held time given back): the fault's diagnosis becomes maintenance.
    for (const heading of [
      "Choose a day and time",
      "How will you get around?",
      "Your car",
      "What does your car need?",
    ]) {
      await page.getByRole("button", { name: "Back", exact: true }).click();
      await waitForText(page, heading);
    }
    await page.getByLabel("Diagnosis of a fault").uncheck();
    await page.getByLabel("Maintenance").check();
    for (let i = 0; i < 3; i++) await next();
    await page.getByRole("radio").first().check();
    await next();
    await waitForText(page, "Your details");
    await expect(since().count()).resolves.toBe(0);
    expect((await bookSent()).questionnaire).toBeUndefined();
  }, 60_000);
});
