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

describe("the focus after a move", () => {
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
    // 17:02 on Luca's track (the day drawn 08:00–19:00): it lands on 17:00.
    const track = page.locator('li.row[data-advisor="luca"] ul.track');
    const box = await track.boundingBox();
    if (!box) throw new Error("no track");
    const position = { x: ((17 * 60 + 2 - 480) / 660) * box.width, y: box.height / 2 };
    await slotOf(page, b.id).dragTo(track, { sourcePosition: { x: 1, y: 5 }, targetPosition: position });
    await page
      .getByTestId("notice")
      .filter({ hasText: /^Moved to 17:00, / })
      .waitFor();
    await expect.poll(() => focusIs(page)).toBe(`${b.id}@luca 17:00`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
