import { describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { booking } from "../support/http.js";
import { axeViolations } from "../support/browser.js";
import { admin, DAY, signedInPage, useBoardWorld } from "../support/board.js";

// What the advisors' page says of a day other than the one it shows (Tuesday DAY; the
// clock is frozen on Monday 23 November at 10:00): a job carried over from an earlier day
// names its customer in the technicians' panel, and a walk-in, always received today,
// names its day in the notice read above another day's timeline.

const bw = useBoardWorld();
const MONDAY = "2026-11-23";

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

describe("a walk-in booked while another day is shown", () => {
  it.each([
    [
      "en",
      "Walk-in",
      "Customer's name",
      "Vehicle model",
      "Find a slot",
      /^Walk-in booked on Monday,? 23 November at \d\d:\d\d\.$/,
    ],
    [
      "it",
      "Cliente senza appuntamento",
      "Nome del cliente",
      "Modello del veicolo",
      "Trova un posto",
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
