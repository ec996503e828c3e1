import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gate, settled } from "../support/gates.js";
import { auth } from "../support/http.js";
import { checkpoint, focused, waitForText } from "../support/pages.js";
import { bookUrl, fillAndBook, holdTime, openTimes, shownTimes } from "../support/widget-flow.js";
import { useWorld, widgetDealer } from "../support/browser-world.js";

// Honest times under contention: a time held by one customer is not shown to another; two
// customers going for one time: the second is told in words and offered the 409's
// alternatives; a time lost at the very last step (the hold gone, someone booked it) sends
// the customer back to the times with alternatives, their details kept. And a day's times
// answered late (another day chosen since, or the step left) are neither shown nor said.

const w = useWorld({ race: widgetDealer() });
let one: BrowserContext;
let two: BrowserContext;
let a: Page;
let b: Page;

beforeAll(async () => {
  const opts = { locale: "en-GB", timezoneId: "Europe/Rome", viewport: { width: 820, height: 900 } };
  [one, two] = await Promise.all([w.browser.newContext(opts), w.browser.newContext(opts)]);
  [a, b] = await Promise.all([one.newPage(), two.newPage()]);
});
afterAll(async () => {
  await one?.close();
  await two?.close();
});

describe("holds", () => {
  it("a time held in one browser is not offered in another, and comes back when released", async () => {
    const times = await openTimes(a, bookUrl(w.base, "race"));
    const held = times[0];
    expect((await holdTime(a, held)).status()).toBe(201);
    await waitForText(a, "Your details");

    const seen = await openTimes(b, bookUrl(w.base, "race"));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain(held);

    await a.getByRole("button", { name: "Back" }).click(); // releases the hold
    await waitForText(a, "Choose a day and time");
    await expect.poll(async () => (await openTimes(b, bookUrl(w.base, "race")))[0], { timeout: 20_000 }).toBe(held);
  }, 90_000);
  it("a customer who leaves the page gives the held time back at once", async () => {
    const times = await openTimes(a, bookUrl(w.base, "race"));
    expect((await holdTime(a, times[0])).status()).toBe(201);
    await waitForText(a, "Your details");
    expect(await openTimes(b, bookUrl(w.base, "race"))).not.toContain(times[0]);
    await a.goto("about:blank"); // pagehide: the widget releases its hold
    await expect.poll(async () => (await openTimes(b, bookUrl(w.base, "race")))[0], { timeout: 20_000 }).toBe(times[0]);
  }, 90_000);
});

describe("two customers, one time", () => {
  it("the second is told and offered the alternatives, and can take one", async () => {
    const [ta, tb] = await Promise.all([openTimes(a, bookUrl(w.base, "race")), openTimes(b, bookUrl(w.base, "race"))]);
    const wanted = ta[1];
    expect(tb).toContain(wanted);
    expect((await holdTime(a, wanted)).status()).toBe(201);
    const lost = await holdTime(b, wanted);
    expect(lost.status()).toBe(409);
    await waitForText(b, "someone has just taken this time");
    await waitForText(b, "Other free times");
    const alternatives = b.locator("fieldset", { hasText: "Other free times" }).getByRole("radio");
    expect(await alternatives.count()).toBeGreaterThanOrEqual(2);
    // Focus goes to the first alternative, not lost to <body> with the busy button.
    await expect
      .poll(() =>
        alternatives
          .first()
          .evaluate((el) => (el.getRootNode() as unknown as { activeElement: unknown }).activeElement === el),
      )
      .toBe(true);
    expect(await focused(b)).toMatchObject({ tag: "input", type: "radio" });
    expect(await shownTimes(b)).not.toContain(wanted); // the day list was refreshed
    await checkpoint(b, "race-loser-alternatives");
    await alternatives.first().check();
    const [res] = await Promise.all([
      b.waitForResponse((r) => r.url().endsWith("/holds")),
      b.getByRole("button", { name: "Continue", exact: true }).click(),
    ]);
    expect(res.status()).toBe(201);
    await waitForText(b, "Your details");
  }, 90_000);

  it("a time lost at the last step sends the customer back to alternatives", async () => {
    // a is on the details step holding a time: the hold goes away and a phone booking takes it.
    await a.getByRole("button", { name: "Back" }).click();
    const times = await openTimes(a, bookUrl(w.base, "race"));
    const res = await holdTime(a, times[2]);
    const hold = await res.json();
    await waitForText(a, "Your details");
    expect((await w.api("DELETE", `/v1/dealers/race/holds/${hold.holdId}`)).status).toBeLessThan(300);
    const phone = await w.api(
      "POST",
      "/v1/dealers/race/appointments",
      {
        optionId: hold.option.optionId,
        vehicle: { model: "Levante" },
        interventions: ["maintenance"],
        customer: { name: "Phone Customer", phone: "+39 06 1234567" },
        channel: "phone",
      },
      auth,
    );
    expect(phone.status).toBe(201);

    await fillAndBook(a);
    await waitForText(a, "someone has just taken this time");
    await waitForText(a, "Other free times");
    const offered = await a.locator("fieldset", { hasText: "Other free times" }).getByRole("radio").count();
    expect(offered).toBeGreaterThanOrEqual(2);
    // Heard, not only seen: where the customer is, that the time was taken, the times
    // offered first, then the day's free times, added after all that once they are in
    // (they used to replace it). Said there once, so the sentence on the page is no alert.
    const spoken = () => a.locator('[role="status"]').first().textContent();
    await expect.poll(spoken).toMatch(/free times on /);
    expect(await spoken()).toMatch(
      new RegExp(
        `^Step 4 of 5: Choose a day and time\\. Sorry, someone has just taken this time\\. Please choose another one\\. ${offered} other free times are listed first\\. \\d+ free times on [^.]+\\.$`,
      ),
    );
    await expect(a.getByRole("alert").count()).resolves.toBe(0);
    await checkpoint(a, "last-step-lost");
  }, 90_000);
});

describe("one booking per press", () => {
  /** On the details step with a time held and the details filled; POSTs to /appointments counted, each answered after a pause. */
  async function readyToBook(page: Page, email: string): Promise<string[]> {
    const times = await openTimes(page, bookUrl(w.base, "race"));
    expect((await holdTime(page, times[0])).status()).toBe(201);
    await waitForText(page, "Your details");
    await page.getByLabel("Full name").fill("Doppio Clic");
    await page.getByLabel("Email").fill(email);
    const sent: string[] = [];
    await page.route("**/appointments", async (route) => {
      sent.push(route.request().method());
      await new Promise((ok) => setTimeout(ok, 600)); // a slow network: time for a second press
      await route.continue();
    });
    return sent;
  }

  it("a double click on Book sends one booking, the button busy meanwhile", async () => {
    const sent = await readyToBook(a, "doppio.clic@example.com");
    await a.getByRole("button", { name: "Book the appointment" }).dblclick();
    const busy = a.getByRole("button", { name: "Booking…" });
    await expect.soft(busy.getAttribute("aria-disabled")).resolves.toBe("true");
    // Back waits too: it would release the hold the booking in flight names.
    const released: string[] = [];
    a.on("request", (r) => r.method() === "DELETE" && r.url().includes("/holds/") && released.push(r.url()));
    await expect.soft(a.getByRole("button", { name: "Back" }).getAttribute("aria-disabled")).resolves.toBe("true");
    await a.getByRole("button", { name: "Back" }).click({ force: true }); // as a user's click, busy or not
    await waitForText(a, "Your appointment request is sent");
    expect(released).toEqual([]);
    expect(sent).toEqual(["POST"]);
    await a.unroute("**/appointments");
  }, 90_000);

  it("an answer lost on the way (booked, then the network failed) is retried with the same key: one booking", async () => {
    const times = await openTimes(a, bookUrl(w.base, "race"));
    expect((await holdTime(a, times[0])).status()).toBe(201);
    await waitForText(a, "Your details");
    await a.getByLabel("Full name").fill("Rete Persa");
    await a.getByLabel("Email").fill("rete.persa@example.com");
    const keys: string[] = [];
    const ids: string[] = [];
    await a.route("**/appointments", async (route) => {
      keys.push(route.request().headers()["idempotency-key"]);
      const res = await route.fetch(); // the server books…
      ids.push(((await res.json()) as { id: string }).id);
      if (keys.length === 1) return route.abort("connectionreset"); // …and the answer is lost
      await route.fulfill({ response: res });
    });
    await a.getByRole("button", { name: "Book the appointment" }).click();
    await a
      .getByRole("button", { name: "Book the appointment" })
      .and(a.locator(":not([aria-disabled=true])"))
      .waitFor();
    await a.getByRole("button", { name: "Book the appointment" }).click();
    await waitForText(a, "Your appointment request is sent");
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(ids[1]).toBe(ids[0]); // the same appointment, answered again
    await a.unroute("**/appointments");
  }, 90_000);

  it("so does Enter pressed twice in a field", async () => {
    const sent = await readyToBook(a, "doppio.invio@example.com");
    await a.getByLabel("Email").press("Enter");
    await a.getByLabel("Email").press("Enter");
    await waitForText(a, "Your appointment request is sent");
    expect(sent).toEqual(["POST"]);
    await a.unroute("**/appointments");
  }, 90_000);
});

describe("a day's times answered late", () => {
  it("a day chosen while the first one still loads keeps its own times: the first day's late answer is dropped", async () => {
    // The first day's times are held until the day chosen meanwhile is shown: its answer
    // lands after that day's (a busy server), whatever the box's speed.
    let first: string | null = null;
    const held = gate();
    await a.route("**/availability/day", async (route) => {
      const { date } = route.request().postDataJSON() as { date: string };
      first ??= date;
      if (date !== first) return route.continue();
      await held.shut;
      await route.fulfill({ response: await route.fetch() });
    });
    const lateAnswer = a.waitForResponse(
      (r) => r.url().endsWith("/availability/day") && (r.request().postDataJSON() as { date: string }).date === first,
      { timeout: 80_000 },
    );
    await a.goto(bookUrl(w.base, "race"));
    await waitForText(a, "What does your car need?");
    for (const heading of ["Your car", "How will you get around?", "Choose a day and time"]) {
      await a.getByRole("button", { name: "Continue", exact: true }).click();
      await waitForText(a, heading);
    }
    await a.getByRole("button", { name: "Choose another day", exact: true }).click();
    const other = a.locator("td[data-date][aria-label*='free from']");
    await other.first().waitFor();
    const dates = await other.evaluateAll((cells) => cells.map((c) => c.getAttribute("data-date")));
    const chosen = dates.find((d) => d !== first)!;
    await a.locator(`td[data-date="${chosen}"]`).click();
    const starts = () =>
      a.locator("label.pl-time input").evaluateAll((els) => els.map((e) => e.getAttribute("data-start")));
    await expect.poll(async () => (await starts()).length).toBeGreaterThan(0);
    held.open();
    await settled(a, await lateAnswer);
    const shown = await starts();
    // The days the listed times are on: the chosen one only (they were the first day's).
    expect([...new Set(shown.map((s) => s?.slice(0, 10)))]).toEqual([chosen]);
    await a.unroute("**/availability/day");
  }, 90_000);

  it("a day's times answered after the customer left the step are not said on the step they went to", async () => {
    // Held until the customer is back on the step before: the answer always lands after.
    const held = gate();
    await a.route("**/availability/day", async (route) => {
      await held.shut;
      await route.fulfill({ response: await route.fetch() });
    });
    const asked = a.waitForRequest((r) => r.url().endsWith("/availability/day"), { timeout: 80_000 });
    const lateAnswer = a.waitForResponse((r) => r.url().endsWith("/availability/day"), { timeout: 80_000 });
    await a.goto(bookUrl(w.base, "race"));
    await waitForText(a, "What does your car need?");
    for (const heading of ["Your car", "How will you get around?", "Choose a day and time"]) {
      await a.getByRole("button", { name: "Continue", exact: true }).click();
      await waitForText(a, heading);
    }
    await asked; // the day's times are on their way (held)
    await a.getByRole("button", { name: "Back", exact: true }).click();
    await waitForText(a, "How will you get around?");
    held.open();
    await settled(a, await lateAnswer);
    // The live region says where the customer is, not the times of a step they left.
    const spoken = await a.locator('[role="status"]').first().textContent();
    expect(spoken).toMatch(/^Step 3 of 5: How will you get around\?/);
    expect(spoken).not.toMatch(/free times? on/);
    await a.unroute("**/availability/day");
  }, 90_000);
});
