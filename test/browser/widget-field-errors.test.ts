import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForText } from "../support/pages.js";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";
import { holdTime, openTimes } from "../support/widget-flow.js";

// A field's error goes once that field changes, as on the advisors' board: the sentence
// no longer describes what the field holds. It stayed until Continue, so a customer who
// had typed the missing name still read "Please tell us your name." under it. Another
// field's change leaves it where it is.

const w = useWorld({ errs: widgetDealer() });
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
});
afterAll(() => ctx?.close());

const url = (query = "") => `${w.base}/book/errs?lang=en${query}`;
const press = (label: string) => page.getByRole("button", { name: label, exact: true }).click();
const shown = (text: string) => page.getByText(text, { exact: true }).count();
const invalid = (field: Locator) => field.getAttribute("aria-invalid");

describe("a field's error goes when that field changes", () => {
  it("the services: choosing one takes 'choose a service' away", async () => {
    await page.goto(url());
    await waitForText(page, "What does your car need?");
    await press("Continue");
    await waitForText(page, "Please choose at least one service.");
    await page.getByLabel("Maintenance").check();
    await expect.poll(() => shown("Please choose at least one service.")).toBe(0);
  }, 60_000);

  it("the car: typing the model takes its error away, not the VIN's", async () => {
    await page.goto(url("&interventions=maintenance"));
    await waitForText(page, "What does your car need?");
    await press("Continue");
    await waitForText(page, "Your car");
    const vin = page.getByLabel(/^Vehicle identification number/);
    await vin.fill("NOT-A-VIN");
    await press("Continue");
    await waitForText(page, "Please tell us the car model.");
    const model = page.getByLabel("Car model");
    await model.pressSequentially("G");
    await expect.poll(() => shown("Please tell us the car model.")).toBe(0);
    await expect(invalid(model)).resolves.toBeNull();
    // The VIN's own error stays until the VIN changes.
    await expect(invalid(vin)).resolves.toBe("true");
    await vin.pressSequentially("X");
    await expect.poll(() => invalid(vin)).toBeNull();
  }, 60_000);

  it("the details: the name's error goes as the name is typed; the email-or-phone one as either is", async () => {
    const [time] = await openTimes(page, url("&interventions=maintenance&vehicle-model=Grecale"));
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    const name = page.getByLabel("Full name");
    await press("Book the appointment");
    await waitForText(page, "Please tell us your name.");
    await page.getByLabel(/^Phone/).pressSequentially("3"); // another field: the name's error stays
    await expect(shown("Please tell us your name.")).resolves.toBe(1);
    await name.pressSequentially("M");
    await expect.poll(() => shown("Please tell us your name.")).toBe(0);
    await expect(invalid(name)).resolves.toBeNull();

    await page.getByLabel(/^Phone/).fill("");
    await press("Book the appointment");
    await waitForText(page, "Please give an email address or a phone number.");
    await page.getByLabel(/^Email/).pressSequentially("m");
    await expect.poll(() => shown("Please give an email address or a phone number.")).toBe(0);
    await press("Back"); // gives the held time back
  }, 60_000);
});
