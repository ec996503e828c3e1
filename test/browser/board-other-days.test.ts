import { describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { booking } from "../support/http.js";
import { axeViolations } from "../support/browser.js";
import { admin, DAY, signedInPage, useBoardWorld } from "../support/board.js";

// What the advisors' page says of a day other than the one it shows (Tuesday DAY; the
// clock is frozen on Monday 23 November at 10:00): a job carried over from an earlier day
// names its customer in the technicians' panel.

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
