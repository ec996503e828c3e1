import type { Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { json } from "../support/contracts.js";
import { axeViolations } from "../support/browser.js";
import { admin, bookSomewhere, focusMovesTo, signedInPage, useBoardWorld } from "../support/board.js";
import { ok } from "../support/journey.js";
import { orderPart } from "../support/parts.js";

// The desk records the calls it makes about a task (the clock is frozen on Monday
// 23 November at 10:00; the board shows Tuesday). A call that did not reach the customer
// stays on the task, which stays open, and says so; a call that did closes it: it leaves
// the open list for the "done recently" one, with who closed it (the key's label, "desk").
// All by keyboard, in English and Italian, axe-clean with the form open.

const bw = useBoardWorld();

interface Task {
  id: string;
  state: string;
  attempts: Array<{ outcome: string; note: string | null; by: string }>;
}

/** A walk-in received now (Monday 10:00) and marked a no-show: the desk's call task. */
async function noShowTask(name: string): Promise<Task> {
  const body = {
    vehicle: { model: "Ghibli" },
    interventions: ["maintenance"],
    customer: { known: true, name, phone: "+39 333 1112223" },
  };
  const url = "/v1/dealers/demo/reshuffle/walk-in";
  const plan = await json<{ planToken: string }>(await bw.world.api("POST", url, body, admin));
  const applied = await json<{ created: { id: string } }>(
    await bw.world.api("POST", url, { ...body, mode: "apply", planToken: plan.planToken }, admin),
  );
  const noShow = await bw.world.api("POST", `/v1/dealers/demo/appointments/${applied.created.id}/no-show`, {}, admin);
  expect(noShow.status, await noShow.text()).toBe(200);
  const open = await json<{ tasks: Array<Task & { appointmentId: string }> }>(
    await bw.world.api("GET", "/v1/dealers/demo/tasks", undefined, admin),
  );
  const task = open.tasks.find((t) => t.appointmentId === applied.created.id);
  expect(task).toBeDefined();
  return task!;
}

/** The ids of the demo dealer's open tasks, oldest first; no-show calls named `name n` are raised until there are `count`. */
async function atLeastOpen(count: number, name: string): Promise<string[]> {
  const open = async () =>
    (
      await json<{ tasks: Task[] }>(
        await bw.world.api("GET", "/v1/dealers/demo/tasks?state=open&limit=500", undefined, admin),
      )
    ).tasks.map((k) => k.id);
  for (let n = (await open()).length; n < count; n++) await noShowTask(`${name} ${n}`);
  return open();
}

const stored = async (id: string, state: "open" | "done"): Promise<Task | undefined> =>
  (
    await json<{ tasks: Task[] }>(await bw.world.api("GET", `/v1/dealers/demo/tasks?state=${state}`, undefined, admin))
  ).tasks.find((t) => t.id === id);

describe("recording the desk's calls on a task", () => {
  it.each([
    {
      lang: "en",
      name: "Tina Tries",
      record: "Record the call: Call after no-show: Mon",
      pick: "Choose how the call went.",
      tried: /^1 call, at 10:\d\d: no answer — rang twice$/,
      open: "The task stays open.",
      done: "Done recently",
      doneItem: /Tina Tries: reached at 10:\d\d by desk$/,
      heading: /^Open tasks( \(\d+\))?$/,
    },
    {
      lang: "it",
      name: "Tino Tenta",
      record: "Registra la chiamata: Richiamare il cliente non presentato: lun",
      pick: "Scegli com'è andata la chiamata.",
      tried: /^1 chiamata, alle 10:\d\d: nessuna risposta — rang twice$/,
      open: "L'attività resta aperta.",
      done: "Chiuse di recente",
      doneItem: /Tino Tenta: raggiunto alle 10:\d\d, da desk$/,
      heading: /^Attività aperte( \(\d+\))?$/,
    },
  ])(
    "$lang: a try stays on the open task, a call that reached the customer closes it; by keyboard, axe-clean",
    async (c) => {
      const task = await noShowTask(c.name);
      const page = await signedInPage(bw.browser, bw.world, c.lang);
      const item = page.locator(`li[data-task="${task.id}"]`);
      const toggle = item.getByRole("button", { name: new RegExp(`^${c.record}`) });
      await toggle.waitFor();
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      expect(await item.locator("form").count()).toBe(0); // drawn only while open

      // What to do is the task's own text (whom, when, the times to propose).
      await expect(item.locator(".task-text").textContent()).resolves.toMatch(new RegExp(`^${c.name} `));
      // Open the form by keyboard: the focus is on the first outcome.
      await toggle.focus();
      await page.keyboard.press("Enter");
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      await focusMovesTo(page, `li[data-task="${task.id}"] input[type=radio][value=reached]`);
      expect(await axeViolations(page)).toEqual([]);

      // Saving with no outcome chosen says what is missing and records nothing.
      await item.getByRole("button", { name: c.lang === "it" ? "Salva" : "Save" }).press("Enter");
      await expect(item.getByRole("alert").textContent()).resolves.toBe(c.pick);
      expect((await stored(task.id, "open"))?.attempts).toEqual([]);

      // Arrow down: "no answer"; a note; Enter in the note submits.
      await item.locator("input[value=reached]").focus();
      await page.keyboard.press("ArrowDown");
      expect(await item.locator("input[value=no_answer]").isChecked()).toBe(true);
      await page.keyboard.press("Tab");
      await page.keyboard.type("rang twice");
      await page.keyboard.press("Enter");
      await expect(item.locator(".task-tried").textContent()).resolves.toMatch(c.tried);
      await expect(page.getByTestId("notice").textContent()).resolves.toContain(c.open);
      // The form that held Save is hidden: the focus is back on the task's own button.
      await focusMovesTo(page, `li[data-task="${task.id}"] .record-call > button`);
      await expect(page.getByRole("status").textContent()).resolves.toContain(c.open);
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      const tried = await stored(task.id, "open");
      expect(tried?.attempts).toEqual([
        expect.objectContaining({ outcome: "no_answer", note: "rang twice", by: "desk" }),
      ]);

      // Reached: the task leaves the open list; the focus goes to the panel's heading.
      await toggle.focus();
      await page.keyboard.press("Enter");
      await focusMovesTo(page, `li[data-task="${task.id}"] input[type=radio][value=reached]`);
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await item.waitFor({ state: "detached" });
      await focusMovesTo(page, "#tasks-title");
      await expect(page.getByRole("heading", { name: c.heading }).count()).resolves.toBe(1);
      const done = page.locator(".tasks-done");
      await expect(done.locator("summary").textContent()).resolves.toBe(c.done);
      await done.locator("summary").press("Enter");
      await expect(done.locator(`li[data-done-task="${task.id}"]`).textContent()).resolves.toMatch(c.doneItem);
      expect((await stored(task.id, "done"))?.attempts.map((a) => a.outcome)).toEqual(["no_answer", "reached"]);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    },
    90_000,
  );

  it("a task another desk closed meanwhile (409): the page says so, the task goes, the focus is on the panel's heading", async () => {
    const task = await noShowTask("Desa Doppia");
    // No live stream: the page does not learn of the other desk's call before it sends its own.
    const page = await signedInPage(bw.browser, bw.world, "en", { live: false });
    const item = page.locator(`li[data-task="${task.id}"]`);
    await item.getByRole("button", { name: /^Record the call/ }).click();
    await focusMovesTo(page, `li[data-task="${task.id}"] input[type=radio][value=reached]`);
    await page.keyboard.press("Space");
    const other = await bw.world.api(
      "POST",
      `/v1/dealers/demo/tasks/${task.id}/attempts`,
      { outcome: "reached" },
      admin,
    );
    expect(other.status).toBe(201);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await item.waitFor({ state: "detached" });
    await expect(page.getByTestId("notice").textContent()).resolves.toBe("Someone else closed this task meanwhile.");
    await focusMovesTo(page, "#tasks-title");
    expect((await stored(task.id, "done"))?.attempts.map((a) => a.by)).toEqual(["admin"]); // the other desk's only
    await page.context().close();
  }, 60_000);

  it("a task about a cancelled appointment says what to do and offers no way to a day that does not show it", async () => {
    const b = await bookSomewhere(bw.world.api, "09:30", "Carlo Cancella");
    const parts = `/v1/dealers/demo/appointments/${b.id}/parts`;
    await ok(
      await orderPart(bw.world.api, parts, { description: "Wiper blades", priceCents: 4_000, specialOrder: false }),
      201,
    );
    const cancelled = await bw.world.api("POST", `/v1/dealers/demo/appointments/${b.id}/cancel`, {}, admin);
    expect(cancelled.status).toBe(200);
    const page = await signedInPage(bw.browser, bw.world);
    const item = page.locator("li[data-task]", { hasText: "Carlo Cancella" });
    await expect(item.locator(".task-text").textContent()).resolves.toMatch(/Wiper blades/);
    expect(await item.locator("button.task-about").count()).toBe(0);
    // Its dialog is on no day: the number is asked for from the task itself, a tel: link.
    const show = item.getByRole("button", { name: /^Show the phone number: / });
    await show.focus();
    await page.keyboard.press("Enter");
    const phone = item.getByRole("link", { name: "+39 333 1234567" });
    await phone.waitFor();
    expect(await phone.getAttribute("href")).toBe("tel:+393331234567");
    await focusMovesTo(page, "li[data-task] .task-phone a");
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("Escape closes the form and gives the focus back to its button; nothing is recorded", async () => {
    const task = await noShowTask("Ester Escape");
    const page = await signedInPage(bw.browser, bw.world);
    const item = page.locator(`li[data-task="${task.id}"]`);
    const toggle = item.getByRole("button", { name: /^Record the call/ });
    await toggle.click();
    await focusMovesTo(page, `li[data-task="${task.id}"] input[type=radio][value=reached]`);
    await page.keyboard.press("Space");
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await focusMovesTo(page, `li[data-task="${task.id}"] .record-call > button`);
    expect((await stored(task.id, "open"))?.attempts).toEqual([]);
    await page.context().close();
  }, 60_000);

  it.each([
    { lang: "en", more: "Show more tasks", notice: /^Showing the 2 oldest open tasks; more are open\.$/ },
    {
      lang: "it",
      more: "Mostra altre attività",
      notice: /^Sono mostrate le 2 attività aperte più vecchie; ce ne sono altre\.$/,
    },
  ])(
    "$lang: a long list of open tasks pages: 'Show more' appends the next page, by keyboard, the focus on its first task; a reload keeps the pages; axe-clean",
    async (c) => {
      // At least four: two pages and then some, whichever tests ran before.
      const ids = await atLeastOpen(4, `Paola Pagina ${c.lang}`);
      expect(ids.length).toBeGreaterThanOrEqual(4);
      const page = await signedInPage(bw.browser, bw.world, c.lang);
      // Pages of 2, not the page's 500: the server's paging as it is, on a few tasks.
      await page.route(
        (url) => url.pathname.endsWith("/tasks") && url.searchParams.get("state") === "open",
        (route) => {
          const url = new URL(route.request().url());
          url.searchParams.set("limit", "2");
          return route.continue({ url: url.toString() });
        },
      );
      await page.reload();
      await page.locator(".timeline").waitFor();
      const items = page.locator("li[data-task]");
      const more = page.getByRole("button", { name: c.more, exact: true });
      await more.waitFor();
      expect(await items.count()).toBe(2);
      await expect(page.locator(".notice").filter({ hasText: c.notice }).count()).resolves.toBe(1);
      // The heading does not pretend the first page is all of them.
      await expect(page.locator("#tasks-title").innerText()).resolves.toMatch(/\(2\+\)$/);
      expect(await axeViolations(page)).toEqual([]);
      let shown = 2;
      while (shown < ids.length) {
        await more.focus();
        await page.keyboard.press("Enter");
        // The first task of the page added takes the focus (the button may be gone: the last page).
        await focusMovesTo(page, `li[data-task="${ids[shown]}"]`);
        shown = Math.min(shown + 2, ids.length);
        expect(await items.count()).toBe(shown);
      }
      expect(await more.count()).toBe(0);
      expect(await page.locator(".notice").filter({ hasText: c.notice }).count()).toBe(0);
      await expect(page.locator("#tasks-title").innerText()).resolves.toMatch(new RegExp(`\\(${ids.length}\\)$`));
      expect(await items.evaluateAll((li) => li.map((e) => e.getAttribute("data-task")))).toEqual(ids);
      expect(await axeViolations(page)).toEqual([]);
      // A live change reads the list again: as many pages as were shown, none lost.
      const later = await noShowTask(`Pia Poi ${c.lang}`);
      await page.locator(`li[data-task="${later.id}"], button:text-is("${c.more}")`).first().waitFor();
      const now = await items.evaluateAll((li) => li.map((e) => e.getAttribute("data-task")));
      expect(now.slice(0, ids.length)).toEqual(ids);
      await page.context().close();
    },
    90_000,
  );

  it.each([
    {
      lang: "en",
      how: "no connection",
      more: "Show more tasks",
      notice: "More tasks could not be shown. The server cannot be reached. Check the connection and try again.",
      fail: (route: Route) => route.abort(),
    },
    {
      lang: "it",
      how: "a server error",
      more: "Mostra altre attività",
      notice: "Non è stato possibile mostrare altre attività. Qualcosa è andato storto sul server. Riprova.",
      fail: (route: Route) =>
        route.fulfill({
          status: 500,
          contentType: "application/problem+json",
          body: JSON.stringify({ type: "about:blank", title: "Internal error", status: 500, code: "internal" }),
        }),
    },
  ])(
    "$lang: 'Show more' failing ($how) is said in the page's notice as sentences; the list stays as it was and the button, focused, works when pressed again",
    async (c) => {
      const ids = await atLeastOpen(3, `Fabio Fallito ${c.lang}`);
      const page = await signedInPage(bw.browser, bw.world, c.lang);
      // Pages of 2; the next page's read (after=) fails while `failing`.
      let failing = true;
      await page.route(
        (url) => url.pathname.endsWith("/tasks") && url.searchParams.get("state") === "open",
        (route) => {
          const url = new URL(route.request().url());
          if (failing && url.searchParams.has("after")) return c.fail(route);
          url.searchParams.set("limit", "2");
          return route.continue({ url: url.toString() });
        },
      );
      await page.reload();
      await page.locator(".timeline").waitFor();
      const items = page.locator("li[data-task]");
      const more = page.getByRole("button", { name: c.more, exact: true });
      await more.focus();
      await page.keyboard.press("Enter");
      // Said where the page says what happened, visibly and to a screen reader.
      await expect.poll(() => page.getByTestId("notice").textContent()).toBe(c.notice);
      await expect.poll(() => page.getByRole("status").first().textContent()).toBe(c.notice);
      // The list is as it was, and "Show more" is there, usable and focused, to try again.
      expect(await items.evaluateAll((li) => li.map((e) => e.getAttribute("data-task")))).toEqual(ids.slice(0, 2));
      await expect(page.locator("#tasks-title").innerText()).resolves.toMatch(/\(2\+\)$/);
      expect(await more.getAttribute("aria-disabled")).toBe("false");
      expect(await more.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      failing = false;
      await page.keyboard.press("Enter");
      await focusMovesTo(page, `li[data-task="${ids[2]}"]`);
      expect(await items.count()).toBe(Math.min(4, ids.length));
      await page.context().close();
    },
    60_000,
  );
});
