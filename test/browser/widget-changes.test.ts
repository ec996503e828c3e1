import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth } from "../support/http.js";
import { checkpoint, focused, waitForText } from "../support/pages.js";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";
import { bookUrl, fillAndBook, holdTime, openTimes, shownTimes, slowReleases } from "../support/widget-flow.js";
import { saysTu } from "../support/customer-words.js";

// What the widget keeps, and for how long: a chosen time only while the visit it was an
// option for stays the same; the customer's details only within one booking (Back and
// Continue), never into the next one on the same device. And what the booking changed or
// left open for a priority car is said on the confirmation, in the customer's language.

const w = useWorld({ changes: widgetDealer() });
const PRIORITY_VIN = "ZAMXXXXXXXX000001";
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
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
/** Every POST to the API whose path ends with `tail`, from now on. */
function posts(tail: string): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith(tail)) seen.push(r.url());
  });
  return seen;
}

describe("a chosen time", () => {
  it("is dropped when the services change, and Continue asks for a time instead of holding the old one", async () => {
    const times = await openTimes(page, bookUrl(w.base, "changes"));
    expect((await holdTime(page, times[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    for (const heading of [
      "Choose a day and time",
      "How will you get around?",
      "Your car",
      "What does your car need?",
    ]) {
      await button("Back").click();
      await waitForText(page, heading);
    }
    await page.getByLabel("Bodywork repair").check();
    for (const heading of ["Your car", "How will you get around?", "Choose a day and time"]) {
      await button("Continue").click();
      await waitForText(page, heading);
    }
    await page.getByRole("radio").first().waitFor();
    await expect(page.locator("input[type=radio]:checked").count()).resolves.toBe(0); // nothing shown chosen…
    const holds = posts("/holds");
    await button("Continue").click();
    await waitForText(page, "Please choose a time."); // …so nothing is held
    expect(holds).toEqual([]);
    // The focus goes to the times, where the choice is made, not left on Continue below them.
    await expect.poll(async () => (await focused(page)).type).toBe("radio");

    // A time chosen now is held for the visit as it is now.
    await page.getByRole("radio").first().check();
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/holds") && r.request().method() === "POST"),
      button("Continue").click(),
    ]);
    expect(res.status()).toBe(201);
    expect(res.request().postDataJSON().interventions).toEqual(["maintenance", "bodywork"]);
    await waitForText(page, "Your details");
    await button("Back").click();
  }, 90_000);

  it("dropped after a change of mobility is named again, and the times open on its day, not the first free one", async () => {
    await openTimes(page, bookUrl(w.base, "changes"));
    // A time on the second free day, not the first: the day the step opens on then tells.
    await button("Choose another day").click();
    await page.locator("td[aria-label*='free from']").nth(1).click();
    const dayHeading = page.locator("form h3", { hasText: /^Day: / });
    await page.getByRole("radio").first().waitFor();
    const heading = (await dayHeading.textContent()) ?? "";
    const [time] = await shownTimes(page);
    expect((await holdTime(page, time)).status()).toBe(201);
    await waitForText(page, "Your details");
    for (const back of ["Choose a day and time", "How will you get around?"]) {
      await button("Back").click();
      await waitForText(page, back);
    }
    await page.getByRole("radio", { name: "Courtesy car", exact: true }).check();
    await button("Continue").click();
    await waitForText(page, "Choose a day and time");
    await page.getByRole("radio").first().waitFor();
    // "Day: Tuesday 24 November 2026" → "you had chosen Tuesday 24 November at 08:00" (the
    // browser's ICU may put a comma after the weekday: not what this test is about).
    const day = heading
      .replace(/^Day: /, "")
      .replace(/ \d{4}$/, "")
      .replace(/day, /, "day ");
    const note = page.locator("p.pl-note", { hasText: "Your visit changed, so please choose a time again" });
    await note.waitFor();
    expect((await note.textContent())?.replace(/day, /, "day ")).toContain(`you had chosen ${day} at ${time}`);
    expect(await dayHeading.textContent()).toBe(heading);
    expect(await page.locator("input[type=radio]:checked").count()).toBe(0);
    // A screen reader hears it as the step opens, before the day's times.
    await expect
      .poll(() => page.locator("div.pl-sr[role=status]").textContent())
      .toMatch(/^Step 4 of 5: Choose a day and time\. Your visit changed, so please choose a time again/);
    await checkpoint(page, "widget-time-again");
    // A time chosen now is held for the visit as it is now, and the note goes.
    expect((await holdTime(page, (await shownTimes(page))[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    await button("Back").click();
    await waitForText(page, "Choose a day and time");
    expect(await page.locator("p.pl-note", { hasText: "you had chosen" }).count()).toBe(0);
  }, 90_000);

  it("stays chosen while the visit stays the same (Back to the times and on again)", async () => {
    // The hold given back on the way is slow to land: until it has, its time is not free,
    // so a list asked at once would miss it (or offer it with another advisor).
    const order = await slowReleases(page, 400);
    const times = await openTimes(page, bookUrl(w.base, "changes"));
    expect((await holdTime(page, times[1])).status()).toBe(201);
    await waitForText(page, "Your details");
    await button("Back").click();
    await waitForText(page, "Choose a day and time");
    await page.locator("input[type=radio]:checked").waitFor();
    await expect(page.locator("label.pl-time", { hasText: times[1] }).getByRole("radio").isChecked()).resolves.toBe(
      true,
    );
    await button("Back").click();
    await waitForText(page, "How will you get around?");
    await button("Continue").click();
    await waitForText(page, "Choose a day and time");
    await page.locator("input[type=radio]:checked").waitFor();
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/holds") && r.request().method() === "POST"),
      button("Continue").click(),
    ]);
    expect(res.status()).toBe(201);
    expect((await res.json()).option.start.slice(11, 16)).toBe(times[1]);
    await waitForText(page, "Your details");
    await button("Back").click();
    await waitForText(page, "Choose a day and time");
    // Another time: the old hold is given back first, so it cannot count against the new one.
    await page.locator("input[type=radio]:checked").waitFor();
    expect((await holdTime(page, times[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    expect(order).toEqual(["held", "released", "held", "released", "held"]);
    await page.unroute(/\/holds\/[^/]+$/);
    await button("Back").click();
  }, 90_000);
});

describe("another booking on the same device", () => {
  it("starts without the last customer's details", async () => {
    const times = await openTimes(page, bookUrl(w.base, "changes"));
    expect((await holdTime(page, times[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    await page.getByLabel(/^Phone/).fill("+39 333 1112233");
    await fillAndBook(page, "Carla Kiosk", "carla.kiosk@example.com");
    await waitForText(page, "Your appointment request is sent");
    await button("Book another appointment").click();
    await waitForText(page, "What does your car need?");
    for (const heading of ["Your car", "How will you get around?", "Choose a day and time"]) {
      await button("Continue").click();
      await waitForText(page, heading);
    }
    await page.getByRole("radio").first().check();
    await button("Continue").click();
    await waitForText(page, "Your details");
    await expect(page.getByLabel("Full name").inputValue()).resolves.toBe("");
    await expect(page.getByLabel("Email").inputValue()).resolves.toBe("");
    await expect(page.getByLabel(/^Phone/).inputValue()).resolves.toBe("");
    await button("Back").click();
  }, 90_000);

  it("while Back and Continue within one booking keep them", async () => {
    const times = await openTimes(page, bookUrl(w.base, "changes"));
    expect((await holdTime(page, times[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    await page.getByLabel("Full name").fill("Dario Avanti");
    await button("Back").click();
    await waitForText(page, "Choose a day and time");
    await page.locator("input[type=radio]:checked").waitFor();
    await button("Continue").click();
    await waitForText(page, "Your details");
    await expect(page.getByLabel("Full name").inputValue()).resolves.toBe("Dario Avanti");
    await button("Back").click();
  }, 90_000);
});

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
    await waitForText(page, "Your appointment request is sent");
    await waitForText(
      page,
      "for now this is an ordinary appointment: the workshop will contact you to confirm priority.",
    );
    await checkpoint(page, "widget-priority-unconfirmed");
  }, 90_000);

  it("on file by its VIN: the courtesy car it gets instead of none, and the express visit, in Italian ('Lei' throughout)", async () => {
    /** The widget's lines that say "tu" to the customer: none, on every step. */
    const informal = async () => (await page.locator(".pl-box").innerText()).split("\n").filter(saysTu);
    await page.goto(`${w.base}/book/changes?interventions=maintenance&vehicle-model=MC20&vin=${PRIORITY_VIN}`);
    await waitForText(page, "Di cosa ha bisogno la sua auto?");
    await expect(page.title()).resolves.toBe("Prenotazione di un appuntamento – Roma Est");
    for (const heading of ["La sua auto", "Come si sposterà?", "Scelga giorno e ora"]) {
      await expect(informal()).resolves.toEqual([]);
      await button("Avanti").click();
      await waitForText(page, heading);
    }
    await page.getByRole("radio").first().check();
    await expect(informal()).resolves.toEqual([]);
    await button("Avanti").click();
    await waitForText(page, "I suoi dati");
    await page.getByLabel("Desidero un promemoria il giorno prima dell'appuntamento").check();
    await expect(informal()).resolves.toEqual([]);
    await page.getByLabel("Nome e cognome").fill("Rita Prioritaria");
    await page.getByLabel("Email").fill("rita.prioritaria@example.com");
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/appointments") && r.request().method() === "POST"),
      button("Prenoti l'appuntamento").click(),
    ]);
    const booked = await res.json();
    expect(res.request().postDataJSON().mobility).toBe("none");
    expect(booked).toMatchObject({ mobility: "courtesy_car", express: true });
    await waitForText(page, "La sua richiesta di appuntamento è stata inviata");
    await waitForText(
      page,
      "mentre è in officina avrà un'auto di cortesia (invece di «Non mi serve un'auto di cortesia né un passaggio»).",
    );
    const recap = (term: string) =>
      page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]").textContent();
    await waitForText(page, "L'officina confermerà l'appuntamento entro 24 ore.");
    await expect(recap("Stato")).resolves.toBe("Richiesto: l'officina lo confermerà");
    await expect(recap("Priorità")).resolves.toBe("Appuntamento express: la sua auto viene lavorata con priorità.");
    await expect(recap("Mentre l'auto è in officina")).resolves.toMatch(
      /^Auto di cortesia: pronta per lei al suo arrivo/,
    );
    await expect(informal()).resolves.toEqual([]);
    await checkpoint(page, "widget-priority-courtesy-car");
  }, 90_000);
});
