import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { booking } from "../support/http.js";
import { axeViolations } from "../support/browser.js";
import { admin, DAY, signedInPage, useBoardWorld } from "../support/board.js";

// What the advisors' page says of a day other than the one it shows (Tuesday DAY; the
// clock is frozen on Monday 23 November at 10:00): a job carried over from an earlier day
// names its customer in the technicians' panel, and a walk-in, always received today,
// names its day in the notice and brings the board to that day, the focus on its slot;
// a no-show task about another day's appointment names whom to call and goes to that day.

const bw = useBoardWorld();
const MONDAY = "2026-11-23";

describe("a task about another day's appointment", () => {
  it("names whom to call and when, and takes the desk to that day with the slot focused (Enter: its late check-in); axe-clean", async () => {
    // A walk-in received now (Monday 10:00, the server's clock), then marked a no-show.
    const body = {
      vehicle: { model: "Ghibli" },
      interventions: ["maintenance"],
      customer: { known: true, name: "Nora Notoday", phone: "+39 333 1112223" },
    };
    const url = "/v1/dealers/demo/reshuffle/walk-in";
    const plan = json<{ planToken: string }>(await bw.world.api("POST", url, body, admin));
    const applied = await json<{ created: { id: string; reception: { start: string } } }>(
      await bw.world.api("POST", url, { ...body, mode: "apply", planToken: (await plan).planToken }, admin),
    );
    const { id, reception } = applied.created;
    expect(reception.start).toBe(`${MONDAY}T10:00:00+01:00`);
    const noShow = await bw.world.api("POST", `/v1/dealers/demo/appointments/${id}/no-show`, undefined, admin);
    expect(noShow.status, await noShow.text()).toBe(200);

    // The board shows Tuesday (DAY): the task is about Monday's appointment.
    const page = await signedInPage(bw.browser, bw.world);
    const task = page
      .locator("[data-task]")
      .getByRole("button", { name: /^Call after no-show: Mon,? 23 Nov 10:00 · Nora Notoday \(show that day\)$/ });
    await task.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await task.click();
    await page.locator(`.date[data-date="${MONDAY}"]`).waitFor({ timeout: 5000 });
    await page.waitForFunction(
      `document.activeElement?.matches('button.slot.reception[data-appointment="${id}"]')`,
      undefined,
      { timeout: 5000 },
    );
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").getByRole("button", { name: "Arrived late: check in" }).waitFor();
    // The dialog's name says who, not only when (what a screen reader hears first).
    expect(await page.getByRole("dialog", { name: "Appointment 10:00 · Nora Notoday" }).count()).toBe(1);
    await page.context().close();
  }, 60_000);
});

describe("a job carried over from an earlier day", () => {
  it("names its customer in the technicians' panel of the day it runs on, though that day has no slot of it; axe-clean", async () => {
    // 12 h of bodywork received on Monday at 17:00: the body shop works on it on Tuesday.
    const res = await bw.world.api(
      "POST",
      "/v1/dealers/demo/appointments",
      booking(
        { start: `${MONDAY}T17:00`, advisorId: "giulia" },
        {
          interventions: ["bodywork"],
          customer: { known: true, name: "Carla Carryover", phone: "+39 333 7654321" },
          vehicle: { model: "Levante", plate: "GH123JK" },
        },
      ),
      admin,
    );
    const a = await json<AppointmentView>(res);
    expect(res.status, JSON.stringify(a)).toBe(201);
    const page = await signedInPage(bw.browser, bw.world);
    const jobs = page.locator(`[data-slot="technicians"] li[data-technician] li[data-appointment="${a.id}"]`);
    await jobs.first().waitFor();
    expect(await page.locator(`button.slot[data-appointment="${a.id}"]`).count()).toBe(0); // no slot on Tuesday
    for (const text of await jobs.allTextContents())
      expect(text).toMatch(/^\d\d:\d\d–\d\d:\d\d · bodywork · planned · Carla Carryover$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe("a message written on the shown day about another day's appointment", () => {
  it("names that appointment's day, time and customer in the Messages panel; axe-clean", async () => {
    // Booked now (Monday, the server's clock) for Thursday: its messages are written on Monday.
    const res = await bw.world.api(
      "POST",
      "/v1/dealers/demo/appointments",
      booking(
        { start: "2026-11-26T10:00", advisorId: "marco" },
        { customer: { known: true, name: "Tina Thursday", phone: "+39 333 2223334" } },
      ),
      admin,
    );
    const a = await json<AppointmentView>(res);
    expect(res.status, JSON.stringify(a)).toBe(201);
    const page = await signedInPage(bw.browser, bw.world);
    await page.getByRole("button", { name: "Previous day" }).click();
    await page.locator(`.date[data-date="${MONDAY}"]`).waitFor();
    const about = page.locator("li[data-message] .message-about", { hasText: "Tina Thursday" });
    await about.first().waitFor();
    expect((await about.first().textContent())?.replace("Thu,", "Thu")).toBe("Thu 26 Nov 10:00 · Tina Thursday");
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe("a walk-in booked while another day is shown", () => {
  it.each([
    [
      "en",
      "Walk-in",
      "Customer's name",
      "Vehicle model",
      "Book the walk-in",
      /^Walk-in booked on Monday,? 23 November at \d\d:\d\d\.$/,
    ],
    [
      "it",
      "Cliente senza appuntamento",
      "Nome del cliente",
      "Modello del veicolo",
      "Registra il cliente",
      /^Cliente accolto lunedì 23 novembre alle \d\d:\d\d\.$/,
    ],
  ])(
    "names the day it is booked on (%s)",
    async (lang, open, name, model, submit, said) => {
      const page = await signedInPage(bw.browser, bw.world, lang);
      await page.getByRole("button", { name: open }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(name).fill(`Walter Walk-in ${lang}`);
      await dialog.getByLabel(model).fill("Grecale");
      await dialog.getByRole("button", { name: submit }).click();
      await dialog.waitFor({ state: "detached" });
      await expect(page.getByTestId("notice").textContent()).resolves.toMatch(said);
      await page.context().close();
    },
    60_000,
  );
});

describe("after a walk-in", () => {
  /** Books a walk-in from the page; returns the time the notice names. */
  async function walkIn(page: Page, name: string): Promise<string> {
    // exact: on Monday, the earlier walk-ins' slots have "Walk-in" in their names.
    await page.getByRole("button", { name: "Walk-in", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Customer's name").fill(name);
    await dialog.getByLabel("Vehicle model").fill("Grecale");
    await dialog.getByRole("button", { name: "Book the walk-in" }).click();
    await dialog.waitFor({ state: "detached" });
    const said = (await page.getByTestId("notice").textContent()) ?? "";
    const time = said.match(/^Walk-in booked on Monday,? 23 November at (\d\d:\d\d)\.$/)?.[1];
    expect(time, said).toBeDefined();
    // The screen reader hears it: the status region says what the notice says.
    await expect(page.getByRole("status").textContent()).resolves.toBe(said);
    return time!;
  }

  /** Waits until the focus is on a reception slot whose name starts with `time` and `name`. */
  async function focusedOn(page: Page, time: string, name: string) {
    const label = JSON.stringify(`${time} ${name}, reception ${time}–`);
    await page.waitForFunction(`document.activeElement?.getAttribute("aria-label")?.startsWith(${label})`, undefined, {
      timeout: 5000,
    });
    expect(await page.locator("button.slot.reception:focus").getAttribute("data-start")).toBe(time);
  }

  it("booked while another day is shown, the board goes to the walk-in's day (today), the focus on its new slot, and says so in the status; the same from today; axe-clean", async () => {
    const page = await signedInPage(bw.browser, bw.world);
    const time = await walkIn(page, "Fiona Focus");
    await page.locator(`.date[data-date="${MONDAY}"]`).waitFor({ timeout: 5000 });
    // The address follows in an effect after the header is drawn: polled, not read once (a
    // read between the two failed under load in CI).
    await expect.poll(() => new URL(page.url()).searchParams.get("date")).toBe(MONDAY);
    // Once Monday is drawn, the focus is on the new booking (Enter: its check-in).
    await focusedOn(page, time, "Fiona Focus");
    // From the walk-in's own day: the board stays, the focus goes to the newer slot.
    const again = await walkIn(page, "Gino Again");
    await focusedOn(page, again, "Gino Again");
    expect(await page.locator(".date").getAttribute("data-date")).toBe(MONDAY);
    // With the new slot focused and its tooltip shown.
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
