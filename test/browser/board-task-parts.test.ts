import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import { admin, bookSomewhere, focusMovesTo, signedInPage, useBoardWorld } from "../support/board.js";
import { payDeposit } from "../support/board-parts.js";
import type { PartsOrderChange } from "../support/contracts.js";
import { ok } from "../support/journey.js";
import { orderPart } from "../support/parts.js";

// A part ordered for an appointment cancelled since: the appointment is on no day's board,
// so its dialog (and the part's "Cancel order") was out of the page's reach; only the API
// could cancel the part. The desk's task about it ("Call: cancelled with parts ordered")
// opens its parts in a dialog of their own, where the desk cancels (or marks) the part.

const bw = useBoardWorld();

/** A booking with a special-order headlamp (€200 of its deposit paid) and wiper blades, then cancelled. */
async function cancelledWithParts(name: string, time: string) {
  const b = await bookSomewhere(bw.world.api, time, name);
  const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
  const headlamp = { description: "Left headlamp unit", priceCents: 120_000, specialOrder: true };
  const lamp = await ok<PartsOrderChange>(await orderPart(bw.world.api, url, headlamp), 201);
  await payDeposit(bw.world, url, lamp, 20_000);
  const wipers = { description: "Wiper blades", priceCents: 4_500, specialOrder: false };
  await ok(await orderPart(bw.world.api, url, wipers), 201);
  expect((await bw.world.api("POST", `/v1/dealers/demo/appointments/${b.id}/cancel`, {}, admin)).status).toBe(200);
  return url;
}

const statuses = async (url: string) =>
  ((await (await bw.world.api("GET", url, undefined, admin)).json()) as { parts: Array<{ status: string }> }).parts.map(
    (p) => p.status,
  );

describe("a part ordered for an appointment cancelled since", () => {
  it.each([
    {
      lang: "en",
      name: "Carla Cancellata",
      time: "10:30",
      show: /^Show the parts: Call: cancelled with parts ordered: /,
      title: /^Parts ordered: \w{3} 24 Nov \d\d:\d\d · Carla Cancellata$/,
      status: /· cancelled$/,
      cancel: "Cancel order: Left headlamp unit",
      yes: "Yes, cancel the order",
      done: "Order cancelled: Left headlamp unit. Refund the deposit of €200.00 at the desk.",
      row: /^Left headlamp unit · cancelled · /,
    },
    {
      lang: "it",
      name: "Carlo Cancellato",
      time: "11:30",
      show: /^Mostra i ricambi: Chiamare: annullato con ricambi ordinati: /,
      title: /^Ricambi ordinati: \w{3} 24 nov \d\d:\d\d · Carlo Cancellato$/,
      status: /· annullato$/,
      cancel: "Annulla ordine: Left headlamp unit",
      yes: "Sì, annulla l'ordine",
      done: /^Ordine annullato: Left headlamp unit\. Restituisci l'acconto di 200,00\s€ in accettazione\.$/,
      row: /^Left headlamp unit · annullato · /,
    },
  ])(
    "$lang: is reached from the desk's task: the parts in a dialog of their own, the order cancelled there by keyboard; the task stays for the call; axe-clean",
    async (c) => {
      const url = await cancelledWithParts(c.name, c.time);
      const page = await signedInPage(bw.browser, bw.world, c.lang);
      const task = page.locator("li[data-task]", { hasText: c.name });
      const show = task.getByRole("button", { name: c.show });
      await show.waitFor();
      // Beside "Show the phone number": each a target of its own size (WCAG 2.5.8).
      expect(await axeViolations(page)).toEqual([]);
      await show.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: c.title });
      const rows = dialog.locator('[data-panel="parts"] li');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(2);
      await dialog.getByText(c.status).waitFor();
      // Nothing is ordered for a cancelled appointment: no order form.
      expect(await dialog.locator('[data-form="order-part"]').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      await dialog.getByRole("button", { name: c.cancel, exact: true }).focus();
      await page.keyboard.press("Enter");
      await focusMovesTo(page, "dialog fieldset[data-confirm] button:first-of-type");
      await dialog.getByRole("button", { name: c.yes }).focus();
      await page.keyboard.press("Enter");
      // Said in the dialog, which stays open, and on the page behind it; the row is redrawn.
      await dialog.locator('[data-said="parts"]').getByText(c.done).waitFor();
      await rows.filter({ hasText: c.row }).waitFor();
      await page.getByTestId("notice").getByText(c.done).waitFor();
      expect(await statuses(url)).toEqual(["cancelled", "ordered"]);
      expect(await axeViolations(page)).toEqual([]);

      // Closed: the focus is back on the task's button, and the task waits for the call.
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      await expect.poll(() => show.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
      expect(await task.count()).toBe(1);
      await page.context().close();
    },
    90_000,
  );

  it.each([
    {
      lang: "en",
      name: "Ugo Ultimo",
      time: "13:30",
      show: /^Show the parts: /,
      cancel: "Cancel order: Wiper blades",
      yes: "Yes, cancel the order",
      done: /^Call: cancelled with parts ordered · .* · Ugo Ultimo: not needed .* by Pitlane$/,
      heading: /^Open tasks/,
    },
    {
      lang: "it",
      name: "Ugo Ultimi",
      time: "14:30",
      show: /^Mostra i ricambi: /,
      cancel: "Annulla ordine: Wiper blades",
      yes: "Sì, annulla l'ordine",
      done: /^Chiamare: annullato con ricambi ordinati · .* · Ugo Ultimi: non serve più .*, da Pitlane$/,
      heading: /^Attività aperte/,
    },
  ])(
    "$lang: its last part cancelled with nothing paid, the task closes itself (done by Pitlane); closed, the dialog gives the focus to the Tasks heading",
    async (c) => {
      const b = await bookSomewhere(bw.world.api, c.time, c.name);
      const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
      await ok(
        await orderPart(bw.world.api, url, { description: "Wiper blades", priceCents: 4_500, specialOrder: false }),
        201,
      );
      expect((await bw.world.api("POST", `/v1/dealers/demo/appointments/${b.id}/cancel`, {}, admin)).status).toBe(200);
      const page = await signedInPage(bw.browser, bw.world, c.lang);
      const task = page.locator("li[data-task]", { hasText: c.name });
      await task.getByRole("button", { name: c.show }).press("Enter");
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: c.cancel, exact: true }).press("Enter");
      await dialog.getByRole("button", { name: c.yes }).press("Enter");
      await dialog.locator('[data-panel="parts"] li', { hasText: /cancelled|annullato/ }).waitFor();
      // Nothing left to call about: the task leaves the open ones behind the dialog.
      await task.waitFor({ state: "detached" });
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      await focusMovesTo(page, "#tasks-title");
      expect(await page.locator("#tasks-title").textContent()).toMatch(c.heading);
      const done = page.locator("li[data-done-task]", { hasText: c.name });
      expect(await done.textContent()).toMatch(c.done);
      await page.context().close();
    },
    90_000,
  );

  it("says in words when its parts cannot be read, and reads them again on request", async () => {
    await cancelledWithParts("Lidia Lettura", "12:30");
    const page = await signedInPage(bw.browser, bw.world);
    let failing = true;
    await page.route("**/v1/dealers/demo/appointments/*", (route) =>
      failing ? route.abort() : route.continue().catch(() => {}),
    );
    await page
      .locator("li[data-task]", { hasText: "Lidia Lettura" })
      .getByRole("button", { name: /^Show the parts: / })
      .press("Enter");
    const dialog = page.getByRole("dialog");
    const alert = dialog.getByRole("alert");
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^The parts could not be read\. The server cannot be reached\. Check the connection and try again\./);
    expect(await axeViolations(page)).toEqual([]);
    failing = false;
    await alert.getByRole("button", { name: "Try again" }).press("Enter");
    await dialog.locator('[data-panel="parts"] li').first().waitFor();
    expect(await alert.count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
