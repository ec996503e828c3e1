import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import { bookAt, getAppointment, signedInPage, useBoardWorld } from "../support/board.js";

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
