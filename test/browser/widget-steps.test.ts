import type { BrowserContext, Page, Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auth } from "../support/http.js";
import { checkpoint, focused, waitForText } from "../support/pages.js";
import { customerPage, useWorld, widgetDealer } from "../support/browser-world.js";
import { fillAndBook, holdTime, shownTimes } from "../support/widget-flow.js";

// A refusal that belongs to an earlier step sends the customer back to that step, and the
// step says why, in words, at the choice to change: the focus on it, the live region
// saying it, gone once the choice changes. A booking refused because the last courtesy car
// went meanwhile is the mobility step's; one refused for its services, the services'.
// And the date picker: only a full day is struck through; a day gone by or a closed one
// is plainly unavailable.

const ONE_CAR = {
  mobility: { courtesyCars: 1, pickupDelivery: 1, taxi: true, rental: false, shuttle: false },
  express: { heldCourtesyCars: 0 },
};
const w = useWorld({ steps: widgetDealer(ONE_CAR), passi: widgetDealer(), picker: widgetDealer() });
let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ ctx, page } = await customerPage(w.browser));
});
afterAll(() => ctx?.close());
// A test's fake answers end with it, passed or failed.
afterEach(() => page?.unrouteAll());

const button = (name: string) => page.getByRole("button", { name, exact: true });
/** The sentences the step shows (not the live region's copy of them). */
const said = (text: string) => page.locator("p.pl-error", { hasText: text });
/** The live region's words now (the step changes and refusals it says). */
const spoken = () => page.locator('[role="status"]').first().textContent();
/** A problem+json answer, as the API gives it. */
const problem = (route: Route, status: number, body: Record<string, unknown>) =>
  route.fulfill({ status, contentType: "application/problem+json", body: JSON.stringify({ status, ...body }) });

/** From the first step to the times, through the given headings (Continue on each). */
async function walk(url: string, headings: string[], next: string, atMobility?: () => Promise<void>) {
  await page.goto(url);
  await waitForText(page, headings[0]);
  for (const [i, heading] of headings.slice(1).entries()) {
    if (i === 2 && atMobility) await atMobility();
    await button(next).click();
    await waitForText(page, heading);
  }
  await page.getByRole("radio").first().waitFor();
}

describe("a booking refused for the mobility", () => {
  it("the last courtesy car taken meanwhile: back on the mobility step, said there, gone once another is chosen", async () => {
    await walk(
      `${w.base}/book/steps?lang=en&interventions=maintenance&vehicle-model=Grecale`,
      ["What does your car need?", "Your car", "How will you get around?", "Choose a day and time"],
      "Continue",
      () => page.getByLabel("Courtesy car", { exact: true }).check(),
    );
    const [time] = await shownTimes(page);
    const held = await holdTime(page, time);
    expect(held.status()).toBe(201);
    const hold = await held.json();
    await waitForText(page, "Your details");

    // Meanwhile the hold runs out and a phone booking takes the only courtesy car for a stay
    // overlapping the customer's: the first start after their reception ends that day (or the
    // last one before it begins), so the desk itself would still take them.
    expect((await w.api("DELETE", `/v1/dealers/steps/holds/${hold.holdId}`)).status).toBeLessThan(300);
    const visit = { vehicle: { model: "Levante" }, interventions: ["maintenance"], mobility: "courtesy_car" };
    const day = await w.api("POST", "/v1/dealers/steps/availability/day", {
      ...visit,
      date: hold.option.start.slice(0, 10),
    });
    const starts = ((await day.json()) as { options: { optionId: string; start: string; end: string }[] }).options;
    const other = starts.find((o) => o.start >= hold.option.end) ?? starts.findLast((o) => o.end <= hold.option.start);
    expect(other).toBeDefined();
    const phone = await w.api(
      "POST",
      "/v1/dealers/steps/appointments",
      {
        ...visit,
        optionId: other?.optionId,
        customer: { name: "Phone Customer", phone: "+39 06 1234567" },
        channel: "phone",
      },
      auth,
    );
    expect(phone.status).toBe(201);

    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/appointments") && r.request().method() === "POST"),
      fillAndBook(page),
    ]);
    expect(refused.status()).toBe(409);
    expect((await refused.json()).violations.map((v: { code: string }) => v.code)).toEqual(["mobility_unavailable"]);

    const sentence = "The way of getting around you chose is no longer available at this time.";
    await waitForText(page, "How will you get around?");
    await said(sentence).waitFor();
    // The choice to change has the focus, marked wrong and described by the sentence…
    await expect.poll(async () => (await focused(page)).name).toBe("Courtesy car");
    const car = page.getByLabel("Courtesy car", { exact: true });
    await expect(car.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect
      .poll(() =>
        car.evaluate((el) => {
          // The Node tests have no DOM types: the element and its root as read here.
          const input = el as unknown as {
            getAttribute(name: string): string | null;
            getRootNode(): { getElementById(id: string): { textContent: string | null } | null };
          };
          const ids = (input.getAttribute("aria-describedby") ?? "").split(" ");
          return ids.map((id) => input.getRootNode().getElementById(id)?.textContent ?? "").join(" ");
        }),
      )
      .toContain(sentence);
    // …and the live region says where the customer is and why.
    await expect.poll(spoken).toContain(sentence);
    await expect.poll(spoken).toContain("Step 3 of 5");
    await checkpoint(page, "widget-steps-mobility-refused");

    await page.getByLabel("Taxi").check();
    await expect(said(sentence).count()).resolves.toBe(0);
    await expect(car.getAttribute("aria-invalid")).resolves.toBeNull();

    // Taxi, then: a time, and the booking goes through.
    await button("Continue").click();
    await waitForText(page, "Choose a day and time");
    await page.getByRole("radio").first().waitFor();
    const [again] = await shownTimes(page);
    expect((await holdTime(page, again)).status()).toBe(201);
    await waitForText(page, "Your details");
    await button("Book the appointment").click();
    await waitForText(page, "Your appointment request is sent");
  }, 120_000);

  it("a day list refused for the mobility: its way back leads to the mobility step, which says why", async () => {
    let refuse = true;
    await page.route("**/availability/calendar", (r) =>
      refuse
        ? problem(r, 400, {
            code: "validation_failed",
            title: "Validation failed",
            errors: [{ path: "mobility", message: "not offered by this dealer", in: "body" }],
          })
        : r.continue(),
    );
    await page.goto(`${w.base}/book/steps?lang=en&interventions=maintenance&vehicle-model=Grecale`);
    await waitForText(page, "What does your car need?");
    for (const heading of ["Your car", "How will you get around?", "Choose a day and time"]) {
      await button("Continue").click();
      await waitForText(page, heading);
    }
    await button("Change how you get around").click();
    await waitForText(page, "How will you get around?");
    await said("Please check: how you get around.").waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe("I don't need a courtesy car or a lift");
    await expect.poll(spoken).toContain("Please check: how you get around.");
    refuse = false;
    await page.getByLabel("Taxi").check();
    await expect(said("Please check: how you get around.").count()).resolves.toBe(0);
  }, 60_000);
});

describe("a booking refused for its services", () => {
  it("a service the workshop stopped offering meanwhile: back on the services step, said there in Italian", async () => {
    await walk(
      `${w.base}/book/passi?lang=it&interventions=maintenance,diagnosis&vehicle-model=Grecale`,
      ["Di cosa ha bisogno la sua auto?", "La sua auto", "Come si sposterà?", "Scelga giorno e ora"],
      "Avanti",
    );
    await page.getByRole("radio").first().check();
    const [held] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/holds") && r.request().method() === "POST"),
      button("Avanti").click(),
    ]);
    expect(held.status()).toBe(201);
    await waitForText(page, "I suoi dati");
    // The dealer takes diagnosis out of its catalogue while the customer types.
    const job = (labourHours: number, skill: string) => ({
      receptionMinutes: 15,
      returnMinutes: 10,
      labourHours,
      skill,
    });
    const put = await w.api(
      "PUT",
      "/v1/dealers/passi",
      widgetDealer({
        interventions: {
          maintenance: { label: "Maintenance", ...job(2, "mechanical") },
          tyres: { label: "Tyre change", ...job(1, "mechanical") },
        },
      }),
      auth,
    );
    expect(put.status).toBeLessThan(300);

    await page.getByLabel("Nome e cognome").fill("Giulia Verdi");
    await page.getByLabel("Email").fill("giulia.verdi@example.com");
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/appointments") && r.request().method() === "POST"),
      button("Prenoti l'appuntamento").click(),
    ]);
    expect(refused.status()).toBe(400);

    const sentence = "Alcuni dati non sono validi. Li controlli e riprovi. Da controllare: interventi.";
    await waitForText(page, "Di cosa ha bisogno la sua auto?");
    await said(sentence).waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe("Manutenzione");
    await expect.poll(spoken).toContain(sentence);
    await expect.poll(spoken).toContain("Passo 1 di 5");
    await checkpoint(page, "widget-steps-services-refused");

    await page.getByLabel("Diagnosi di un guasto").uncheck();
    await expect(said(sentence).count()).resolves.toBe(0);
    await button("Avanti").click();
    await waitForText(page, "La sua auto");
  }, 120_000);
});

describe("the date picker", () => {
  it("strikes through a full day only: a day gone by and a closed day are plainly unavailable", async () => {
    // Tuesday 24 November is made full (it had times, and lost them).
    await page.route("**/availability/calendar", async (r) => {
      const res = await r.fetch();
      const body = (await res.json()) as { days: { date: string; bookable: boolean; closed?: boolean }[] };
      for (const d of body.days)
        if (d.date === "2026-11-24") Object.assign(d, { bookable: false, closed: false, quiet: false, first: null });
      await r.fulfill({ response: res, json: body });
    });
    await page.goto(`${w.base}/book/picker?lang=en&interventions=maintenance&vehicle-model=Grecale`);
    await waitForText(page, "What does your car need?");
    for (const heading of ["Your car", "How will you get around?", "Choose a day and time"]) {
      await button("Continue").click();
      await waitForText(page, heading);
    }
    await button("Choose another day").click();
    const cell = (date: string) => page.locator(`td[data-date="${date}"]`);
    await expect.poll(() => cell("2026-11-24").getAttribute("aria-label")).toMatch(/: no free times$/);
    const look = (date: string) =>
      cell(date).evaluate((el) => {
        const style = (
          globalThis as unknown as { getComputedStyle(e: unknown): { textDecorationLine: string; color: string } }
        ).getComputedStyle(el);
        return { line: style.textDecorationLine, color: style.color };
      });
    await expect.poll(() => cell("2026-11-29").getAttribute("aria-label")).toMatch(/: closed$/);
    await expect(cell("2026-11-20").getAttribute("aria-label")).resolves.toMatch(/: past$/);

    const full = await look("2026-11-24");
    const closed = await look("2026-11-29");
    const past = await look("2026-11-20");
    expect(full.line).toBe("line-through");
    expect(closed.line).toBe("none");
    expect(past.line).toBe("none");
    // Muted alike, and unlike a free day.
    const free = await look("2026-11-25");
    expect(closed.color).toBe(full.color);
    expect(past.color).toBe(full.color);
    expect(free.color).not.toBe(full.color);
    await checkpoint(page, "widget-steps-picker-states");
    await page.keyboard.press("Escape");
  }, 60_000);
});
