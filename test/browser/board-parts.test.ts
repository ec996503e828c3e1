import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import { admin, bookSomewhere, signedInPage, slotOf, useBoardWorld } from "../support/board.js";

// The parts list in an appointment's dialog: each order with its state and deposit due,
// and a "Parts arrived" button (named by its part) per part on order, which marks it
// arrived on the server — the customer's message or the desk's call task is the server's.

const bw = useBoardWorld();

describe("parts on the board", () => {
  it("lists the appointment's parts and marks one arrived from the dialog, by keyboard", async () => {
    const b = await bookSomewhere(bw.world.api, "11:00", "Pezzo Arrivato");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    const made = async (body: object) => {
      const res = await bw.world.api("POST", url, body, admin);
      expect(res.status).toBe(201);
      return ((await res.json()) as { order: { id: string } }).order.id;
    };
    const lamp = await made({ description: "Left headlamp unit", priceCents: 120_000, specialOrder: true });
    await made({ description: "Wiper blades", priceCents: 4_500, specialOrder: false });
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    const parts = dialog.locator('[data-panel="parts"]');
    await parts.getByRole("heading", { name: "Parts ordered" }).waitFor();
    expect(await parts.locator("li").allTextContents()).toEqual([
      expect.stringMatching(/^Left headlamp unit · ordered · deposit due €600\.00/),
      expect.stringMatching(/^Wiper blades · ordered\s/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    const arrived = dialog.getByRole("button", { name: "Parts arrived: Left headlamp unit", exact: true });
    await arrived.focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await page.getByText("Marked arrived: Left headlamp unit.").first().waitFor();
    // The customer gave no consent to messages: the desk's call task is in the Tasks panel,
    // named by the appointment, and opens it.
    const task = page
      .locator("[data-task]")
      .getByRole("button", { name: `Call: part arrived: ${b.reception.start.slice(11, 16)} · Pezzo Arrivato` });
    await task.waitFor();
    const list = (await (await bw.world.api("GET", url, undefined, admin)).json()) as {
      parts: Array<{ id: string; status: string }>;
    };
    expect(list.parts.map((p) => [p.id === lamp, p.status])).toEqual([
      [true, "arrived"],
      [false, "ordered"],
    ]);
    await page.context().close();
  }, 90_000);
});
