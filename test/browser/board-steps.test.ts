import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/browser.js";
import {
  admin,
  bookSomewhere,
  focusMovesTo,
  getAppointment,
  signedInPage,
  slotOf,
  useBoardWorld,
} from "../support/board.js";

// An appointment's lifecycle buttons on the advisors' page: exactly the steps the server
// allows from its status (core/status.ts TRANSITIONS) at the server's time (a no-show waits
// for the reception's start; the clock stands at Monday 10:00), and one request per press.

const bw = useBoardWorld();
/** The server's frozen Monday; the other tests book on DAY, the Tuesday. */
const TODAY = "2026-11-23";

/** A signed-in page showing TODAY. */
async function todayPage(lang = "en"): Promise<Page> {
  const page = await signedInPage(bw.browser, bw.world, lang);
  await page.goto(`${bw.world.server.baseUrl}/board?date=${TODAY}&dealer=demo&lang=${lang}`);
  await page.locator('[data-live="on"]').waitFor();
  return page;
}

/** A customer at the desk, received now (confirmed, channel walk_in): an appointment already due. */
async function walkInNow(name: string): Promise<{ id: string; reception: { start: string } }> {
  const body = {
    vehicle: { model: "Ghibli" },
    interventions: ["maintenance"],
    customer: { known: true, name, phone: "+39 333 1234567" },
  };
  const url = "/v1/dealers/demo/reshuffle/walk-in";
  const plan = (await (await bw.world.api("POST", url, body, admin)).json()) as { planToken: string };
  const res = await bw.world.api("POST", url, { ...body, mode: "apply", planToken: plan.planToken }, admin);
  const applied = (await res.json()) as { created: { id: string; reception: { start: string } } };
  expect(res.status, JSON.stringify(applied)).toBe(200);
  expect(applied.created.reception.start).toBe(`${TODAY}T10:00:00+01:00`);
  return applied.created;
}

/** The page's notice (its visible line), "" while there is none. */
const notice = async (page: Page) =>
  (await page.getByTestId("notice").count()) ? await page.getByTestId("notice").innerText() : "";

const dialogButton = (page: Page, name: string) => page.getByRole("dialog").getByRole("button", { name, exact: true });
/** The lifecycle buttons of the dialog the last click opens (its Close button apart), once it is open. */
async function stepsIn(page: Page): Promise<string[]> {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Close" }).waitFor(); // rendered with its steps, in one go
  return (await dialog.locator(".actions button").allTextContents()).map((s) => s.trim()).filter((s) => s !== "Close");
}

describe("an appointment's steps on the board", () => {
  it("a double-clicked Confirm sends one request and confirms once, with no 'changed meanwhile' warning", async () => {
    const b = await bookSomewhere(bw.world.api, "09:00", "Doppio Clic");
    const page = await signedInPage(bw.browser, bw.world);
    const posts: string[] = [];
    page.on("request", (r) => r.method() === "POST" && r.url().endsWith(`/${b.id}/confirm`) && posts.push(r.url()));
    await slotOf(page, b.id).click();
    await dialogButton(page, "Confirm").dblclick();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.locator(`button.slot.reception.confirmed[data-appointment="${b.id}"]`).waitFor();
    // The notice says what was done, and to which appointment (its time and customer).
    await expect.poll(() => notice(page)).toBe(`Confirmed: ${b.reception.start.slice(11, 16)} Doppio Clic.`);
    expect(posts).toHaveLength(1);
    expect(await getAppointment(bw.world.api, b.id)).toMatchObject({ status: "confirmed", version: b.version + 1 });
    expect(await page.locator("body").textContent()).not.toMatch(/meanwhile|nel frattempo/i);
    // The supervisor's notice of this booking says which appointment it is about.
    const about = page.locator('[data-panel="messages"] li').filter({ hasText: "Notice to the supervisor" });
    await expect
      .poll(() => about.locator(".message-about").allTextContents())
      .toContain(`${b.reception.start.slice(11, 16)} · Doppio Clic`);
    await page.context().close();
  }, 60_000);

  it("tomorrow's appointment offers no Check in (it opens on its day) and no No-show", async () => {
    const b = await bookSomewhere(bw.world.api, "10:00", "Domani Forse");
    const page = await signedInPage(bw.browser, bw.world);
    await slotOf(page, b.id).click();
    expect(await stepsIn(page)).toEqual(["Confirm", "Cancel appointment"]);
    await page.context().close();
  }, 60_000);

  it("a requested appointment can be checked in at once on its day, early (the customer came before anyone confirmed)", async () => {
    const b = await bookSomewhere(bw.world.api, "14:00", "Subito Qui", TODAY);
    const page = await todayPage();
    await slotOf(page, b.id).click();
    // Today's, hours early: checked in at once, but no No-show before its time (the server would refuse it).
    expect(await stepsIn(page)).toEqual(["Confirm", "Check in", "Cancel appointment"]);
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await slotOf(page, b.id, "return").click();
    expect(await stepsIn(page)).toEqual([]);
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await slotOf(page, b.id).click();
    await dialogButton(page, "Check in").click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect.poll(() => notice(page)).toBe(`Checked in: ${b.reception.start.slice(11, 16)} Subito Qui.`);
    await expect.poll(async () => (await getAppointment(bw.world.api, b.id)).status).toBe("checked_in");
    // Its return's dialog hands the car back: Complete, and no arrival steps.
    await page.locator(`button.slot.return.checked_in[data-appointment="${b.id}"]`).click();
    expect(await stepsIn(page)).toEqual(["Complete"]);
    await page.context().close();
  }, 60_000);

  it("from its start a No-show is offered; after it, the desk's task names who and when, opens the appointment, and the late customer is checked in", async () => {
    // Due now: a walk-in received at the clock's own Monday 10:00.
    const b = await walkInNow("Arrivo Tardi");
    const desk = await todayPage();
    await slotOf(desk, b.id).click();
    expect(await stepsIn(desk)).toEqual(["Check in", "No-show", "Cancel appointment"]);
    await dialogButton(desk, "No-show").click();
    await dialogButton(desk, "Yes, mark the no-show").click();
    await desk.getByRole("dialog").waitFor({ state: "detached" });
    await expect.poll(() => notice(desk)).toBe("Marked no-show: 10:00 Arrivo Tardi.");
    await expect.poll(async () => (await getAppointment(bw.world.api, b.id)).status).toBe("no_show");
    await desk.context().close();
    // A fresh page (no slot focused, so no tooltip open in the accessibility check).
    const page = await todayPage();
    // The desk's task names who to call and when they were due, and opens their appointment.
    const task = page.locator("[data-task]").getByRole("button", {
      name: `Call after no-show: ${b.reception.start.slice(11, 16)} · Arrivo Tardi`,
      exact: true,
    });
    await task.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await task.click();
    expect(await stepsIn(page)).toEqual(["Arrived late: check in"]);
    await dialogButton(page, "Arrived late: check in").click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect.poll(async () => (await getAppointment(bw.world.api, b.id)).status).toBe("checked_in");
    await page.context().close();
  }, 60_000);

  it("names a no-show one way in Italian: the step, its notice, the desk's task and its message all say 'non presentato'", async () => {
    const b = await walkInNow("Nora Nonvenuta");
    const at = b.reception.start.slice(11, 16);
    const desk = await todayPage("it");
    await slotOf(desk, b.id).click();
    await dialogButton(desk, "Non presentato").click();
    // Asked first, in Italian too; then the focus is on the slot, still on the day as a no-show.
    await desk.getByRole("group", { name: `Segnare ${at} Nora Nonvenuta come non presentato?` }).waitFor();
    await dialogButton(desk, "Sì, segna come non presentato").click();
    await desk.getByRole("dialog").waitFor({ state: "detached" });
    await focusMovesTo(desk, `button.slot.reception.no_show[data-appointment="${b.id}"]`);
    await expect.poll(() => notice(desk)).toBe(`Segnato come non presentato: ${at} Nora Nonvenuta.`);
    await desk.context().close();
    const page = await todayPage("it");
    const task = page.locator("[data-task]").getByRole("button", {
      name: `Richiamare il cliente non presentato: ${at} · Nora Nonvenuta`,
      exact: true,
    });
    await task.waitFor();
    const messages = page.getByRole("region", { name: "Messaggi" });
    const message = messages.locator("li[data-message]", { hasText: "Nora Nonvenuta" });
    await message.getByRole("heading", { level: 3, name: "Chiamare il cliente non presentato", exact: true }).waitFor();
    // Before, the task said "mancata presentazione" and the refusal "mancato arrivo".
    expect(await page.locator("body").innerText()).not.toMatch(/mancat[ao]|no-show/i);
    await page.context().close();
  }, 60_000);

  it("says in Italian what a step did, with the appointment's time and customer; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "13:00", "Paola Passo");
    const page = await signedInPage(bw.browser, bw.world, "it");
    await slotOf(page, b.id).click();
    await dialogButton(page, "Conferma").click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect.poll(() => notice(page)).toBe(`Confermato: ${b.reception.start.slice(11, 16)} Paola Passo.`);
    // Checked with the focus back on the slot, its tooltip shown.
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("a cancel is asked first, by keyboard: the harmless answer has the focus, Escape takes back the question only, one request on yes; then the focus is on the day's heading; axe-clean", async () => {
    const b = await bookSomewhere(bw.world.api, "12:00", "Cliente Tre");
    const at = b.reception.start.slice(11, 16);
    const page = await signedInPage(bw.browser, bw.world);
    const posts: string[] = [];
    page.on("request", (r) => r.method() === "POST" && r.url().endsWith(`/${b.id}/cancel`) && posts.push(r.url()));
    const dialog = page.getByRole("dialog");
    const question = dialog.getByRole("group", { name: `Cancel the appointment ${at} Cliente Tre?` });
    await slotOf(page, b.id).focus();
    await page.keyboard.press("Enter");
    await dialogButton(page, "Cancel appointment").focus();
    await page.keyboard.press("Enter");
    await question.waitFor();
    await focusMovesTo(page, "fieldset[data-confirm=cancel] button:not(.danger)");
    expect(await axeViolations(page)).toEqual([]);
    // Enter on the harmless answer: nothing sent, the focus back on "Cancel appointment".
    await page.keyboard.press("Enter");
    await focusMovesTo(page, "dialog .actions button.danger");
    expect(await question.count()).toBe(0);
    // Escape inside the question takes it back, not the dialog.
    await page.keyboard.press("Enter");
    await question.waitFor();
    await page.keyboard.press("Escape");
    await focusMovesTo(page, "dialog .actions button.danger");
    expect(await dialog.count()).toBe(1);
    expect(posts).toEqual([]);
    // Yes: cancelled once; the slot is gone, the focus on the day's heading (not <body>).
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => notice(page)).toBe(`Cancelled: ${at} Cliente Tre.`);
    await slotOf(page, b.id).waitFor({ state: "detached" });
    await focusMovesTo(page, "#timeline-title");
    expect(posts).toHaveLength(1);
    expect((await getAppointment(bw.world.api, b.id)).status).toBe("cancelled");
    await page.context().close();
  }, 60_000);
});
