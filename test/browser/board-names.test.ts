import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { type AppointmentView, json, type MessageList } from "../support/contracts.js";
import { booking } from "../support/http.js";
import { axeViolations } from "../support/browser.js";
import { admin, DAY, signedInPage, slotOf, useBoardWorld } from "../support/board.js";

// How the advisors' page names an appointment (Tuesday DAY; the clock is frozen on Monday
// 23 November at 10:00): by its customer, else by its car, in the slot, the technicians'
// panel, the open tasks and the messages alike, and by when it is received: a car received
// on an earlier day by that day, one only returned on the shown day by its return.

const bw = useBoardWorld();
const MONDAY = "2026-11-23";

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
    // The tooltip is beside the slot, not in it: the slot's text is still its label's start.
    await expect(slot.innerText()).resolves.toMatch(/^12:00\s+Levante$/);
    expect(await axeViolations(page)).toEqual([]); // with the slot focused and its tooltip shown
    // The pointer may go from the slot onto its tooltip without it going (WCAG 1.4.13).
    await page.evaluate("document.activeElement?.blur()");
    await tip.waitFor({ state: "detached" });
    await slot.hover();
    await tip.hover();
    await page.waitForTimeout(300);
    expect(await tip.count()).toBe(1);
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: "detached" });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe("a task or a message about a car with no reception on the shown day", () => {
  it("names it as the technicians' panel does: a car carried over by its reception's day, one returned that day by its return (English and Italian); axe-clean", async () => {
    // 12 h of bodywork received on Monday at 17:00: the body shop works on it on Tuesday.
    const carried = await bookFor(`${MONDAY}T17:00`, "giulia", {
      interventions: ["bodywork"],
      customer: { known: true, name: "Carla Carryover", phone: "+39 333 7654322" },
      vehicle: { model: "Levante", plate: "GH123JK" },
    });
    // A service received on Monday afternoon whose car goes back on Tuesday morning.
    const returned = await bookFor(`${MONDAY}T15:00`, "marco", {
      customer: { known: true, name: "Rita Return", phone: "+39 333 7654323" },
    });
    const moved = await bw.world.api(
      "PATCH",
      `/v1/dealers/demo/appointments/${returned.id}`,
      { return: { start: `${DAY}T08:30`, advisorId: "marco" } },
      { ...admin, "If-Match": String(returned.version) },
    );
    expect(moved.status, await moved.clone().text()).toBe(200);
    // Rita's booking notice is one of Tuesday's messages (her return is on Tuesday). Carla's
    // are Monday's: on Tuesday the desk sees the task and the call the workshop leaves then
    // (the clock stands still on Monday here, so the page is given them as the API would).
    const listed = await json<MessageList>(
      await bw.world.api("GET", "/v1/dealers/demo/messages?limit=100", undefined, admin),
    );
    const notice = (id: string) =>
      listed.messages.find((m) => m.appointmentId === id && m.kind === "supervisor_notice")!;
    const tuesday = { createdAt: `${DAY}T09:00:00.000Z`, delivery: "sent", status: "sent" };
    const task = { ...notice(carried.id), ...tuesday, id: "msg_task_carla", kind: "no_show_task" };
    const call = { ...notice(carried.id), ...tuesday, id: "msg_call_carla", kind: "car_ready_call" };
    // Rita missed her reception and came late (the call is still listed): the task opens her return.
    const ritaTask = { ...notice(returned.id), ...tuesday, id: "msg_task_rita", kind: "no_show_task" };
    for (const [lang, carla, rita, region] of [
      ["en", "Mon 23 Nov 17:00 · Carla Carryover", "Return 08:30 · Rita Return", "Messages"],
      ["it", "lun 23 nov 17:00 · Carla Carryover", "Riconsegna 08:30 · Rita Return", "Messaggi"],
    ]) {
      const page = await signedInPage(bw.browser, bw.world, lang);
      await page.route("**/messages?limit=100", async (route) => {
        const res = await route.fetch();
        const body = (await res.json()) as MessageList;
        await route.fulfill({ response: res, json: { ...body, messages: [task, ritaTask, call, ...body.messages] } });
      });
      // The Tasks panel reads the desk's open tasks (GET …/tasks): the two tasks, as it lists them.
      const asTask = (m: typeof task) => ({
        id: m.id,
        kind: m.kind,
        appointmentId: m.appointmentId,
        appointment: m.appointment ?? null,
        subject: m.subject,
        createdAt: m.createdAt,
        state: "open",
        attempts: [],
        doneAt: null,
      });
      await page.route("**/tasks?state=open*", async (route) => {
        const res = await route.fetch();
        const body = (await res.json()) as { tasks: unknown[] };
        await route.fulfill({
          response: res,
          json: { ...body, tasks: [asTask(task), asTask(ritaTask), ...body.tasks] },
        });
      });
      await page.reload();
      await page.locator(".timeline").waitFor();
      const messages = page.getByRole("region", { name: region });
      // Each is listed (as before); what is asked is what it is about.
      const about = async (id: string) => {
        const li = messages.locator(`li[data-message="${id}"]`);
        await li.waitFor();
        return li.locator(".message-about").allTextContents();
      };
      expect(await about(call.id)).toEqual([carla]);
      expect(await about(notice(returned.id).id)).toEqual([rita]);
      // The task says whom to call; it opens no dialog: the day has no slot of the car.
      const item = page.locator(`li[data-task="${task.id}"] .task-about`);
      await expect(item.textContent()).resolves.toMatch(new RegExp(`: ${carla}$`));
      expect(await page.locator(`li[data-task="${task.id}"] button.task-about`).count()).toBe(0);
      const ritas = page.locator(`li[data-task="${ritaTask.id}"] button.task-about`);
      await expect(ritas.textContent()).resolves.toMatch(new RegExp(`: ${rita}$`));
      await ritas.click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText(new RegExp(`^${lang === "it" ? "riconsegna" : "return"} 08:30–`)).waitFor();
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }
  }, 60_000);
});
