import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import { bookAt, DAY, getAppointment, signedInPage, slotOf, useBoardWorld } from "../support/board.js";

// Where the focus goes after a move. The slot that opened the dialog (or was picked up, or dragged) is
// redrawn in another advisor's row: the focus follows the moved appointment's reception,
// found by its id once the day is redrawn, instead of falling to <body>.

const bw = useBoardWorld();

/** The focused element, as `data-appointment@row's advisor data-start`; "body" when nothing is. */
async function focusIs(page: Page): Promise<string> {
  const at = page.locator(":focus");
  if ((await at.count()) === 0) return "body";
  const row = await at.evaluate((e) => e.closest("li.row")?.getAttribute("data-advisor"));
  return `${await at.getAttribute("data-appointment")}@${row} ${await at.getAttribute("data-start")}`;
}

/**
 * Drags the slot of `id` onto `advisor`'s track at `time` plus 2 minutes (the day is drawn
 * 08:00–19:00), which snaps to `time`.
 */
async function dragOnto(page: Page, id: string, advisor: string, time: string): Promise<void> {
  const track = page.locator(`li.row[data-advisor="${advisor}"] ul.track`);
  const box = await track.boundingBox();
  if (!box) throw new Error("no track");
  const [h, m] = time.split(":").map(Number);
  const position = { x: ((h * 60 + m + 2 - 480) / 660) * box.width, y: box.height / 2 };
  await slotOf(page, id).dragTo(track, { sourcePosition: { x: 1, y: 5 }, targetPosition: position });
}

describe("the focus after a move", () => {
  it("from a swap's plan applied: on the opened appointment's slot in its new place, not on <body>", async () => {
    const a = await bookAt(bw.world.api, "15:00", "marco", "Scambio Uno");
    const b = await bookAt(bw.world.api, "15:30", "luca", "Scambio Due");
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, a.id).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Other appointment").selectOption(b.id);
    await dialog.getByRole("button", { name: "Show the swap" }).press("Enter");
    await dialog.getByRole("button", { name: "Apply the plan" }).press("Enter");
    await dialog.waitFor({ state: "detached" });
    const after = await getAppointment(bw.world.api, a.id);
    expect(after.reception.advisorId).toBe("luca");
    await expect.poll(() => focusIs(page)).toBe(`${a.id}@luca ${after.reception.start.slice(11, 16)}`);
    await page.context().close();
  }, 60_000);

  it("from the dialog (time and advisor typed, Enter on Move): on the moved slot, in its new row; axe-clean", async () => {
    const b = await bookAt(bw.world.api, "11:30", "giulia", "Pietro Sposta");
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("New time").fill("12:00");
    await dialog.getByLabel("Advisor").selectOption("luca");
    await dialog.getByRole("button", { name: "Move", exact: true }).press("Enter");
    await dialog.waitFor({ state: "detached" });
    await page
      .getByTestId("notice")
      .filter({ hasText: /^Moved to 12:00, / })
      .waitFor();
    await expect.poll(() => focusIs(page)).toBe(`${b.id}@luca 12:00`);
    expect(await getAppointment(bw.world.api, b.id)).toMatchObject({
      reception: { start: `${DAY}T12:00:00+01:00`, advisorId: "luca" },
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("by keyboard (Space, arrows, Enter): on the dropped slot, in its new row", async () => {
    const b = await bookAt(bw.world.api, "14:30", "giulia", "Tasto Sposta");
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    // Picked up, its name says where it would drop (it said the old 14:30–14:45), and no
    // tooltip covers the rows it moves over.
    await expect
      .poll(() => page.locator(":focus").getAttribute("aria-label"))
      .toMatch(/^14:45 Tasto Sposta, reception 14:45–15:00, /);
    expect(await page.locator("[role=tooltip]").count()).toBe(0);
    await page.keyboard.press("Enter");
    await page
      .getByTestId("notice")
      .filter({ hasText: /^Moved to / })
      .waitFor();
    const after = await getAppointment(bw.world.api, b.id);
    expect(after.reception.advisorId).not.toBe("giulia");
    await expect
      .poll(() => focusIs(page))
      .toBe(`${b.id}@${after.reception.advisorId} ${after.reception.start.slice(11, 16)}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("by drag and drop: on the dropped slot, in its new row", async () => {
    const b = await bookAt(bw.world.api, "16:00", "giulia", "Trascina Sposta");
    const page = await signedInPage(bw.browser, bw.world);
    // 17:02 on Luca's track: it lands on 17:00.
    await dragOnto(page, b.id, "luca", "17:00");
    await page
      .getByTestId("notice")
      .filter({ hasText: /^Moved to 17:00, / })
      .waitFor();
    await expect.poll(() => focusIs(page)).toBe(`${b.id}@luca 17:00`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});

// A move to another day from the dialog (the customer calls: "can we make it Thursday?"):
// the board follows the appointment to that day, its slot focused, and the notice names
// the day; the return goes with the reception (the server re-places it). The header's day
// field goes to any day, on Enter, and shows the day reached by the other buttons.
describe("another day", () => {
  const THURSDAY = "2026-11-26";
  const shownDay = (page: Page) => page.locator(".daynav .date").getAttribute("data-date");

  it.each([
    { lang: "en", at: "09:30", to: "09:00", notice: /^Moved to Thursday 26 November at 09:00, / },
    { lang: "it", at: "10:00", to: "10:00", notice: /^Spostato a giovedì 26 novembre alle 10:00, / },
  ])(
    "from the dialog ($lang): the day typed, the board goes there with the slot focused, the return goes along; axe-clean",
    async ({ lang, at, to, notice }) => {
      // Chiara's Tuesday is no other test's here: a failed move leaves nothing in their way.
      const b = await bookAt(bw.world.api, at, "chiara", `Giovedì ${lang}`);
      const page = await signedInPage(bw.browser, bw.world, lang);
      await slotOf(page, b.id).focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(lang === "it" ? "Nuovo giorno" : "New day").fill(THURSDAY);
      await dialog.getByLabel(lang === "it" ? "Nuovo orario" : "New time").fill(to);
      await dialog.getByLabel(lang === "it" ? "Consulente" : "Advisor").selectOption("marco");
      await dialog.getByRole("button", { name: lang === "it" ? "Sposta" : "Move", exact: true }).press("Enter");
      await dialog.waitFor({ state: "detached" });
      await page.getByTestId("notice").filter({ hasText: notice }).waitFor();
      await expect.poll(() => shownDay(page)).toBe(THURSDAY);
      await expect.poll(() => focusIs(page)).toBe(`${b.id}@marco ${to}`);
      const after = await getAppointment(bw.world.api, b.id);
      expect(after.reception).toMatchObject({ start: `${THURSDAY}T${to}:00+01:00`, advisorId: "marco" });
      // The return left Tuesday with it: never before the new reception.
      expect(after.return?.start.slice(0, 10)).toBe(THURSDAY);
      expect(await axeViolations(page)).toEqual([]);
      // The advisor goes elsewhere: the notice about Thursday does not follow.
      await page.getByRole("button", { name: lang === "it" ? "Giorno precedente" : "Previous day" }).click();
      await expect.poll(() => shownDay(page)).toBe("2026-11-25");
      expect(await page.getByTestId("notice").count()).toBe(0);
      await page.context().close();
    },
    60_000,
  );

  it("the header's day field: Enter goes to the day typed; a day reached by Next shows in it; axe-clean", async () => {
    const page = await signedInPage(bw.browser, bw.world);
    const field = page.getByLabel("Day", { exact: true });
    expect(await field.inputValue()).toBe(DAY);
    await field.fill("2026-12-03");
    expect(await shownDay(page)).toBe(DAY); // typing alone goes nowhere
    await field.press("Enter");
    await expect.poll(() => shownDay(page)).toBe("2026-12-03");
    // The focus stays in the field (it fell to <body> when the field was redrawn for the day).
    expect(await page.evaluate("document.activeElement?.name")).toBe("day");
    await page.getByRole("button", { name: "Next day" }).click();
    await expect.poll(() => shownDay(page)).toBe("2026-12-04");
    await expect.poll(() => field.inputValue()).toBe("2026-12-04");
    await field.fill("2026-11-25");
    await page.getByRole("button", { name: "Show the day" }).click();
    await expect.poll(() => shownDay(page)).toBe("2026-11-25");
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});

// A drop where the slot already is: no request, "Not moved." in the live region, the focus
// still on the slot. It used to PATCH the same time back and say "Moved to 08:00", and the
// customer got an "appointment moved" message.
describe("a move that ends where it started", () => {
  /** The PATCHes the page sends for an appointment, counted from now on. */
  const patchesOf = (page: Page, id: string) => {
    const sent: string[] = [];
    page.on("request", (r) => r.method() === "PATCH" && r.url().endsWith(`/appointments/${id}`) && sent.push(r.url()));
    return sent;
  };
  const said = (page: Page) => page.locator('p[aria-live="assertive"]');

  it.each([
    { keys: ["Space", "Enter"], lang: "en", at: "08:30", advisor: "luca" },
    { keys: ["Space", "Space"], lang: "en", at: "10:30", advisor: "luca" },
    {
      keys: ["Space", "ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "Enter"],
      lang: "en",
      at: "11:00",
      advisor: "marco",
    },
    // Against the day's left edge (08:00) and the first advisor's row: the arrows change nothing.
    { keys: ["Space", "ArrowLeft", "ArrowUp", "Enter"], lang: "it", at: "08:00", advisor: "giulia" },
  ])(
    "by keyboard ($keys, $lang): sends nothing, says so, and the focus stays on the slot",
    async ({ keys, lang, at, advisor }) => {
      const b = await bookAt(bw.world.api, at, advisor, `Fermo ${keys.length} ${lang}`);
      const page = await signedInPage(bw.browser, bw.world, lang);
      const sent = patchesOf(page, b.id);
      await slotOf(page, b.id).focus();
      for (const key of keys) await page.keyboard.press(key);
      await said(page)
        .filter({ hasText: lang === "it" ? /^Non spostato/ : /^Not moved/ })
        .waitFor({ timeout: 5000 });
      await page.waitForTimeout(300); // a PATCH sent on the drop would have left by now
      expect(sent).toEqual([]);
      expect(await focusIs(page)).toBe(`${b.id}@${advisor} ${at}`);
      expect(await page.getByTestId("notice").count()).toBe(0);
      expect((await getAppointment(bw.world.api, b.id)).version).toBe(b.version);
      await page.context().close();
    },
    60_000,
  );

  it("twice by drag and drop: said twice, the live region changing each time (a screen reader hears the second)", async () => {
    const b = await bookAt(bw.world.api, "17:00", "marco", "Due Volte Fermo");
    const page = await signedInPage(bw.browser, bw.world);
    // Every text the region shows, in order ("" when emptied).
    // A string: the test's tsconfig has no DOM types.
    await page.evaluate(`{
      const el = document.querySelector('p[aria-live="assertive"]');
      globalThis.said = [];
      new MutationObserver(() => globalThis.said.push(el.textContent)).observe(el, {
        childList: true, characterData: true, subtree: true,
      });
    }`);
    const notMoved = async () =>
      ((await page.evaluate("globalThis.said")) as string[]).filter((s) => s.startsWith("Not moved")).length;
    for (const n of [1, 2]) {
      await dragOnto(page, b.id, "marco", "17:00");
      await expect.poll(notMoved).toBe(n);
    }
    await page.context().close();
  }, 60_000);

  it("from the dialog, Move with the time and advisor it has: sends nothing, closes and says so", async () => {
    const b = await bookAt(bw.world.api, "16:00", "giulia", "Dialogo Fermo");
    const page = await signedInPage(bw.browser, bw.world);
    const sent = patchesOf(page, b.id);
    await slotOf(page, b.id).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Move", exact: true }).press("Enter");
    await dialog.waitFor({ state: "detached" });
    await page
      .getByTestId("notice")
      .filter({ hasText: /^Not moved/ })
      .waitFor({ timeout: 5000 });
    await page.waitForTimeout(300);
    expect(sent).toEqual([]);
    expect((await getAppointment(bw.world.api, b.id)).version).toBe(b.version);
    await page.context().close();
  }, 60_000);

  it("by drag and drop, let go where it was: sends nothing and says so", async () => {
    const b = await bookAt(bw.world.api, "09:00", "marco", "Trascina Fermo");
    const page = await signedInPage(bw.browser, bw.world);
    const sent = patchesOf(page, b.id);
    // 09:02 on Marco's own track: it snaps back to 09:00.
    await dragOnto(page, b.id, "marco", "09:00");
    await said(page)
      .filter({ hasText: /^Not moved/ })
      .waitFor({ timeout: 5000 });
    await page.waitForTimeout(300);
    expect(sent).toEqual([]);
    expect((await getAppointment(bw.world.api, b.id)).version).toBe(b.version);
    await page.context().close();
  }, 60_000);
});
