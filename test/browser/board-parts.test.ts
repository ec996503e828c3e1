import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import { admin, bookSomewhere, signedInPage, slotOf, useBoardWorld } from "../support/board.js";
import { payDeposit } from "../support/board-parts.js";
import type { PartsOrderChange } from "../support/contracts.js";
import { ok } from "../support/journey.js";
import { orderPart } from "../support/parts.js";

// The parts list in an appointment's dialog: each order with its state, price and deposit
// (asked, paid, due; on a cancelled order, the deposit to refund at the desk), and a
// "Part arrived" button (named by its part) per part on order, which marks it
// arrived on the server — the customer's message or the desk's call task is the server's.

const bw = useBoardWorld();

/** A special-order part ordered through the API at `url` (an appointment's parts), with one deposit payment on it. */
async function orderPaid(url: string, description: string, priceCents: number, paidCents: number) {
  const res = await orderPart(bw.world.api, url, { description, priceCents, specialOrder: true });
  await payDeposit(bw.world, url, await ok<PartsOrderChange>(res, 201), paidCents);
}

describe("parts on the board", () => {
  it("lists the appointment's parts and marks one arrived from the dialog, by keyboard", async () => {
    const b = await bookSomewhere(bw.world.api, "11:00", "Pezzo Arrivato");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    const headlamp = { description: "Left headlamp unit", priceCents: 120_000, specialOrder: true };
    const lamp = (await ok<PartsOrderChange>(await orderPart(bw.world.api, url, headlamp), 201)).order.id;
    const wipers = { description: "Wiper blades", priceCents: 4_500, specialOrder: false };
    await ok(await orderPart(bw.world.api, url, wipers), 201);
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    const parts = dialog.locator('[data-panel="parts"]');
    await parts.getByRole("heading", { name: "Parts ordered" }).waitFor();
    expect(await parts.locator("li").allTextContents()).toEqual([
      expect.stringMatching(/^Left headlamp unit · ordered · €1,200\.00 · deposit €600\.00, due €600\.00\s/),
      expect.stringMatching(/^Wiper blades · ordered · €45\.00\s/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // One button per part, so the singular (it said "Parts arrived" of one part).
    const arrived = dialog.getByRole("button", { name: "Part arrived: Left headlamp unit", exact: true });
    expect(await arrived.textContent()).toBe("Part arrived");
    await arrived.focus();
    await page.keyboard.press("Enter");
    // The dialog stays open: the row, drawn again as arrived (no button left on it), takes
    // the focus; the dialog says what was done, and so does the page's notice behind it.
    const lampRow = parts.locator("li").filter({ hasText: /^Left headlamp unit/ });
    await lampRow.getByText(/^Left headlamp unit · arrived · /).waitFor();
    expect(await lampRow.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
    expect(await arrived.count()).toBe(0);
    await dialog.locator('[data-said="parts"]').getByText("Marked arrived: Left headlamp unit.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("notice").getByText("Marked arrived: Left headlamp unit.").waitFor();
    // The customer gave no consent to messages: the desk's call task is in the Tasks panel,
    // named by the appointment, and opens it.
    const task = page.locator("[data-task]").getByRole("button", {
      name: `Call: part arrived: ${b.reception.start.slice(11, 16)} · Pezzo Arrivato`,
      exact: true,
    });
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

  it("orders a part and records its deposit from the dialog, by keyboard; no name, a zero price or one not a number is said at its field in the page's words; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "12:00", "Ordine Banco");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    const page = await signedInPage(bw.browser, bw.world);
    const open = async () => {
      await slotOf(page, b.id).click();
      const d = page.getByRole("dialog");
      await d.locator('[data-form="order-part"]').waitFor();
      return d;
    };
    const dialog = await open();
    const form = dialog.locator('[data-form="order-part"]');
    const focused = (l: ReturnType<typeof page.locator>) => l.evaluate((e) => e === e.ownerDocument.activeElement);
    // No part named, and a price of zero: said at each field in the page's words (no
    // browser popup: no `required`), the focus on the first; typing in a field clears its error.
    await form.getByLabel("Price in euros").fill("0");
    await form.getByRole("button", { name: "Record the order" }).press("Enter");
    const nameError = form.getByText("Write the part's name.", { exact: true });
    await nameError.waitFor();
    await form.getByText("The price must be more than zero.", { exact: true }).waitFor();
    expect(await focused(form.getByLabel("Part"))).toBe(true);
    expect(await form.getByLabel("Part").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Part").getAttribute("aria-describedby")).toBe(await nameError.getAttribute("id"));
    expect(await form.locator("[required]").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Part").fill("Carbon brake discs");
    await nameError.waitFor({ state: "detached" });
    expect(await form.getByLabel("Part").getAttribute("aria-invalid")).toBeNull();
    await form.getByText("The price must be more than zero.").waitFor(); // the other field's stays
    await form.getByLabel("Price in euros").fill("1.200,00");
    await form.getByLabel("Special order (not from stock)").check();
    await form.getByRole("button", { name: "Record the order" }).press("Enter");
    // Said at the field, which takes the focus; nothing sent.
    await form.getByText("Write the amount in euros as a plain number, for example 120 or 120.50.").waitFor();
    expect(await form.getByLabel("Price in euros").evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
    expect(await form.getByLabel("Price in euros").getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    expect(((await (await bw.world.api("GET", url, undefined, admin)).json()) as { parts: unknown[] }).parts).toEqual(
      [],
    );

    await form.getByLabel("Price in euros").fill("1200");
    await page.keyboard.press("Enter");
    // The dialog stays open for the next part: the form emptied, its first field focused,
    // what was done said in the dialog.
    const said = dialog.locator('[data-said="parts"]');
    await said.getByText("Ordered: Carbon brake discs.", { exact: true }).waitFor();
    expect(await focused(form.getByLabel("Part"))).toBe(true);
    expect(await form.getByLabel("Part").inputValue()).toBe("");
    expect(await form.getByLabel("Price in euros").inputValue()).toBe("");
    expect(await form.getByLabel("Special order (not from stock)").isChecked()).toBe(false);

    // The server worked out the deposit: half of a special order at or above €500.
    const row = dialog.locator('[data-panel="parts"] li').filter({ hasText: "Carbon brake discs" });
    await row.getByText("€1,200.00 · deposit €600.00, due €600.00").waitFor();
    const pay = row.getByRole("form", { name: "Deposit received for Carbon brake discs" });
    await pay.getByLabel("Deposit received (€)").fill("600");
    await pay.getByLabel("Deposit received (€)").press("Enter");
    // Paid in full: the payment's form leaves the row, which takes the focus.
    await said.getByText("Payment recorded: €600.00 for Carbon brake discs.", { exact: true }).waitFor();
    await row.getByText("€1,200.00 · deposit €600.00, paid €600.00").waitFor();
    expect(await pay.count()).toBe(0);
    expect(await focused(row)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const list = (await (await bw.world.api("GET", url, undefined, admin)).json()) as {
      parts: Array<{
        description: string;
        specialOrder: boolean;
        depositRequiredCents: number;
        depositPaidCents: number;
      }>;
    };
    expect(list.parts).toEqual([
      expect.objectContaining({
        description: "Carbon brake discs",
        specialOrder: true,
        depositRequiredCents: 60_000,
        depositPaidCents: 60_000,
      }),
    ]);
    await page.context().close();
  }, 90_000);
  it("orders three parts in a row from one dialog, by keyboard: after each the dialog stays, the list grows, the form is ready for the next; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "13:30", "Tre Ricambi");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    const form = dialog.locator('[data-form="order-part"]');
    const said = dialog.locator('[data-said="parts"]');
    const rows = dialog.locator('[data-panel="parts"] li');
    const part = form.getByLabel("Part");
    await part.waitFor();
    // A slow day: each order's reload (and with it the details' new version) comes late.
    await page.route("**/days/*", async (route) => {
      await new Promise((r) => setTimeout(r, 1_500));
      await route.continue().catch(() => {}); // the page closed meanwhile
    });
    const names = ["Oil filter", "Air filter", "Cabin filter"];
    for (const [i, name] of names.entries()) {
      // Typed as a keyboard user does: the name, Tab to the price, Enter; no wait for the
      // details to be read again: the version sent is the one the last order left (the
      // details' one, already moved past, met 412 and closed the dialog).
      await part.focus();
      await page.keyboard.type(name);
      await page.keyboard.press("Tab");
      await page.keyboard.type(`${20 + i}`);
      await page.keyboard.press("Enter");
      await said.getByText(`Ordered: ${name}.`, { exact: true }).waitFor();
      expect(await part.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
      expect(await part.inputValue()).toBe("");
    }
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    expect(await rows.allTextContents()).toEqual([
      expect.stringMatching(/^Oil filter · ordered · €20\.00\s/),
      expect.stringMatching(/^Air filter · ordered · €21\.00\s/),
      expect.stringMatching(/^Cabin filter · ordered · €22\.00\s/),
    ]);
    expect(await dialog.getByRole("alert").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The page's notice, behind the dialog, says the last one too.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("notice").getByText("Ordered: Cabin filter.", { exact: true }).waitFor();
    const list = (await (await bw.world.api("GET", url, undefined, admin)).json()) as {
      parts: Array<{ description: string }>;
    };
    expect(list.parts.map((p) => p.description)).toEqual(names);
    await page.context().close();
  }, 90_000);

  it("cancels a part still on order from the dialog, confirmed in the page by keyboard, warning of the deposit paid; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "14:00", "Ordine Annullato");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    const made = async (body: object) => ok<PartsOrderChange>(await orderPart(bw.world.api, url, body), 201);
    const lamp = await made({ description: "Left headlamp unit", priceCents: 120_000, specialOrder: true });
    await payDeposit(bw.world, url, lamp, 60_000);
    await made({ description: "Wiper blades", priceCents: 4_500, specialOrder: false });
    const mirror = await made({ description: "Mirror glass", priceCents: 8_000, specialOrder: false });
    expect((await bw.world.api("POST", `${url}/${mirror.order.id}/arrive`, {}, admin)).status).toBe(200);

    const page = await signedInPage(bw.browser, bw.world);
    const focused = (l: ReturnType<typeof page.locator>) => l.evaluate((e) => e === e.ownerDocument.activeElement);
    const open = async () => {
      await slotOf(page, b.id).click();
      const d = page.getByRole("dialog");
      await d.locator('[data-panel="parts"]').waitFor();
      return d;
    };
    let dialog = await open();
    // The server cancels only a part still on order: no button for the arrived one.
    expect(await dialog.getByRole("button", { name: /^Cancel order: / }).count()).toBe(2);
    const cancelLamp = dialog.getByRole("button", { name: "Cancel order: Left headlamp unit", exact: true });

    // Asked in the row; the focus on the harmless answer; Escape takes back the question only.
    await cancelLamp.focus();
    await page.keyboard.press("Enter");
    const ask = dialog.getByRole("group", {
      name: "Cancel the order for Left headlamp unit? It cannot be taken back.",
    });
    await ask.waitFor();
    await ask.getByText("A deposit of €600.00 was paid: refund it at the desk.").waitFor();
    expect(await focused(ask.getByRole("button", { name: "Keep the order" }))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await ask.waitFor({ state: "detached" });
    expect(await dialog.isVisible()).toBe(true);
    expect(await focused(cancelLamp)).toBe(true);

    // No deposit paid on the wipers: no refund to warn of; "Keep" gives the focus back.
    const cancelWipers = dialog.getByRole("button", { name: "Cancel order: Wiper blades", exact: true });
    await cancelWipers.focus();
    await page.keyboard.press("Enter");
    const askWipers = dialog.getByRole("group", { name: /^Cancel the order for Wiper blades\?/ });
    await askWipers.waitFor();
    expect(await askWipers.getByText(/deposit/).count()).toBe(0);
    expect(await focused(askWipers.getByRole("button", { name: "Keep the order" }))).toBe(true);
    await page.keyboard.press("Enter");
    await askWipers.waitFor({ state: "detached" });
    expect(await focused(cancelWipers)).toBe(true);

    // Confirmed by keyboard: Tab from "Keep" to the yes.
    await cancelLamp.focus();
    await page.keyboard.press("Enter");
    await ask.waitFor();
    await page.keyboard.press("Tab");
    expect(await focused(ask.getByRole("button", { name: "Yes, cancel the order" }))).toBe(true);
    await page.keyboard.press("Enter");
    // The dialog stays open; the row, drawn again as cancelled, takes the focus.
    const lampRow = dialog.locator('[data-panel="parts"] li').filter({ hasText: /^Left headlamp unit/ });
    await lampRow.getByText(/^Left headlamp unit · cancelled · /).waitFor();
    expect(await focused(lampRow)).toBe(true);
    await dialog
      .locator('[data-said="parts"]')
      .getByText("Order cancelled: Left headlamp unit. Refund the deposit of €600.00 at the desk.")
      .waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    // The row keeps the refund to make: the notice above is gone with the next one.
    dialog = await open();
    const rows = dialog.locator('[data-panel="parts"] li');
    await rows
      .filter({
        hasText: /^Left headlamp unit · cancelled · €1,200\.00 · deposit paid €600\.00 — to refund at the desk/,
      })
      .waitFor();
    expect(await dialog.getByRole("button", { name: "Cancel order: Left headlamp unit" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const list = (await (await bw.world.api("GET", url, undefined, admin)).json()) as {
      parts: Array<{ description: string; status: string; depositPaidCents: number }>;
    };
    expect(list.parts.map((p) => [p.description, p.status, p.depositPaidCents])).toEqual([
      ["Left headlamp unit", "cancelled", 60_000],
      ["Wiper blades", "ordered", 0],
      ["Mirror glass", "arrived", 0],
    ]);
    await page.context().close();
  }, 90_000);

  it("the in-row cancel question closes as a 'keep' when the focus leaves it, by Tab or Shift+Tab, the focus staying where it went; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "10:30", "Domanda Lasciata");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    for (const description of ["Wiper blades", "Mirror glass"])
      await ok(await orderPart(bw.world.api, url, { description, priceCents: 4_500, specialOrder: false }), 201);
    const page = await signedInPage(bw.browser, bw.world);
    const focused = (l: ReturnType<typeof page.locator>) => l.evaluate((e) => e === e.ownerDocument.activeElement);
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    const cancelWipers = dialog.getByRole("button", { name: "Cancel order: Wiper blades", exact: true });
    const ask = dialog.getByRole("group", { name: /^Cancel the order for Wiper blades\?/ });
    const open = async () => {
      await cancelWipers.press("Enter");
      await ask.waitFor();
      expect(await focused(ask.getByRole("button", { name: "Keep the order" }))).toBe(true);
    };

    // Tab past the question (through its yes, to the next row): it closes, nothing cancelled,
    // and the focus stays on what Tab reached (it used to stay open behind, unanswered).
    await open();
    await page.keyboard.press("Tab");
    expect(await focused(ask.getByRole("button", { name: "Yes, cancel the order" }))).toBe(true);
    await ask.waitFor(); // within the question, it stays
    await page.keyboard.press("Tab");
    await ask.waitFor({ state: "detached" });
    expect(await focused(dialog.getByRole("button", { name: "Part arrived: Mirror glass", exact: true }))).toBe(true);
    await cancelWipers.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Shift+Tab back out of it, to the row's own arrival button: the same.
    await open();
    await page.keyboard.press("Shift+Tab");
    await ask.waitFor({ state: "detached" });
    expect(await focused(dialog.getByRole("button", { name: "Part arrived: Wiper blades", exact: true }))).toBe(true);

    // Escape still gives the focus back to the row's "Cancel order", the dialog open.
    await open();
    await page.keyboard.press("Escape");
    await ask.waitFor({ state: "detached" });
    expect(await focused(cancelWipers)).toBe(true);
    expect(await dialog.isVisible()).toBe(true);
    const list = (await (await bw.world.api("GET", url, undefined, admin)).json()) as {
      parts: Array<{ status: string }>;
    };
    expect(list.parts.map((p) => p.status)).toEqual(["ordered", "ordered"]);
    await page.context().close();
  }, 90_000);

  it("sends the version it saw: a part a colleague marked arrived meanwhile is not cancelled, and the page says why", async () => {
    const b = await bookSomewhere(bw.world.api, "16:00", "Ordine Cambiato");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    const pads = { description: "Brake pads", priceCents: 9_000, specialOrder: false };
    const part = (await ok<PartsOrderChange>(await orderPart(bw.world.api, url, pads), 201)).order.id;
    // This page's live stream is cut: it keeps showing the part on order.
    const page = await signedInPage(bw.browser, bw.world, "en", { live: false });
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Cancel order: Brake pads", exact: true }).press("Enter");
    const ask = dialog.getByRole("group", { name: /^Cancel the order for Brake pads\?/ });
    await ask.waitFor();
    expect((await bw.world.api("POST", `${url}/${part}/arrive`, {}, admin)).status).toBe(200);
    await ask.getByRole("button", { name: "Yes, cancel the order" }).press("Enter");
    await dialog.waitFor({ state: "detached" });
    await page.getByTestId("notice").filter({ hasText: "Someone changed this in the meantime" }).waitFor();
    const list = (await (await bw.world.api("GET", url, undefined, admin)).json()) as {
      parts: Array<{ status: string }>;
    };
    expect(list.parts.map((p) => p.status)).toEqual(["arrived"]);
    await page.context().close();
  }, 90_000);

  it("a deposit above what remains of the price is refused at its field, in the server's limit; the next try clears it; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "09:00", "Acconto Troppo");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    await orderPaid(url, "Left headlamp unit", 120_000, 20_000);
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    const row = dialog.locator('[data-panel="parts"] li').filter({ hasText: "Left headlamp unit" });
    // The price and what was paid, on the row.
    await row
      .getByText("Left headlamp unit · ordered · €1,200.00 · deposit €600.00, paid €200.00, due €400.00")
      .waitFor();
    const field = row
      .getByRole("form", { name: "Deposit received for Left headlamp unit" })
      .getByLabel("Deposit received (€)");
    // A refusal the dialog says (no connection) goes at the next try, even one the page stops itself.
    await page.route("**/deposit", (route) => route.abort());
    await field.fill("600");
    await field.press("Enter");
    const offline = dialog.getByText("The server cannot be reached. Check the connection and try again.");
    await offline.waitFor();
    await page.unroute("**/deposit");
    await field.fill("abc");
    await field.press("Enter");
    await row.getByText("Write the amount in euros as a plain number, for example 120 or 120.50.").waitFor();
    await offline.waitFor({ state: "detached" });
    await field.fill("5000");
    await row.getByRole("button", { name: "Record the payment" }).press("Enter"); // the field takes the focus back
    const limit = row.getByText("At most €1,000.00 more can be recorded for this part.", { exact: true });
    await limit.waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.getAttribute("aria-describedby")).toBe(await limit.getAttribute("id"));
    expect(await field.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
    expect(await dialog.getByText("Some of the details are not valid.").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The next try: only its own error is said.
    await field.fill("abc");
    await limit.waitFor({ state: "detached" });
    await field.press("Enter");
    await row.getByText("Write the amount in euros as a plain number, for example 120 or 120.50.").waitFor();
    expect(await dialog.getByRole("alert").count()).toBe(1);
    expect(await field.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
    const list = (await (await bw.world.api("GET", url, undefined, admin)).json()) as {
      parts: Array<{ depositPaidCents: number }>;
    };
    expect(list.parts.map((p) => p.depositPaidCents)).toEqual([20_000]);
    await page.context().close();
  }, 90_000);

  it("a price above the API's cap is said at its field, before sending and when the server refuses it, in English and Italian; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "13:00", "Prezzo Alto");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    const form = dialog.locator('[data-form="order-part"]');
    const price = form.getByLabel("Price in euros");
    const focused = () => price.evaluate((e) => e === e.ownerDocument.activeElement);
    await form.getByLabel("Part").fill("Gold-plated engine");
    // Before sending: the page knows the cap (it used to send it and say "not valid").
    let sent = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/parts")) sent++;
    });
    await price.fill("1000000.01");
    await price.press("Enter");
    const cap = form.getByText("The price can be at most €1,000,000.00.", { exact: true });
    await cap.waitFor();
    expect(sent).toBe(0);
    expect(await price.getAttribute("aria-invalid")).toBe("true");
    expect(await price.getAttribute("aria-describedby")).toBe(await cap.getAttribute("id"));
    expect(await focused()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // The server's own refusal of the price (a request altered on its way, as a page whose
    // copy of the cap fell behind would send it): the same sentence, at the same field.
    await page.route("**/parts", (route) =>
      route.request().method() === "POST"
        ? route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), priceCents: 100_000_001 }) })
        : route.continue(),
    );
    await price.fill("1000000");
    await cap.waitFor({ state: "detached" });
    await form.getByRole("button", { name: "Record the order" }).press("Enter");
    await cap.waitFor();
    expect(sent).toBe(1);
    expect(await focused()).toBe(true);
    expect(await dialog.getByText("Some of the details are not valid.").count()).toBe(0);
    expect(await dialog.getByRole("alert").count()).toBe(1);
    expect(((await (await bw.world.api("GET", url, undefined, admin)).json()) as { parts: unknown[] }).parts).toEqual(
      [],
    );
    await page.context().close();

    const itPage = await signedInPage(bw.browser, bw.world, "it");
    await slotOf(itPage, b.id).click();
    const modulo = itPage.getByRole("dialog").locator('[data-form="order-part"]');
    await modulo.getByLabel("Ricambio").fill("Motore placcato oro");
    await modulo.getByLabel("Prezzo in euro").fill("2000000");
    await modulo.getByLabel("Prezzo in euro").press("Enter");
    await modulo.getByText(/^Il prezzo può essere al massimo 1\.000\.000,00\s€\.$/).waitFor();
    expect(await axeViolations(itPage)).toEqual([]);
    await itPage.context().close();
  }, 90_000);

  it("a deposit payment above the API's cap is said at its field, before sending and when the server refuses it, in English and Italian; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "14:30", "Acconto Alto");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    await orderPaid(url, "Gold-plated engine", 90_000_000, 100);
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    const row = dialog.locator('[data-panel="parts"] li').filter({ hasText: "Gold-plated engine" });
    const field = row
      .getByRole("form", { name: "Deposit received for Gold-plated engine" })
      .getByLabel("Deposit received (€)");
    const focused = () => field.evaluate((e) => e === e.ownerDocument.activeElement);
    let sent = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/deposit")) sent++;
    });
    // Before sending: the page knows the cap (it used to send it and say "not valid").
    await field.fill("1000000.01");
    await field.press("Enter");
    const cap = row.getByText("The deposit received can be at most €1,000,000.00.", { exact: true });
    await cap.waitFor();
    expect(sent).toBe(0);
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.getAttribute("aria-describedby")).toBe(await cap.getAttribute("id"));
    expect(await focused()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // The server's own refusal of the amount by its schema (altered on its way, as a page
    // whose check fell behind would send it): the same sentence, at the same field. Any
    // amount within a safe integer meets the part's own limit first (atMost, tested above):
    // no part is priced above the cap.
    await page.route("**/deposit", (route) =>
      route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), amountCents: 1e16 }) }),
    );
    await field.fill("100");
    await cap.waitFor({ state: "detached" });
    await row.getByRole("button", { name: "Record the payment" }).press("Enter");
    await cap.waitFor();
    expect(sent).toBe(1);
    expect(await focused()).toBe(true);
    expect(await dialog.getByText("Some of the details are not valid.").count()).toBe(0);
    expect(await dialog.getByRole("alert").count()).toBe(1);
    const list = (await (await bw.world.api("GET", url, undefined, admin)).json()) as {
      parts: Array<{ depositPaidCents: number }>;
    };
    expect(list.parts.map((p) => p.depositPaidCents)).toEqual([100]);
    await page.context().close();

    const itPage = await signedInPage(bw.browser, bw.world, "it");
    await slotOf(itPage, b.id).click();
    const campo = itPage
      .getByRole("dialog")
      .getByRole("form", { name: "Acconto ricevuto per Gold-plated engine" })
      .getByLabel("Acconto ricevuto (€)");
    await campo.fill("2000000");
    await campo.press("Enter");
    await itPage
      .getByRole("dialog")
      .getByText(/^L'acconto ricevuto può essere al massimo 1\.000\.000,00\s€\.$/)
      .waitFor();
    expect(await axeViolations(itPage)).toEqual([]);
    await itPage.context().close();
  }, 90_000);

  it("asks and answers in Italian", async () => {
    const b = await bookSomewhere(bw.world.api, "15:00", "Ordine Italiano");
    const url = `/v1/dealers/demo/appointments/${b.id}/parts`;
    await ok(
      await orderPart(bw.world.api, url, { description: "Spazzole", priceCents: 4_500, specialOrder: false }),
      201,
    );
    await orderPaid(url, "Faro", 120_000, 20_000);
    const page = await signedInPage(bw.browser, bw.world, "it");
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    // The row's money, the payment's label, the server's limit at the field, and the
    // board's informal register ("Scrivi", "restituiscilo"), as the rest of the page speaks.
    const faro = dialog.locator('[data-panel="parts"] li').filter({ hasText: /^Faro/ });
    await faro
      .getByText(/^Faro · ordinato · 1\.?200,00\s€ · acconto 600,00\s€, versato 200,00\s€, da versare 400,00\s€$/)
      .waitFor();
    // One part, one "arrivato" (singular, like the English).
    const arrivedIt = faro.getByRole("button", { name: "Ricambio arrivato: Faro", exact: true });
    expect(await arrivedIt.textContent()).toBe("Ricambio arrivato");
    const field = faro.getByRole("form", { name: "Acconto ricevuto per Faro" }).getByLabel("Acconto ricevuto (€)");
    await field.fill("5000");
    await field.press("Enter");
    await faro.getByText(/^Per questo ricambio puoi registrare al massimo altri 1\.?000,00\s€\.$/).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await field.fill("abc");
    await field.press("Enter");
    await faro.getByText("Scrivi l'importo in euro come numero semplice, per esempio 120 oppure 120,50.").waitFor();
    expect(await dialog.getByRole("alert").count()).toBe(1);
    await faro.getByRole("button", { name: "Annulla ordine: Faro", exact: true }).press("Enter");
    await faro.getByText(/^È stato versato un acconto di 200,00\s€: restituiscilo in accettazione\.$/).waitFor();
    await faro.getByRole("button", { name: "Mantieni l'ordine" }).press("Enter");

    await dialog.getByRole("button", { name: "Annulla ordine: Spazzole", exact: true }).press("Enter");
    const ask = dialog.getByRole("group", { name: "Annullare l'ordine di Spazzole? Non si potrà ripristinare." });
    await ask.getByRole("button", { name: "Sì, annulla l'ordine" }).press("Enter");
    // The dialog stays open: the next cancel from it.
    const said = dialog.locator('[data-said="parts"]');
    await said.getByText("Ordine annullato: Spazzole.").waitFor();
    await dialog.getByRole("button", { name: "Annulla ordine: Faro", exact: true }).press("Enter");
    await dialog.getByRole("button", { name: "Sì, annulla l'ordine" }).press("Enter");
    await said.getByText(/^Ordine annullato: Faro\. Restituisci l'acconto di 200,00\s€ in accettazione\.$/).waitFor();
    await faro
      .getByText(/^Faro · annullato · 1\.?200,00\s€ · acconto versato 200,00\s€ — da restituire in accettazione$/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 90_000);
});
