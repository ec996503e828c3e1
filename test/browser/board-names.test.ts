import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { booking } from "../support/http.js";
import { axeViolations } from "../support/browser.js";
import { admin, DAY, signedInPage, slotOf, useBoardWorld } from "../support/board.js";

// How the advisors' page names an appointment (Tuesday DAY; the clock is frozen on Monday
// 23 November at 10:00): by its customer, else by its car, in the slot, the technicians'
// panel, the open tasks and the messages alike.

const bw = useBoardWorld();

async function bookFor(start: string, advisorId: string, overrides: Record<string, unknown>) {
  const res = await bw.world.api(
    "POST",
    "/v1/dealers/demo/appointments",
    booking({ start, advisorId }, overrides),
    admin,
  );
  const body = await json<AppointmentView>(res);
  if (res.status !== 201) throw new Error(`booking ${start} ${advisorId}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

describe("a slot's car", () => {
  it("is on the board at once: the tooltip names it before the appointment's own read, and a customer without a name is named by it in the slot, the technicians' panel and the messages; axe-clean", async () => {
    const a = await bookFor(`${DAY}T12:00`, "giulia", {
      customer: { known: true, name: "Nina Nameless", phone: "+39 333 7654321" },
      vehicle: { model: "Levante", plate: "GH123JK" },
    });
    // A stored contact without a name (the API asks for one; the board's types allow none).
    const rw = new Database(bw.world.server.dbPath);
    rw.prepare("UPDATE appointments SET customer_json = json_remove(customer_json, '$.name') WHERE id = ?").run(a.id);
    rw.close();
    const page = await signedInPage(bw.browser, bw.world);
    // The appointment's own read never answers: what shows is what the day board said.
    await page.route("**/v1/dealers/demo/appointments/*", (route) =>
      route.request().method() === "GET" ? route.abort() : route.fallback(),
    );
    const slot = slotOf(page, a.id);
    await expect(slot.innerText()).resolves.toMatch(/^12:00\s+Levante$/);
    const job = page.locator(`[data-slot="technicians"] li[data-technician] li[data-appointment="${a.id}"]`).first();
    await expect(job.textContent()).resolves.toMatch(/ · Levante GH123JK$/);
    // The booking's notice to the supervisor is about this slot.
    const notice = page.getByRole("region", { name: "Messages" }).locator("li[data-message]", { hasText: "12:00" });
    await expect(notice.locator(".message-about").textContent()).resolves.toBe("12:00 · Levante GH123JK");
    await slot.focus();
    const tip = page.getByRole("tooltip");
    await expect(tip.innerText()).resolves.toMatch(/Vehicle: Levante · GH123JK/);
    await page.evaluate("document.activeElement?.blur()");
    await tip.waitFor({ state: "detached" });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
