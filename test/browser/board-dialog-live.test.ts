import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import { admin, bookSomewhere, getAppointment, signedInPage, slotOf, useBoardWorld } from "../support/board.js";
import { ok } from "../support/journey.js";
import { orderPart } from "../support/parts.js";

// An open appointment dialog follows live changes (web/board/live-slot.ts): a colleague's
// confirmation redraws its status and steps, and the next press carries the new version
// (no 409 "changed meanwhile"); an appointment cancelled elsewhere is no longer offered
// any action. Its customer line, and what is being typed in its parts forms, survive the
// day's reload.

const bw = useBoardWorld();
const TODAY = "2026-11-23";
const A = "/v1/dealers/demo/appointments";

const dialog = (page: Page) => page.getByRole("dialog");
async function stepsIn(page: Page): Promise<string[]> {
  await dialog(page).getByRole("button", { name: "Close" }).waitFor();
  return (await dialog(page).locator(".actions button").allTextContents())
    .map((s) => s.trim())
    .filter((s) => s !== "Close");
}

describe("an open appointment dialog on a live board", () => {
  it("redraws a colleague's confirmation, keeps the customer line, and its next step lands", async () => {
    // Today's (the server's frozen Monday): a check-in opens on the reception's day.
    const b = await bookSomewhere(bw.world.api, "15:00", "Vivo Aggiornato", TODAY);
    const page = await signedInPage(bw.browser, bw.world);
    await page.goto(`${bw.world.server.baseUrl}/board?date=${TODAY}&dealer=demo&lang=en`);
    await page.locator('[data-live="on"]').waitFor();
    await slotOf(page, b.id).click();
    expect(await stepsIn(page)).toEqual(["Confirm", "Check in", "Cancel appointment"]);
    await dialog(page).getByText("Customer: Vivo Aggiornato").waitFor();

    const res = await bw.world.api("POST", `${A}/${b.id}/confirm`, undefined, admin);
    expect(res.status).toBe(200);
    await dialog(page)
      .getByText(/Changed meanwhile by someone else: now confirmed/)
      .waitFor();
    await expect.poll(() => stepsIn(page)).toEqual(["Check in", "Cancel appointment"]);
    await dialog(page).getByText("Customer: Vivo Aggiornato").waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await dialog(page).getByRole("button", { name: "Check in", exact: true }).click();
    await dialog(page).waitFor({ state: "detached" });
    await expect.poll(async () => (await getAppointment(bw.world.api, b.id)).status).toBe("checked_in");
    await page.context().close();
  }, 60_000);

  it("an appointment cancelled elsewhere offers no action and says why", async () => {
    const b = await bookSomewhere(bw.world.api, "12:00", "Via Altrove");
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    expect(await stepsIn(page)).toContain("Confirm");

    const res = await bw.world.api("POST", `${A}/${b.id}/cancel`, { reason: "customer phoned" }, admin);
    expect(res.status, await res.text()).toBe(200);
    await dialog(page)
      .getByText(/no longer on this day/)
      .waitFor();
    expect(await stepsIn(page)).toEqual([]);
    expect(await dialog(page).locator("form").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await dialog(page).getByRole("button", { name: "Close" }).click();
    await dialog(page).waitFor({ state: "detached" });
    await page.context().close();
  }, 60_000);

  it("keeps what is being typed in the parts forms when a colleague's change reloads the day, and the payment then lands; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "15:00", "Digita Ancora");
    const headlamp = { description: "Left headlamp unit", priceCents: 120_000, specialOrder: true };
    await ok(await orderPart(bw.world.api, `${A}/${b.id}/parts`, headlamp), 201);
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    const amount = dialog(page)
      .getByRole("form", { name: "Deposit received for Left headlamp unit" })
      .getByLabel("Deposit received (€)");
    const part = dialog(page).locator('[data-form="order-part"]').getByLabel("Part");
    await amount.fill("300");
    await part.fill("Spark plugs");

    expect((await bw.world.api("POST", `${A}/${b.id}/confirm`, undefined, admin)).status).toBe(200);
    await dialog(page)
      .getByText(/Changed meanwhile by someone else: now confirmed/)
      .waitFor();
    // The day's reload dropped the appointment's details; once they are read again, the forms still hold what was typed.
    await dialog(page).getByText("Customer: Digita Ancora").waitFor();
    expect(await amount.inputValue()).toBe("300");
    expect(await part.inputValue()).toBe("Spark plugs");
    expect(await axeViolations(page)).toEqual([]);
    await amount.press("Enter");
    // The dialog stays open after a parts action, saying what was done; the order's form keeps its part.
    await dialog(page).getByText("Payment recorded: €300.00 for Left headlamp unit.").waitFor();
    expect(await part.inputValue()).toBe("Spark plugs");
    await page.context().close();
  }, 60_000);
});
