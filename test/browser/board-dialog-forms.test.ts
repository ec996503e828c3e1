import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import { bookAt, getAppointment, signedInPage, slotOf, useBoardWorld } from "../support/board.js";

// The board's dialog forms: what they send is what was shown (a re-plan's form edited after
// its plan was shown withdraws that plan), and what the server refuses is said at the field.

const bw = useBoardWorld();

/** The re-plan requests the page sends, by mode ("dry-run" when none), from now on. */
function replansOf(page: Page, kind: string): string[] {
  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() !== "POST" || !r.url().endsWith(`/reshuffle/${kind}`)) return;
    sent.push((r.postDataJSON() as { mode?: string }).mode ?? "dry-run");
  });
  return sent;
}

describe("an absence's plan", () => {
  it("is withdrawn by any edit of the form, said politely; shown again, it applies what it showed", async () => {
    const a = await bookAt(bw.world.api, "09:00", "giulia", "Piano Ritirato");
    const page = await signedInPage(bw.browser, bw.world);
    const sent = replansOf(page, "absence");
    await page.getByRole("button", { name: "Advisor absent" }).click();
    const dialog = page.getByRole("dialog");
    const plan = dialog.getByTestId("plan");
    const apply = dialog.getByRole("button", { name: "Apply the plan" });
    await dialog.getByRole("button", { name: "Show the plan" }).click();
    await plan.locator(`tr[data-appointment="${a.id}"]`).waitFor();
    // Until 10:00 instead of 19:00, and the plan for 08:00–19:00 goes with its Apply.
    await dialog.getByLabel("Until").fill("10:00");
    await expect(plan.count()).resolves.toBe(0);
    await expect(apply.count()).resolves.toBe(0);
    await expect(dialog.getByRole("status").innerText()).resolves.toMatch(/^The form changed: the plan shown before/);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Show the plan" }).click();
    await plan.locator(`tr[data-appointment="${a.id}"]`).waitFor();
    await apply.click();
    await dialog.waitFor({ state: "detached" });
    await expect(page.getByTestId("notice").innerText()).resolves.toBe("Plan applied: 1 appointment moved.");
    expect(sent).toEqual(["dry-run", "dry-run", "apply"]);
    expect((await getAppointment(bw.world.api, a.id)).reception.advisorId).not.toBe("giulia");
    await page.context().close();
  }, 60_000);
});

describe("a running-late plan", () => {
  it("is withdrawn by an edit of the minutes, said politely; shown again, it applies the minutes it showed", async () => {
    const a = await bookAt(bw.world.api, "15:00", "luca", "Ritardo Ritirato");
    const page = await signedInPage(bw.browser, bw.world);
    const bodies: { minutes?: number; mode?: string }[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/reshuffle/late")) bodies.push(r.postDataJSON());
    });
    await slotOf(page, a.id).click();
    const dialog = page.getByRole("dialog");
    const plan = dialog.getByTestId("plan");
    const apply = dialog.getByRole("button", { name: "Apply the plan" });
    const minutes = dialog.getByLabel("Minutes late");
    await minutes.fill("15");
    await dialog.getByRole("button", { name: "Show the plan" }).first().click();
    await plan.locator(`tr[data-appointment="${a.id}"]`).waitFor();
    // The plan takes the focus on its heading: below the forms, it came unsaid.
    await expect.poll(() => page.evaluate("document.activeElement?.textContent")).toBe("Proposed plan");
    // 30 minutes instead of 15: the plan for 15 goes with its Apply.
    await minutes.fill("30");
    await expect(plan.count()).resolves.toBe(0);
    await expect(apply.count()).resolves.toBe(0);
    await expect(dialog.getByTestId("plan-withdrawn").innerText()).resolves.toMatch(
      /^The form changed: the plan shown before/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Show the plan" }).first().click();
    await plan.locator(`tr[data-appointment="${a.id}"]`).waitFor();
    await apply.click();
    await dialog.waitFor({ state: "detached" });
    expect(bodies.map((b) => [b.mode ?? "dry-run", b.minutes])).toEqual([
      ["dry-run", 15],
      ["dry-run", 30],
      ["apply", 30],
    ]);
    expect((await getAppointment(bw.world.api, a.id)).reception.start.slice(11, 16) >= "15:30").toBe(true);
    await page.context().close();
  }, 60_000);
});

/** The focused element's name attribute ("" when it has none; "body" when nothing has focus). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = (
      globalThis as unknown as {
        document: { activeElement: { tagName: string; getAttribute(a: string): string | null } | null };
      }
    ).document.activeElement;
    return !el || el.tagName === "BODY" ? "body" : (el.getAttribute("name") ?? "");
  });

describe("a refusal that names a field", () => {
  it("walk-in with a phone the server cannot read: said under the phone, which takes the focus, until it is changed; nothing booked; axe-clean", async () => {
    const page = await signedInPage(bw.browser, bw.world);
    const sent = replansOf(page, "walk-in");
    await page.getByRole("button", { name: "Walk-in" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Customer's name").fill("Mario Telefono");
    await dialog.getByLabel("Phone").fill("abc");
    await dialog.getByLabel("Vehicle model").fill("Panda");
    await dialog.getByRole("button", { name: "Book the walk-in" }).press("Enter");
    const phone = dialog.getByRole("textbox", { name: "Phone" });
    await expect.poll(() => focusedName(page)).toBe("phone");
    await expect(phone.getAttribute("aria-invalid")).resolves.toBe("true");
    // Its sentence is the field's description: a screen reader hears it with the field.
    const said = await phone.evaluate((el) => el.getAttribute("aria-describedby"));
    await expect(dialog.locator(`[id="${said}"]`).innerText()).resolves.toMatch(/^The phone number is not valid/);
    expect(await dialog.innerText()).not.toContain("Some of the details are not valid.");
    expect(sent).toEqual(["dry-run"]);
    expect(await axeViolations(page)).toEqual([]);
    // Put right, the field is no longer called wrong; another field's edit leaves it be.
    await dialog.getByLabel("Vehicle model").fill("Panda 4x4");
    await expect(phone.getAttribute("aria-invalid")).resolves.toBe("true");
    await phone.fill("+39 333 1234567");
    await expect(phone.getAttribute("aria-invalid")).resolves.toBeNull();
    expect(await dialog.locator(`[id="${said}"]`).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it("absence until before from (Italian): said under «Alle», which takes the focus; no plan shown", async () => {
    const page = await signedInPage(bw.browser, bw.world, "it");
    await page.getByRole("button", { name: "Consulente assente" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Mostra il piano" }).click();
    await dialog.getByTestId("plan").waitFor();
    await dialog.getByLabel("Alle", { exact: true }).fill("07:00");
    await dialog.getByRole("button", { name: "Mostra il piano" }).click();
    await expect.poll(() => focusedName(page)).toBe("until");
    const until = dialog.getByLabel("Alle", { exact: true });
    await expect(until.getAttribute("aria-invalid")).resolves.toBe("true");
    const said = await until.evaluate((el) => el.getAttribute("aria-describedby"));
    await expect(dialog.locator(`[id="${said}"]`).innerText()).resolves.toBe("«Alle» deve essere dopo «Dalle».");
    expect(await dialog.getByTestId("plan").count()).toBe(0);
    expect(await dialog.getByRole("button", { name: "Applica il piano" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
