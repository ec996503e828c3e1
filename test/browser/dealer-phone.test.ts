import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpoint, waitForText } from "../support/pages.js";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";
import { fillAndBook, holdTime, openTimes } from "../support/widget-flow.js";
import type { AvailabilityResponse } from "../support/contracts.js";

// The dealer's phone number (DealerConfig.phone) where the pages ask the customer to call,
// and in the recap of the widget's confirmation and of the manage page, as a tel: link. A
// dealer without one: the pages as before.

const PHONE = "+39 06 1234 5678";
const w = useWorld({ calls: widgetDealer({ phone: PHONE }), errs: widgetDealer() });
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
});
afterAll(() => ctx?.close());

const press = (label: string) => page.getByRole("button", { name: label, exact: true }).click();

/** A public booking of the first free maintenance time from `from`, as a customer would make it; its manage token. */
async function bookFirst(dealer: string, from: string, name: string, email: string): Promise<string> {
  const avail = (await (
    await w.api("POST", `/v1/dealers/${dealer}/availability`, { interventions: ["maintenance"], from })
  ).json()) as AvailabilityResponse;
  const res = await w.api("POST", `/v1/dealers/${dealer}/appointments`, {
    optionId: avail.options[0].optionId,
    vehicle: { model: "Grecale" },
    interventions: ["maintenance"],
    customer: { name, email },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { manageToken: string }).manageToken;
}

describe("a refusal that asks the customer to call", () => {
  it("says the dealer's number: a contact past its cap of upcoming bookings", async () => {
    // Three upcoming bookings for one email (the public cap), made as a customer would.
    const email = "tre.volte@example.com";
    for (let k = 0; k < 3; k++) await bookFirst("calls", "2026-11-30", "Tre Volte", email);
    const [time] = await openTimes(
      page,
      `${w.base}/book/calls?lang=en&interventions=maintenance&vehicle-model=Grecale`,
    );
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    await fillAndBook(page, "Tre Volte", email);
    await waitForText(page, `Please call the workshop on ${PHONE} to book another one.`);
    // The number in the sentence is a link: one tap calls the desk.
    await expect(page.getByRole("alert").getByRole("link", { name: PHONE }).getAttribute("href")).resolves.toBe(
      "tel:+390612345678",
    );
    await checkpoint(page, "dealer-phone-cap-refusal-en");
    await press("Back");
  }, 90_000);
});

describe("the dealer's number on the customer's page", () => {
  it.each([
    ["calls", "en", "Your appointment at Roma Est", "Questions? Call us"],
    ["calls", "it", "Il suo appuntamento presso Roma Est", "Domande? Ci chiami"],
    ["errs", "en", "Your appointment at Roma Est", null],
  ] as const)(
    "the manage page of a %s booking in %s: '%s' with the number, only when the dealer gave one",
    async (dealer, lang, title, label) => {
      const manageToken = await bookFirst(dealer, "2026-12-01", "Chiara Neri", `chiara.${dealer}.${lang}@example.com`);
      await page.goto(`${w.base}/m/${manageToken}?lang=${lang}`);
      await waitForText(page, title);
      const call = page.getByRole("link", { name: PHONE });
      await expect(call.count()).resolves.toBe(label ? 1 : 0);
      if (label) {
        await expect(call.getAttribute("href")).resolves.toBe("tel:+390612345678");
        await expect(page.getByText(label, { exact: true }).count()).resolves.toBe(1);
      }
      await checkpoint(page, `dealer-phone-manage-${dealer}-${lang}`);
    },
    60_000,
  );
});

describe("the dealer's number after booking in the widget", () => {
  it("the confirmation's recap says 'Questions? Call us' with the number", async () => {
    const [time] = await openTimes(
      page,
      `${w.base}/book/calls?lang=en&interventions=maintenance&vehicle-model=Grecale`,
    );
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    await fillAndBook(page, "Luca Blu", "luca.blu@example.com");
    await waitForText(page, "Your appointment request is sent");
    await expect(page.getByRole("link", { name: PHONE }).getAttribute("href")).resolves.toBe("tel:+390612345678");
    await checkpoint(page, "dealer-phone-widget-done-en");
  }, 90_000);
});

describe("the dealer's own words on a page in another language", () => {
  it.each([
    ["en", "it"],
    ["it", null],
  ] as const)(
    "the manage page in %s: address and parking carry lang=%s (WCAG 3.1.2)",
    async (pageLang, marked) => {
      const manageToken = await bookFirst("errs", "2026-12-02", "Anna Verdi", `anna.${pageLang}@example.com`);
      await page.goto(`${w.base}/m/${manageToken}?lang=${pageLang}`);
      await waitForText(page, "Roma Est");
      for (const words of ["Via Tiburtina 1000, Roma", "Customer bays 1-6, front entrance"]) {
        const dd = page.locator("dd", { hasText: words });
        await expect(dd.getAttribute("lang")).resolves.toBe(marked);
      }
    },
    60_000,
  );
});
